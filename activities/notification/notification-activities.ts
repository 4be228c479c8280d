import { TaskActivities } from '@duban/domain/task/task-activities';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { NotificationRequest } from '@duban/domain/task/task-types';
import { sanitizeText } from '@duban/domain/text/safe-text';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { Notification, Notifier, Recipient } from '@duban/notify';
import { deliverOnEveryChannel } from './deliver-on-every-channel';

/**
 * Delivers a task notification through every enabled channel (inbox, e-mail, group robots). Each
 * channel sends at most once per dedup key (the Notifier's delivery log); when one fails, the
 * activity fails retryably and the retry skips the channels that already delivered, so a broken
 * mail server never duplicates the inbox and never blocks the workflow (it does not wait on it).
 */
export function createNotificationActivities(
  users: UserRepository,
  notifier: Notifier,
  publicUrl?: string,
): Pick<TaskActivities, 'notify'> {
  return {
    async notify(request: NotificationRequest) {
      const [planId, ...code] = request.taskId.split('/');
      const n: Notification = {
        dedupKey: request.dedupKey,
        kind: request.kind,
        level: request.level,
        // Made storable for the inbox table and mail (the API refuses such text; plans from older
        // imports may still hold it).
        title: sanitizeText(request.title),
        body: sanitizeText(request.body),
        recipients: await withEmails(users, request.recipients),
        taskRef: {
          planId,
          taskCode: code.join('/'),
          url: publicUrl ? `${publicUrl}${taskPagePath(request.taskId)}` : undefined,
        },
      };
      await deliverOnEveryChannel(notifier, n);
    },
  };
}

/**
 * The unit/role recipients as the inbox keeps them, plus one e-mail recipient per active user who
 * holds that role in that unit (or oversees it, for deputy directors) and has an address.
 */
export async function withEmails(
  users: UserRepository,
  recipients: NotificationRequest['recipients'],
): Promise<Recipient[]> {
  const out: Recipient[] = recipients.map((r) => ({ unitCode: r.unitCode, role: r.role }));
  // Without a userId these only feed the SMTP channel; the inbox row stays per unit and role.
  for (const m of await users.mailboxes(recipients)) {
    out.push({ unitCode: m.unitCode, role: m.role, email: m.email, name: m.name });
  }
  return out;
}
