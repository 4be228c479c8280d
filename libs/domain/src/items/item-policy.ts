import { ItemPolicy } from '../plan/plan-tree';
import { ESCALATION_LADDER } from '../task/task-types';

/** At most this many reminders, and none earlier than this many workdays before the deadline. */
export const MAX_REMINDERS = 6;
export const MAX_REMINDER_OFFSET = 30;
export const MAX_ESCALATION_WORKDAYS = 60;

/**
 * An item's own reminders (workdays before its deadline) and ladder (workdays after it at which
 * each of the three rungs is reached), checked: the problems in words, or the policy.
 */
export function itemPolicyOf(
  reminderOffsets: number[] | undefined,
  escalationAfterWorkdays: number[] | undefined,
): { policy?: ItemPolicy; problem?: { field: string; message: string } } {
  const policy: ItemPolicy = {};
  if (reminderOffsets) {
    const offsets = [...new Set(reminderOffsets)].sort((a, b) => b - a);
    const bad = offsets.find((n) => !Number.isInteger(n) || n < 0 || n > MAX_REMINDER_OFFSET);
    if (bad !== undefined || offsets.length === 0 || offsets.length > MAX_REMINDERS) {
      return {
        problem: {
          field: 'reminderOffsets',
          message: `催办应为 1–${MAX_REMINDERS} 个 0–${MAX_REMINDER_OFFSET} 的整数（到期前的工作日数，0 为到期当日）`,
        },
      };
    }
    policy.reminderOffsets = offsets;
  }
  if (escalationAfterWorkdays) {
    const days = escalationAfterWorkdays;
    const ascending = days.every((d, i) => i === 0 || d > days[i - 1]);
    const inRange = days.every((d) => Number.isInteger(d) && d >= 1 && d <= MAX_ESCALATION_WORKDAYS);
    if (days.length !== ESCALATION_LADDER.length || !ascending || !inRange) {
      return {
        problem: {
          field: 'escalationAfterWorkdays',
          message: `督办应为 3 个递增的 1–${MAX_ESCALATION_WORKDAYS} 的整数：逾期几个工作日后依次升至股长、分管领导、督查室`,
        },
      };
    }
    policy.ladder = ESCALATION_LADDER.map((rung, i) => ({ ...rung, afterWorkdays: days[i] }));
  }
  return Object.keys(policy).length ? { policy } : {};
}
