import { DataSource } from 'typeorm';
import { TaskActivities } from '@duban/domain/task/task-activities';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { NotificationRequest } from '@duban/domain/task/task-types';
import { sanitizeText } from '@duban/domain/text/safe-text';
import { Notification, Notifier, Recipient } from '@duban/notify';
import { deliverOnEveryChannel } from './deliver-on-every-channel';

/**
 * Delivers a task notification through every enabled channel (inbox, e-mail, group robots). Each
 * channel sends at most once per dedup key (the Notifier's delivery log); when one fails, the
 * activity fails retryably and the retry skips the channels that already delivered, so a broken
 * mail server never duplicates the inbox and never blocks the workflow (it does not wait on it).
 */
export function createNotificationActivities(
  db: DataSource,
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
        recipients: await withEmails(db, request.recipients),
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
export async function withEmails(db: DataSource, recipients: NotificationRequest['recipients']): Promise<Recipient[]> {
  const out: Recipient[] = recipients.map((r) => ({ unitCode: r.unitCode, role: r.role }));
  const rows: { email: string; display_name: string; unit: string; role: string }[] = await db.query(
    `SELECT DISTINCT u.email, u.display_name, t.unit, t.role
       FROM app_user u
       JOIN jsonb_to_recordset($1::jsonb) AS t(unit text, role text)
         ON t.role = u.role AND (t.unit = '*' OR t.unit = u.unit_code OR t.unit = ANY(u.deputy_units))
      WHERE u.active AND u.email IS NOT NULL`,
    [JSON.stringify(recipients.map((r) => ({ unit: r.unitCode, role: r.role })))],
  );
  // Without a userId these only feed the SMTP channel; the inbox row stays per unit and role.
  for (const row of rows) out.push({ unitCode: row.unit, role: row.role, email: row.email, name: row.display_name });
  return out;
}
