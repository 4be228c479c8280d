import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { NotFoundError } from '@duban/domain/errors/domain-error';

export interface BulletinListItem {
  id: string;
  planId: string;
  /** The plan's title as the bulletin recorded it. */
  planTitle: string;
  week: string;
  weekStart: string;
  generatedAt: string;
  totals: BulletinContent['totals'];
  newEscalations: number;
  redTargets: number;
}

/** Stored bulletins, newest week first. */
@Injectable()
export class BulletinQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(planId?: string, limit = 100): Promise<BulletinListItem[]> {
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
      [planId ?? null, Math.max(1, Math.min(limit, 500))],
    );
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      planTitle: r.content.planTitle,
      week: r.week,
      weekStart: r.week_start,
      generatedAt: new Date(r.generated_at).toISOString(),
      totals: r.content.totals,
      newEscalations: r.content.newEscalations.length,
      redTargets: r.content.targets.filter((t) => t.light === 'red').length,
    }));
  }

  /** Plans a bulletin can be generated for, the latest import first. */
  async plans(): Promise<{ id: string; title: string }[]> {
    return this.db.query(`SELECT id, title FROM plan ORDER BY updated_at DESC`);
  }

  async get(id: string): Promise<{ id: string; content: BulletinContent }> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      throw new NotFoundError('通报', id);
    const [row]: { id: string; content: BulletinContent }[] = await this.db.query(
      `SELECT id, content FROM bulletin WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('通报', id);
    return row;
  }
}
