import { shanghaiInstant } from '../calendar/shanghai-time';
import { expectedShare, ProgressStanding, standing } from '../progress/expected-progress';
import { StageState, TaskSnapshot } from './task-types';

/** A submission that still counts: not returned (a returned stage's figure is being redone). */
const COUNTED: StageState['status'][] = ['submitted', 'awaiting-cooperation', 'approved', 'closed'];

/**
 * 序时进度 of a task at `now`, by the task's progress policy: a quantitative task by the latest
 * reported count toward its target, over its span on the policy's curve; a task of several working
 * stages by the stages due by now against those approved. Null when the task has no policy, no
 * measurable path, or is not under way.
 */
export function taskProgress(s: TaskSnapshot, now: number): ProgressStanding | null {
  const policy = s.policy.progress;
  if (!policy || s.status !== 'active') return null;
  const work = s.stages.filter((st) => !st.closure);
  const target = work.find((st) => st.targetQuantity !== undefined);
  if (target?.targetQuantity && target.dueAt && s.progressFrom) {
    const reported = work
      .filter((st) => st.submission?.quantity !== undefined && COUNTED.includes(st.status))
      .sort((a, b) => Date.parse(a.submission!.at) - Date.parse(b.submission!.at))
      .at(-1)?.submission?.quantity;
    const share = expectedShare(policy.curve, shanghaiInstant(s.progressFrom).getTime(), Date.parse(target.dueAt), now);
    return standing('quantity', share, (reported ?? 0) / target.targetQuantity, policy, now);
  }
  const dated = work.filter((st) => st.dueAt);
  if (dated.length < 2) return null;
  const due = dated.filter((st) => Date.parse(st.dueAt!) < now).length;
  const approved = dated.filter((st) => st.status === 'approved' || st.status === 'closed').length;
  return standing('stages', due / dated.length, approved / dated.length, policy, now);
}

/** The next weekly 序时进度 check after `now`: Monday 09:00 Beijing time. */
export function nextProgressCheck(now: number): number {
  const beijing = new Date(now + 8 * 3600_000); // Beijing wall clock in the UTC fields
  for (let k = 0; ; k++) {
    const day = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate() + k, 9));
    const at = day.getTime() - 8 * 3600_000;
    if (day.getUTCDay() === 1 && at > now) return at;
  }
}
