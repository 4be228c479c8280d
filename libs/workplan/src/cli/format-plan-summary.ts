import { Indicator } from '../../../domain/src/plan/plan-tree';
import { PlanSummary } from '../plan-summary';

const COMPARATOR_SIGN: Record<Indicator['comparator'], string> = { lte: '≤', lt: '<', gte: '≥', gt: '>', eq: '=' };

const indicatorText = (i: Indicator) =>
  `${i.name} ${COMPARATOR_SIGN[i.comparator]} ${i.value}${i.unit}${i.aspirational ? '（力争）' : ''}`;

/** The human summary `plan parse` prints: what a supervisor checks before importing a plan. */
export function formatPlanSummary(s: PlanSummary, source: string): string {
  const m = s.metadata;
  const lines = [
    `${m.title}`,
    `  file ${source} · year ${m.year}${m.issuer ? ` · issuer ${m.issuer}` : ''}${m.issuedOn ? ` · issued ${m.issuedOn}` : ''}`,
    '',
    `Structure: ${s.sections} sections, ${s.items} items, ${s.subItems} sub-items under ${s.itemsWithSubItems} items, ${s.leaves} leaf tasks` +
      (s.leavesWithoutUnit > 0 ? ` (${s.leavesWithoutUnit} without a responsible unit)` : ''),
    `Deadlines: ${s.deadlines.dated} dated, ${s.deadlines.recurring} recurring, ${s.deadlines.ongoing} ongoing, ${s.deadlines.defaulted} defaulted to year end`,
    '',
    `Targets (${s.targets.length}):`,
    ...s.targets.map((t) =>
      t.qualitative
        ? `  ${t.code}. [qualitative] ${truncate(t.text, 50)}`
        : `  ${t.code}. ${t.indicators.map(indicatorText).join('; ')}`,
    ),
    '',
    'Leaf tasks per lead unit:',
    ...s.leadUnits.map((u) => `  ${u.unit.padEnd(8, '　')} ${String(u.leaves).padStart(3)}`),
    '',
    s.warnings.length === 0 ? 'Warnings: none' : `Warnings (${s.warnings.length}):`,
    ...s.warnings.map((w) => `  line ${w.line} [${w.code}] ${w.message}`),
  ];
  return lines.join('\n');
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
