import { buildTaskInput } from '@duban/domain/task/task-input';
import { DEFAULT_RECEIPT_WORKDAYS, taskWorkflowId } from '@duban/domain/task/task-types';
import { TaskLaunchFactory } from './task-launch';

/** Builds each leaf's workflow input: stage template by kind, due instants on the workday calendar. */
export function taskLaunchFactory(): TaskLaunchFactory {
  return (planId, plan, leaf, assignment, calendar, importPolicy = {}) => {
    const { receiptWorkdays = DEFAULT_RECEIPT_WORKDAYS, progress } = importPolicy;
    const input = buildTaskInput(leaf.item, {
      planId,
      planYear: plan.year,
      issuedOn: plan.issuedOn,
      leadUnit: assignment.leadUnit,
      cooperatingUnits: assignment.cooperatingUnits,
      // A registered item may carry its own reminders, ladder and 签收 time (立项).
      override: {
        policy: { receiptWorkdays, ...(progress ? { progress } : {}), ...leaf.item.policy },
        // Every row of an inspection's problem list is a rectification (方案 → 实施 → 验收 → 销号).
        ...(plan.sourceKind === 'inspection' && !leaf.item.kind ? { kind: 'rectification' as const } : {}),
      },
      calendar,
    });
    return { taskId: taskWorkflowId(planId, leaf.item.code), kind: input.kind, input };
  };
}
