import { Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { unitScopeOf } from '@duban/domain/access/task-visibility';
import { EscalationRepository, OpenEscalationRow } from '@duban/persistence/repositories/escalation-repository';

export type OpenEscalation = OpenEscalationRow;

/**
 * The 督办 board: tasks with an escalation still open (their stage not done), each once, at the
 * highest rung reached; the lower rungs stay in the task's history.
 */
@Injectable()
export class EscalationQueryService {
  constructor(private readonly escalations: EscalationRepository) {}

  /** `toRole`: only the rungs that reach this role (股长, 分管领导, 督查室), each task at its highest such rung. */
  async open(
    actor: ActorRef,
    filter: { level?: number; unit?: string; toRole?: string } = {},
  ): Promise<OpenEscalation[]> {
    const scope = unitScopeOf(actor);
    return this.escalations.open({ units: scope.all ? null : scope.units, ...filter });
  }

  /** Escalated tasks by unit and current level, for the board header. */
  async summary(actor: ActorRef) {
    const open = await this.open(actor);
    const byUnit = new Map<
      string,
      { unit: string; unitName: string; level1: number; level2: number; level3: number }
    >();
    for (const e of open) {
      const row = byUnit.get(e.unitCode) ?? { unit: e.unitCode, unitName: e.unitName, level1: 0, level2: 0, level3: 0 };
      if (e.level === 1) row.level1 += 1;
      else if (e.level === 2) row.level2 += 1;
      else row.level3 += 1;
      byUnit.set(e.unitCode, row);
    }
    return { total: open.length, byUnit: [...byUnit.values()] };
  }
}
