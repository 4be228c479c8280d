import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '@duban/domain/access/actor';
import { canSeeTask, unitScopeOf } from '@duban/domain/access/task-visibility';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import { IndicatorEntity, PlanEntity, TaskEntity } from '@duban/persistence/entities';

/**
 * Plans as imported: list and detail (targets, indicators, the item tree with units). Scoped like
 * the ledger: an actor sees the leaf tasks they may see, and the items above them.
 */
@Injectable()
export class PlanQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: ActorRef) {
    const scope = unitScopeOf(actor);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT p.id, p.title, p.issuer, p.issued_on, p.year, p.revision, p.updated_at,
              count(t.id) FILTER (WHERE t.is_leaf) AS leaves,
              count(t.id) FILTER (WHERE t.is_leaf AND t.status IN ('completed', 'closed')) AS done
         FROM plan p LEFT JOIN task t ON t.plan_id = p.id
              AND ($1::boolean OR t.lead_unit = ANY($2::text[]) OR t.cooperating_units && $2::text[])
        GROUP BY p.id ORDER BY p.year DESC, p.id`,
      [scope.all, scope.all ? [] : scope.units],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      issuer: r.issuer,
      issuedOn: r.issued_on,
      year: r.year,
      revision: r.revision,
      updatedAt: r.updated_at,
      leaves: Number(r.leaves),
      done: Number(r.done),
    }));
  }

  async detail(actor: ActorRef, id: string) {
    const plan = await this.db.getRepository(PlanEntity).findOne({ where: { id } });
    if (!plan) throw new NotFoundError('计划', id);
    const [indicators, items] = await Promise.all([
      this.db.getRepository(IndicatorEntity).find({ where: { planId: id }, order: { targetCode: 'ASC', seq: 'ASC' } }),
      this.db.getRepository(TaskEntity).find({
        where: { planId: id },
        order: { ordinal: 'ASC' },
        select: [
          'id',
          'code',
          'parentCode',
          'sectionCode',
          'isLeaf',
          'title',
          'leadUnit',
          'cooperatingUnits',
          'status',
          'trafficLight',
          'dueDate',
          'deadlineDefaulted',
        ],
      }),
    ]);
    const visibleLeaves = items.filter((t) => t.isLeaf && canSeeTask(actor, t));
    // An item is shown when it is a visible leaf or lies above one (codes are dotted paths).
    const shown = (code: string) => visibleLeaves.some((l) => l.code === code || l.code.startsWith(`${code}.`));
    const tree = plan.tree as { sections: { code: string; numeral: string; title: string }[]; warnings: unknown[] };
    return {
      id: plan.id,
      title: plan.title,
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      year: plan.year,
      revision: plan.revision,
      sections: tree.sections.map((s) => ({ code: s.code, numeral: s.numeral, title: s.title })),
      warnings: tree.warnings,
      indicators: indicators.sort((a, b) => Number(a.targetCode) - Number(b.targetCode) || a.seq - b.seq),
      items: items.filter((t) => shown(t.code)),
    };
  }
}
