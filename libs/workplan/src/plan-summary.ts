import { Indicator, ParseWarning, PlanMetadata, PlanTree } from '@duban/domain/plan/plan-tree';
import { leafTasks } from './leaf-tasks';

export interface PlanSummary {
  metadata: PlanMetadata;
  sections: number;
  /** Numbered items (1. / 1、), parents and leaves alike. */
  items: number;
  /** Sub-items (1) / （1）) and how many items hold them. */
  subItems: number;
  itemsWithSubItems: number;
  leaves: number;
  leavesWithoutUnit: number;
  /** Leaves per lead unit, most first. */
  leadUnits: { unit: string; leaves: number }[];
  targets: { code: string; qualitative: boolean; indicators: Indicator[]; text: string }[];
  deadlines: { dated: number; recurring: number; ongoing: number; defaulted: number };
  warnings: ParseWarning[];
}

/** The counts a person checks after parsing a plan: structure, targets, work per unit, warnings. */
export function summarisePlan(tree: PlanTree): PlanSummary {
  const items = tree.sections.flatMap((s) => s.items);
  const leaves = leafTasks(tree);
  const perLead = new Map<string, number>();
  for (const { item } of leaves) {
    const name = item.responsibility?.lead.name;
    if (name) perLead.set(name, (perLead.get(name) ?? 0) + 1);
  }
  const deadlines = { dated: 0, recurring: 0, ongoing: 0, defaulted: 0 };
  for (const { item } of leaves) {
    if (item.deadline.defaulted) deadlines.defaulted++;
    else if (item.deadline.kind === 'date') deadlines.dated++;
    else deadlines[item.deadline.kind]++;
  }
  return {
    metadata: tree.metadata,
    sections: tree.sections.length,
    items: items.length,
    subItems: items.reduce((n, i) => n + i.children.length, 0),
    itemsWithSubItems: items.filter((i) => i.children.length > 0).length,
    leaves: leaves.length,
    leavesWithoutUnit: leaves.filter((l) => !l.item.responsibility).length,
    leadUnits: [...perLead]
      .map(([unit, n]) => ({ unit, leaves: n }))
      .sort((a, b) => b.leaves - a.leaves || a.unit.localeCompare(b.unit, 'zh')),
    targets: tree.targets.map((t) => ({
      code: t.code,
      qualitative: t.qualitative,
      indicators: t.indicators,
      text: t.text,
    })),
    deadlines,
    warnings: tree.warnings,
  };
}
