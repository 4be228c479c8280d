import { WorkdayCalendar } from '../calendar/workday-calendar';
import { shanghaiInstant } from '../calendar/shanghai-time';
import { StageTimerPlan, TaskPolicy } from './task-types';

/**
 * When a stage's reminders (催办) and escalations (督办) fall, on the workday calendar: each
 * reminder `offset` workdays before the due day, each ladder rung `afterWorkdays` after it, all at
 * the policy's send time; yellow starts at the beginning of the day `yellowWindowWorkdays` before.
 */
export function planStageTimers(dueAt: string, policy: TaskPolicy, calendar: WorkdayCalendar): StageTimerPlan {
  const dueDay = calendar.dateOf(dueAt);
  const at = (date: string) => shanghaiInstant(date, policy.sendAt.hour, policy.sendAt.minute).toISOString();
  const reminders = [...new Set(policy.reminderOffsets)]
    .sort((a, b) => b - a)
    .map((offset) => ({ offsetWorkdays: offset, at: at(calendar.addWorkdays(dueDay, -offset)) }));
  const escalations = [...policy.ladder]
    .sort((a, b) => a.level - b.level)
    .map((rung) => ({ level: rung.level, to: rung.to, at: at(calendar.addWorkdays(dueDay, rung.afterWorkdays)) }));
  const yellowFrom = shanghaiInstant(calendar.addWorkdays(dueDay, -policy.yellowWindowWorkdays)).toISOString();
  return { reminders, escalations, yellowFrom };
}
