import { Injectable } from '@nestjs/common';
import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import { BulletinRepository } from '@duban/persistence/repositories/bulletin-repository';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { isUuid } from '@duban/domain/text/uuid';

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
  constructor(
    private readonly bulletins: BulletinRepository,
    private readonly planRows: PlanRepository,
  ) {}

  async list(planId?: string, limit = 100): Promise<BulletinListItem[]> {
    const rows = await this.bulletins.newest(planId, Math.max(1, Math.min(limit, 500)));
    return rows.map((r) => ({
      id: r.id,
      planId: r.planId,
      planTitle: r.content.planTitle,
      week: r.week,
      weekStart: r.weekStart,
      generatedAt: new Date(r.generatedAt).toISOString(),
      totals: r.content.totals,
      newEscalations: r.content.newEscalations.length,
      redTargets: r.content.targets.filter((t) => t.light === 'red').length,
    }));
  }

  /** Plans a bulletin can be generated for, the latest import first. */
  async plans(): Promise<{ id: string; title: string }[]> {
    return (await this.planRows.heads()).map(({ id, title }) => ({ id, title }));
  }

  async get(id: string): Promise<{ id: string; content: BulletinContent }> {
    const row = isUuid(id) ? await this.bulletins.find(id) : null;
    if (!row) throw new NotFoundError('通报', id);
    return row;
  }
}
