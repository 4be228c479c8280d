/** What a notification is about; the same kinds the inbox table stores. */
export type NotificationKind = 'reminder' | 'escalation' | 'action' | 'bulletin';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['reminder', 'escalation', 'action', 'bulletin'];

/**
 * Who a notification is for. 催办 usually goes to a unit and role ("水气股 handler"), not a named
 * person, so only unitCode and role are required; e-mail is used by the SMTP channel when present.
 */
export interface Recipient {
  userId?: string;
  name?: string;
  email?: string;
  unitCode: string;
  role: string;
}

export interface TaskRef {
  planId: string;
  taskCode: string;
  /** Link to the task page, shown in e-mails and robot messages when it is http(s). */
  url?: string;
}

export interface Notification {
  /**
   * Identity of this notification, e.g. `planId/taskCode/stageKey/reminder/3`. Every channel sends
   * it at most once in the normal case (see DeliveryLog); at most 256 characters (the table column).
   */
  dedupKey: string;
  kind: NotificationKind;
  title: string;
  /** Chinese text; newlines separate paragraphs. */
  body: string;
  recipients: Recipient[];
  taskRef?: TaskRef;
  /** Escalation level (1 = 股长, 2 = 分管领导, 3 = 局长/督查室); shown as 督办·二级. */
  level?: number;
}

/**
 * The inbox key of a recipient, as the `notification.recipient_key` column holds it: the user id
 * when addressed to a person, otherwise "<unit>:<role>".
 */
export function recipientKey(r: Recipient): string {
  return r.userId ? r.userId : `${r.unitCode}:${r.role}`;
}
