import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { TaskActivities } from '../libs/domain/src/task/task-activities';
import { TASK_ACTIVITY_OPTIONS, TASK_LOCAL_ACTIVITY_OPTIONS } from '../libs/domain/src/task/task-contract';
import { TaskMachine } from '../libs/domain/src/task/task-machine';
import { TaskNotice } from '../libs/domain/src/task/task-notices';

type CalendarActivities = Pick<TaskActivities, 'planStageTimers' | 'resolveDueInstant' | 'resolveReceiptDue'>;
type ProjectionActivities = Pick<TaskActivities, 'projectTaskState'>;

/**
 * The task's calendar look-ups and projections, as local activities (one workflow task per action)
 * or, for runs started before the 'local-projection' patch, scheduled on the server as their
 * histories say.
 */
export const taskActivities = {
  remote: {
    calendar: proxyActivities<CalendarActivities>(TASK_ACTIVITY_OPTIONS.calendar),
    projection: proxyActivities<ProjectionActivities>(TASK_ACTIVITY_OPTIONS.projection),
  },
  local: {
    calendar: proxyLocalActivities<CalendarActivities>(TASK_LOCAL_ACTIVITY_OPTIONS.calendar),
    projection: proxyLocalActivities<ProjectionActivities>(TASK_LOCAL_ACTIVITY_OPTIONS.projection),
  },
};

/** Notifications always run on the server: a channel may retry for a day. */
const notifications = proxyActivities<Pick<TaskActivities, 'notify'>>(TASK_ACTIVITY_OPTIONS.notification);

/** Sends the machine's notices; a delivery that gave up after its retries is recorded on the task. */
export function deliver(machine: TaskMachine, notices: TaskNotice[]): Promise<void>[] {
  const { taskId, planId, taskCode } = machine.s;
  return notices.map((notice) =>
    notifications
      .notify({ ...notice, taskId, taskRef: { planId, taskCode } })
      .catch(() => machine.notificationFailed(notice)),
  );
}
