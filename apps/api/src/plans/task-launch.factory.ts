import { buildTaskInput } from '@duban/domain/task/task-input';
import { taskWorkflowId } from '@duban/domain/task/task-types';
import { TaskLaunchFactory } from './task-launch';

/** Builds each leaf's workflow input: stage template by kind, due instants on the workday calendar. */
export function taskLaunchFactory(): TaskLaunchFactory {
  return (planId, plan, leaf, assignment, calendar) => {
    const input = buildTaskInput(leaf.item, {
      planId,
      planYear: plan.year,
      issuedOn: plan.issuedOn,
      leadUnit: assignment.leadUnit,
      cooperatingUnits: assignment.cooperatingUnits,
      // A registered item may carry its own reminders and ladder (立项).
      override: leaf.item.policy ? { policy: leaf.item.policy } : undefined,
      calendar,
    });
    return { taskId: taskWorkflowId(planId, leaf.item.code), kind: input.kind, input };
  };
}
