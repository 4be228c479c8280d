import { Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { canSeeTask, unitScopeOf } from '@duban/domain/access/task-visibility';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';

/**
 * Plans as imported: list and detail (targets, indicators, the item tree with units). Scoped like
 * the ledger: an actor sees the leaf tasks they may see, and the items above them.
 */
@Injectable()
export class PlanQueryService {
  constructor(private readonly plans: PlanRepository) {}

  list(actor: ActorRef) {
    return this.plans.summaries(unitScopeOf(actor));
  }

  async detail(actor: ActorRef, id: string) {
    const plan = await this.plans.find(id);
    if (!plan) throw new NotFoundError('计划', id);
    const [indicators, items] = await Promise.all([this.plans.indicators(id), this.plans.items(id)]);
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
