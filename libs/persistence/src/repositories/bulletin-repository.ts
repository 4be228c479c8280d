import { DataSource } from 'typeorm';
import { BulletinContent, StoredBulletinRef } from '@duban/domain/bulletin/bulletin-content';

export interface StoredBulletinRow {
  id: string;
  planId: string;
  week: string;
  /** YYYY-MM-DD, the Monday of the week. */
  weekStart: string;
  generatedAt: Date;
  content: BulletinContent;
}

/** Weekly bulletins (督办通报): stored once per plan and week, read by the pages and exports. */
export class BulletinRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Stores a week's bulletin once: the unique (plan, week) key makes a second generation for the
   * same week (a retried activity, a manual run after the scheduled one) write nothing and answer
   * the id already stored.
   */
  async store(content: BulletinContent): Promise<StoredBulletinRef> {
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO bulletin (plan_id, week, week_start, generated_at, content)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (plan_id, week) DO NOTHING RETURNING id`,
      [content.planId, content.week, content.weekStart, content.asOf, JSON.stringify(content)],
    );
    if (inserted.length > 0) return { id: inserted[0].id, planId: content.planId, week: content.week, created: true };
    const [existing]: { id: string }[] = await this.db.query(
      `SELECT id FROM bulletin WHERE plan_id = $1 AND week = $2`,
      [content.planId, content.week],
    );
    return { id: existing.id, planId: content.planId, week: content.week, created: false };
  }

  /** The newest weeks first (of one plan, or of all). */
  async newest(planId: string | undefined, limit: number): Promise<StoredBulletinRow[]> {
    const rows: {
      id: string;
      plan_id: string;
      week: string;
      week_start: string;
      generated_at: Date;
      content: BulletinContent;
    }[] = await this.db.query(
      `SELECT id, plan_id, week, to_char(week_start, 'YYYY-MM-DD') AS week_start, generated_at, content
           FROM bulletin WHERE ($1::varchar IS NULL OR plan_id = $1) ORDER BY week DESC, plan_id LIMIT $2`,
      [planId ?? null, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      week: r.week,
      weekStart: r.week_start,
      generatedAt: r.generated_at,
      content: r.content,
    }));
  }

  async find(id: string): Promise<{ id: string; content: BulletinContent } | null> {
    const [row]: { id: string; content: BulletinContent }[] = await this.db.query(
      `SELECT id, content FROM bulletin WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }
}
