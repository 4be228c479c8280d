import { Context } from '@temporalio/activity';
import { createCalendarActivities } from '../../activities/calendar/calendar-activities';
import { TaskActivities } from '@duban/domain/task/task-activities';
import { NotificationRequest, TaskSnapshot } from '@duban/domain/task/task-types';

/**
 * The task activities for workflow tests: the real calendar activities, and sinks for projection
 * and notification that record what the workflow asked for (their PostgreSQL and SMTP
 * implementations are tested end to end in test/e2e). `sentAt` is the server time the activity was
 * scheduled at (the skipped clock, not the wall clock).
 */
export function recordingActivities() {
  const notifications: (NotificationRequest & { sentAt: string })[] = [];
  const projections: TaskSnapshot[] = [];
  const activities: TaskActivities = {
    ...createCalendarActivities(),
    async projectTaskState(snapshot) {
      projections.push(snapshot);
      return 'applied';
    },
    async notify(request) {
      const scheduled = Context.current().info.currentAttemptScheduledTimestampMs;
      notifications.push({ ...request, sentAt: new Date(scheduled).toISOString() });
    },
  };
  return { activities, notifications, projections };
}
