import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { TaskActivities } from '../../libs/domain/src/task/task-activities';
import { NotificationRequest } from '../../libs/domain/src/task/task-types';
import { NotificationChannel, PermanentDeliveryError } from '../../libs/notify/src';

/** A channel send that started this long ago without finishing is presumed lost and re-sent. */
const SENDING_LEASE_SECONDS = 300;

/**
 * Delivers a notification: one inbox row per recipient (unique by dedup key), then each external
 * channel once. Per channel a row in notification_delivery is claimed before sending and marked
 * delivered after, so a retried activity skips what already went out. The gap between send and
 * mark (a crash right there) is covered by the lease: at-least-once, with the dedup key in the
 * message so a duplicate can be recognised downstream.
 */
export function createNotificationActivities(
  db: DataSource,
  channels: NotificationChannel[],
  publicUrl?: string,
): Pick<TaskActivities, 'notify'> {
  return {
    async notify(request: NotificationRequest) {
      await writeInbox(db, request);
      const emails = channels.some((c) => c.name === 'smtp') ? await emailsOf(db, request) : [];
      const failures: string[] = [];
      for (const channel of channels) {
        if (!(await claim(db, request.dedupKey, channel.name))) continue;
        try {
          await channel.send({
            dedupKey: request.dedupKey,
            kind: request.kind,
            level: request.level,
            title: request.title,
            body: request.body,
            emails,
            link: publicUrl ? `${publicUrl}/tasks/${request.taskId}` : undefined,
          });
          await mark(db, request.dedupKey, channel.name, 'delivered', null);
        } catch (error) {
          const message = (error as Error).message;
          await mark(db, request.dedupKey, channel.name, 'failed', message);
          if (error instanceof PermanentDeliveryError) continue; // recorded; retrying cannot help
          failures.push(`${channel.name}: ${message}`);
        }
      }
      // Only the failed channels are retried next time: delivered ones are skipped by their rows.
      if (failures.length > 0)
        throw ApplicationFailure.retryable(`delivery failed: ${failures.join('; ')}`, 'DeliveryFailed');
    },
  };
}

async function writeInbox(db: DataSource, r: NotificationRequest): Promise<void> {
  for (const to of r.recipients) {
    await db.query(
      `INSERT INTO notification (dedup_key, recipient_key, recipient_unit, recipient_role, kind, level, title, body, task_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (dedup_key, recipient_key) DO NOTHING`,
      [
        r.dedupKey,
        `${to.unitCode}:${to.role}`,
        to.unitCode,
        to.role,
        r.kind,
        r.level ?? null,
        r.title,
        r.body,
        r.taskId,
      ],
    );
  }
}

async function emailsOf(db: DataSource, r: NotificationRequest): Promise<string[]> {
  const rows: { email: string }[] = await db.query(
    `SELECT DISTINCT u.email FROM app_user u
      WHERE u.active AND u.email IS NOT NULL AND EXISTS (
        SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS t(unit text, role text)
         WHERE t.role = u.role AND (t.unit = '*' OR t.unit = u.unit_code OR t.unit = ANY(u.deputy_units)))`,
    [JSON.stringify(r.recipients.map((x) => ({ unit: x.unitCode, role: x.role })))],
  );
  return rows.map((row) => row.email);
}

/** True when this attempt should send: never claimed, failed before, or a stale 'sending'. */
async function claim(db: DataSource, dedupKey: string, channel: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `INSERT INTO notification_delivery (dedup_key, channel, status, attempts, updated_at)
     VALUES ($1, $2, 'sending', 1, now())
     ON CONFLICT (dedup_key, channel) DO UPDATE SET status = 'sending', attempts = notification_delivery.attempts + 1,
       updated_at = now()
     WHERE notification_delivery.status = 'failed'
        OR (notification_delivery.status = 'sending' AND notification_delivery.updated_at < now() - make_interval(secs => $3))
     RETURNING dedup_key`,
    [dedupKey, channel, SENDING_LEASE_SECONDS],
  );
  return rows.length > 0;
}

async function mark(db: DataSource, dedupKey: string, channel: string, status: string, error: string | null) {
  await db.query(
    `UPDATE notification_delivery SET status = $3, last_error = $4, updated_at = now() WHERE dedup_key = $1 AND channel = $2`,
    [dedupKey, channel, status, error],
  );
}
