import { Deadline, Indicator, PlanTree, TaskItem } from '@duban/domain/plan/plan-tree';
import { leafTasks } from '../leaf-tasks';
import { summarisePlan } from '../plan-summary';
import { COMPARATOR_SIGNS } from '@duban/domain/labels/labels';

const EVERY: Record<NonNullable<Deadline['every']>, string> = {
  month: '每月',
  quarter: '每季度',
  'half-year': '每半年',
  year: '每年',
};

const indicatorText = (i: Indicator) =>
  `${i.name} ${COMPARATOR_SIGNS[i.comparator]} ${i.value}${i.unit}${i.aspirational ? '（力争）' : ''}`;

function deadlineText(d: Deadline): string {
  const what = d.kind === 'date' ? d.date! : d.kind === 'recurring' ? EVERY[d.every!] : '长期';
  if (d.defaulted) return `${what}（未写，按年底）`;
  return d.raw && d.raw !== what ? `${what}（${d.raw}）` : what;
}

/** One leaf as `plan parse` reports it: what was found for it, and where. */
function leafLines(item: TaskItem, warnings: PlanTree['warnings']): string[] {
  const r = item.responsibility;
  const cooperating = [...(r?.coLeads ?? []), ...(r?.cooperating ?? [])].map((u) => u.name);
  const deadlines = (item.deadlines?.length ? item.deadlines : [item.deadline]).map(deadlineText);
  const found = [
    r ? `牵头 ${r.lead.name}` : '牵头 （未找到）',
    cooperating.length ? `配合 ${cooperating.join('、')}` : null,
    `期限 ${deadlines.join('，')}`,
    item.source.cell ?? `第 ${item.source.line} 行`,
  ].filter(Boolean);
  return [
    `  ${item.code} ${truncate(item.title, 40)}`,
    `      ${found.join('；')}`,
    ...warnings.filter((w) => w.line === item.source.line).map((w) => `      ⚠ ${w.message}`),
  ];
}

/**
 * What `plan parse` prints, in Chinese: the plan's metadata, its structure, targets, every leaf
 * task with the units, deadlines and source line found for it (and the warnings of that line),
 * work per lead unit, and all warnings. What a supervisor checks before importing.
 */
export function formatPlanSummary(tree: PlanTree, source: string): string {
  const s = summarisePlan(tree);
  const m = s.metadata;
  const facts = [
    `文件 ${source}`,
    `年度 ${m.year}`,
    m.issuer ? `发文机关 ${m.issuer}` : null,
    m.docNumber ? `文号 ${m.docNumber}` : null,
    m.issuedOn ? `印发日期 ${m.issuedOn}` : null,
  ].filter(Boolean);
  const lines = [
    m.title,
    `  ${facts.join(' · ')}`,
    '',
    `结构：${s.sections} 个板块，${s.items} 个事项` +
      (s.subItems > 0 ? `，其中 ${s.itemsWithSubItems} 个事项下有 ${s.subItems} 个子事项` : '') +
      `；共 ${s.leaves} 个末级任务` +
      (s.leavesWithoutUnit > 0 ? `（${s.leavesWithoutUnit} 个未写责任单位）` : ''),
    `期限：${s.deadlines.dated} 个有日期，${s.deadlines.recurring} 个周期性，${s.deadlines.ongoing} 个长期，${s.deadlines.defaulted} 个未写（按年底）`,
    '',
    `目标（${s.targets.length}）：`,
    ...s.targets.map((t) =>
      t.qualitative
        ? `  ${t.code}. [定性] ${truncate(t.text, 50)}`
        : `  ${t.code}. ${t.indicators.map(indicatorText).join('；')}`,
    ),
    '',
    `任务（${s.leaves}）：`,
    ...leafTasks(tree).flatMap(({ item }) => leafLines(item, tree.warnings)),
    '',
    '各牵头单位的任务数：',
    ...s.leadUnits.map((u) => `  ${u.unit.padEnd(8, '　')} ${String(u.leaves).padStart(3)}`),
    '',
    s.warnings.length === 0 ? '警告：无' : `警告（${s.warnings.length}）：`,
    ...s.warnings.map((w) => `  第 ${w.line} 行 [${w.code}] ${w.message}`),
  ];
  return lines.join('\n');
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
