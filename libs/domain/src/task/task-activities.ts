import { NotificationRequest, StageTimerPlan, TaskPolicy, TaskSnapshot } from './task-types';

/**
 * What the task workflow asks of the outside world. Implemented in activities/ (side effects:
 * calendar data, PostgreSQL projection, notification channels); the workflow only sees this type.
 */
export interface TaskActivities {
  /**
   * Reminder and escalation instants of a stage on the workday calendar. `calendarRevision`: at
   * least this revision of the calendar (set after a calendar change, see CalendarChange).
   */
  planStageTimers(args: { dueAt: string; policy: TaskPolicy; calendarRevision?: number }): Promise<StageTimerPlan>;
  /** The deadline instant of a due date (moved to the workday before a holiday). */
  resolveDueInstant(args: { date: string; calendarRevision?: number }): Promise<string>;
  /** The 签收 deadline of an assignment made at `assignedAt`: the end of the workday `workdays` later. */
  resolveReceiptDue(args: { assignedAt: string; workdays: number; calendarRevision?: number }): Promise<string>;
  /** Writes the state into the read model; idempotent by snapshot version. */
  projectTaskState(snapshot: TaskSnapshot): Promise<string>;
  /** Delivers a notification (inbox, e-mail, group robots), once per dedup key and channel. */
  notify(request: NotificationRequest): Promise<void>;
}
