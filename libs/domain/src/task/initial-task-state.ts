import { initialStageState } from './initial-stage-state';
import { TaskSnapshot, TaskWorkflowInput, taskWorkflowId } from './task-types';

/** The first state of a task workflow: first stage open, everything else pending. */
export function initialTaskState(input: TaskWorkflowInput): TaskSnapshot {
  return {
    taskId: taskWorkflowId(input.planId, input.taskCode),
    planId: input.planId,
    taskCode: input.taskCode,
    title: input.title,
    kind: input.kind,
    version: 1,
    status: 'active',
    leadUnit: input.leadUnit,
    cooperatingUnits: input.cooperatingUnits.filter((u) => u !== input.leadUnit),
    currentStageKey: input.stages[0]?.key ?? null,
    stages: input.stages.map((spec, i) => initialStageState(spec, i === 0 ? 'open' : 'pending')),
    escalations: [],
    pendingExtension: null,
    trafficLight: 'none',
    nextDueAt: null,
    events: [],
    policy: input.policy,
    problems: (input.problems ?? []).map((p) => ({ ...p, status: 'open' as const, closedAt: null })),
    ...(input.parent ? { parent: input.parent } : {}),
    ...(input.verifyingUnit ? { verifyingUnit: input.verifyingUnit } : {}),
    ...(input.progressFrom ? { progressFrom: input.progressFrom } : {}),
  };
}
