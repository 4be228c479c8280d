import { StageState, StageTimerPlan } from './task-types';

type Planned = Pick<StageState, 'reminders' | 'ladder' | 'dueRevision' | 'plannedRevision'>;

/**
 * The timers a stage keeps from a (re-)computed timer plan, at workflow time `now`:
 * - a reminder whose instant has passed is `skipped` (a late 催办 burst helps nobody);
 * - an escalation stays `pending` even when late: overdue is a state, raised as soon as seen;
 * - when the same schedule is planned again (resume after 暂停, same due revision), whatever
 *   already fired stays fired, so nothing is sent or raised twice.
 * A new due revision (extension) starts from a clean plan with its own dedup keys.
 */
export function applyTimerPlan(
  stage: Planned,
  plan: StageTimerPlan,
  now: number,
): Pick<StageState, 'reminders' | 'ladder'> {
  const sameSchedule = stage.plannedRevision === stage.dueRevision;
  const firedReminders = new Set(
    sameSchedule ? stage.reminders.filter((r) => r.state === 'fired').map((r) => r.offsetWorkdays) : [],
  );
  const firedLevels = new Set(sameSchedule ? stage.ladder.filter((e) => e.state === 'fired').map((e) => e.level) : []);
  return {
    reminders: plan.reminders.map((r) => ({
      ...r,
      state: firedReminders.has(r.offsetWorkdays) ? 'fired' : Date.parse(r.at) < now ? 'skipped' : 'pending',
    })),
    ladder: plan.escalations.map((e) => ({ ...e, state: firedLevels.has(e.level) ? 'fired' : 'pending' })),
  };
}
