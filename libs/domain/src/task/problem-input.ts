import { closureStageSpec } from './closure-stage';
import { AddProblemArgs, TaskSnapshot, TaskWorkflowInput } from './task-types';

/**
 * The workflow input of one problem of a rectification ledger (整改台账): a small task of its own
 * with one evidence-required 整改 stage due at `dueAt`, then 销号 by a supervisor. It reminds and
 * escalates like any task, and tells its parent when it ends.
 */
export function problemTaskInput(parent: TaskSnapshot, args: AddProblemArgs, dueAt: string): TaskWorkflowInput {
  // taskWorkflowId(planId, taskCode) of this input is problemWorkflowId(planId, parent code, id).
  return {
    planId: parent.planId,
    taskCode: `${parent.taskCode}/problem/${args.problemId}`,
    title: `${parent.title}：${args.title}`,
    kind: 'rectification',
    leadUnit: parent.leadUnit,
    cooperatingUnits: [],
    stages: [
      {
        key: 'rectify',
        name: '问题整改',
        ownerUnit: parent.leadUnit,
        dueAt,
        requiresEvidence: true,
        requiresCooperation: false,
        closure: false,
      },
      closureStageSpec(),
    ],
    policy: parent.policy,
    parent: { workflowId: parent.taskId, problemId: args.problemId },
  };
}
