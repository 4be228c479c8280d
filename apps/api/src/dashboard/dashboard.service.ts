import { Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { unitScopeOf } from '@duban/domain/access/task-visibility';
import { FigureScope, LedgerFigures, UnitLightRow } from '@duban/persistence/repositories/ledger-figures';

export type UnitLightCounts = UnitLightRow & { completionRate: number };

export interface OverdueItem {
  id: string;
  code: string;
  title: string;
  leadUnit: string;
  nextDueAt: string;
  overdueDays: number;
  escalationLevel: number;
}

/** Aggregates for the supervisor overview (督办总览), over lead-unit tasks in the actor's scope. */
@Injectable()
export class DashboardService {
  constructor(private readonly figures: LedgerFigures) {}

  async overview(actor: ActorRef, planId?: string, now = new Date()) {
    const rows = await this.figures.byLeadUnit(scopeOf(actor, planId));
    const byUnit: UnitLightCounts[] = rows.map((r) => ({
      ...r,
      completionRate: r.total === 0 ? 0 : r.done / r.total,
    }));
    const totals = byUnit.reduce(
      (acc, u) => ({
        total: acc.total + u.total,
        green: acc.green + u.green,
        yellow: acc.yellow + u.yellow,
        red: acc.red + u.red,
        escalated: acc.escalated + u.escalated,
        done: acc.done + u.done,
      }),
      { total: 0, green: 0, yellow: 0, red: 0, escalated: 0, done: 0 },
    );
    const overdue = await this.overdue(actor, planId, now);
    const bySource = await this.figures.bySource(scopeOf(actor, planId));
    return {
      totals: { ...totals, completionRate: totals.total === 0 ? 0 : totals.done / totals.total },
      byUnit,
      bySource,
      overdue,
    };
  }

  /** Overdue leaf tasks, most days overdue first. */
  async overdue(actor: ActorRef, planId: string | undefined, now: Date, limit = 50): Promise<OverdueItem[]> {
    const rows = await this.figures.overdue(scopeOf(actor, planId), now, limit);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      leadUnit: r.leadUnit,
      nextDueAt: r.nextDueAt,
      overdueDays: r.daysOverdue,
      escalationLevel: r.escalationLevel,
    }));
  }

  /** Stage completions per ISO week (Shanghai), for the "completions over time" chart. */
  async stageCompletionsByWeek(actor: ActorRef, planId?: string): Promise<{ week: string; count: number }[]> {
    return this.figures.stageCompletionsByWeek(scopeOf(actor, planId));
  }
}

/** The tasks an actor's figures count: those of their units (all for 督查室), of one plan or all. */
function scopeOf(actor: ActorRef, planId?: string): FigureScope {
  return { scope: unitScopeOf(actor), planId };
}
