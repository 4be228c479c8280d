import { ActorRef } from '../access/actor';
import { TaskRejection, reject } from './rejections';
import { checkTextFields, needServedDate, needText } from './task-rules';
import type { CarriedState } from './task-machine';
import { StageSpec, StageState, TaskSnapshot, TaskWorkflowInput } from './task-types';

/** What a supervisor gives to reopen a closed rectification (反弹回潮): why, and the new deadline. */
export interface ReopenRequest {
  reason: string;
  /** YYYY-MM-DD (Shanghai) the rectification must be done again by. */
  dueDate: string;
}

/**
 * Why `actor` may not reopen the task in state `s` with `r`; null when allowed. Only a supervisor
 * reopens, only a closed rectification (a problem found again by a later inspection), with a reason
 * and a date due after `today`.
 */
export function checkReopen(actor: ActorRef, s: TaskSnapshot, r: ReopenRequest, today: string): TaskRejection | null {
  if (actor.role !== 'supervisor') {
    return reject('FORBIDDEN_ROLE', '只有督查室可以重新打开已销号的整改', 'Only a supervisor may reopen a closed task');
  }
  if (s.kind !== 'rectification') {
    return reject('INVALID_STATE', '只有整改类任务可以因反弹回潮重新打开', 'Only a rectification can be reopened');
  }
  if (s.status !== 'closed') {
    return reject('INVALID_STATE', '只有已销号的整改可以重新打开', 'Only a closed rectification can be reopened');
  }
  // The only text is the reason: a refusal of it is tied to that field.
  const text = checkTextFields({ reason: r.reason }, { reason: 'reason' });
  if (text) return { ...text, field: 'reason' };
  return (
    needText(r.reason, 'reason', '重新打开须填写理由（如：某次督察再次发现）', 'A reason is required') ??
    needServedDate(r.dueDate, 'dueDate', '新的整改期限') ??
    (r.dueDate > today
      ? null
      : reject('BAD_INPUT', '新的整改期限须在今天以后', 'dueDate must be a date after today', 'dueDate'))
  );
}

/** The stage the work is done again in: the last one before 销号. */
export function reopenedStage(s: Pick<TaskSnapshot, 'stages'>): StageState | undefined {
  const closureAt = s.stages.findIndex((st) => st.closure);
  return closureAt > 0 ? s.stages[closureAt - 1] : undefined;
}

/**
 * The next run of a closed rectification, reopened: the same workflow id, its number, stages and
 * ledger kept, the last working stage open again with the new deadline (its timers planned anew)
 * and 销号 pending. Events go on from `lastSeq` (what the read model holds), so the history reads
 * as one; the version goes on, so the read model takes the new state.
 */
export function reopenedRun(
  s: TaskSnapshot,
  r: ReopenRequest & { dueAt: string; actor: ActorRef; at: string; lastSeq: number },
): { input: TaskWorkflowInput; carried: CarriedState } {
  const state: TaskSnapshot = structuredClone({ ...s, events: [] });
  const work = reopenedStage(state)!;
  const closure = state.stages.find((st) => st.closure)!;
  Object.assign(closure, { status: 'pending', approval: null, completedAt: null });
  Object.assign(work, {
    status: 'open',
    submission: null,
    approval: null,
    completedAt: null,
    cooperation: {},
    dueAt: r.dueAt,
    dueDate: r.dueDate,
    dueRevision: work.dueRevision + 1,
    escalationLevel: 0,
    reminders: [],
    ladder: [],
  });
  state.status = 'active';
  state.currentStageKey = work.key;
  state.pendingExtension = null;
  state.version = s.version + 1;
  state.events = [
    {
      seq: r.lastSeq + 1,
      at: r.at,
      action: 'reopen',
      actor: r.actor,
      stageKey: work.key,
      detail: `反弹回潮，重新整改（“${work.name}”期限 ${r.dueDate}）：${r.reason}`,
    },
  ];
  return { input: inputOf(state), carried: { state, processed: [], projectedSeq: r.lastSeq } };
}

/** The workflow input a task's state was started from, as far as a later run needs it. */
function inputOf(s: TaskSnapshot): TaskWorkflowInput {
  const stages: StageSpec[] = s.stages.map((st) => ({
    key: st.key,
    name: st.name,
    ownerUnit: st.ownerUnit,
    dueAt: st.dueAt,
    ...(st.dueDate ? { dueDate: st.dueDate } : {}),
    requiresEvidence: st.requiresEvidence,
    requiresCooperation: st.requiresCooperation,
    closure: st.closure,
    ...(st.targetQuantity !== undefined ? { targetQuantity: st.targetQuantity } : {}),
    ...(st.milestoneQuantity !== undefined ? { milestoneQuantity: st.milestoneQuantity } : {}),
  }));
  return {
    planId: s.planId,
    taskCode: s.taskCode,
    title: s.title,
    kind: s.kind,
    leadUnit: s.leadUnit,
    cooperatingUnits: s.cooperatingUnits,
    stages,
    policy: s.policy,
    ...(s.parent ? { parent: s.parent } : {}),
  };
}
