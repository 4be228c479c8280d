import { DataSource } from 'typeorm';
import { BulletinContent, StoredBulletinRef } from '@duban/domain/bulletin/bulletin-content';

/**
 * Stores a week's bulletin once: the unique (plan, week) key makes a second generation for the
 * same week (a retried activity, a manual run after the scheduled one) write nothing and answer
 * the id already stored.
 */
export async function storeBulletin(db: DataSource, content: BulletinContent): Promise<StoredBulletinRef> {
  const inserted: { id: string }[] = await db.query(
    `INSERT INTO bulletin (plan_id, week, week_start, generated_at, content)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (plan_id, week) DO NOTHING RETURNING id`,
    [content.planId, content.week, content.weekStart, content.asOf, JSON.stringify(content)],
  );
  if (inserted.length > 0) return { id: inserted[0].id, planId: content.planId, week: content.week, created: true };
  const [existing]: { id: string }[] = await db.query(`SELECT id FROM bulletin WHERE plan_id = $1 AND week = $2`, [
    content.planId,
    content.week,
  ]);
  return { id: existing.id, planId: content.planId, week: content.week, created: false };
}
