import { StageSpec, StageState, StageStatus } from './task-types';

/** A stage as a task workflow starts it: nothing submitted, no timers planned yet. */
export function initialStageState(spec: StageSpec, status: StageStatus): StageState {
  return {
    ...spec,
    status,
    yellowFrom: null,
    dueRevision: 0,
    submission: null,
    cooperation: {},
    returns: [],
    approval: null,
    reminders: [],
    ladder: [],
    plannedRevision: -1,
    escalationLevel: 0,
    completedAt: null,
  };
}
