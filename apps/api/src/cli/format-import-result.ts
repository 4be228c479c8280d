import { ImportResult } from '../plans/plan-import.types';

const STATUS: Record<ImportResult['status'], string> = {
  new: '新计划',
  unchanged: '内容与上次导入相同',
  changed: '有修订',
};

/** An import's answer as a person reads it in the terminal: Chinese, units by name, nothing skipped. */
export function formatImportResult(r: ImportResult, unitNames: Map<string, string>): string {
  const name = (code: string) => unitNames.get(code) ?? code;
  const outcome = r.dryRun
    ? '预演，未写入'
    : r.requiresConfirmation
      ? '未写入：修订须加 --confirm 确认'
      : r.applied
        ? '已写入'
        : '未写入（无变化）';
  const leads = Object.entries(r.leadUnits)
    .map(([code, n]) => [name(code), n] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
    .map(([unit, n]) => `${unit} ${n}`);
  const lines = [
    `${r.title}（计划 ${r.planId}，${r.year} 年）：${STATUS[r.status]}，${outcome}`,
    `条目：${r.counts.sections} 个部分，${r.counts.items} 项，其中末级任务 ${r.counts.leaves} 个；目标 ${r.counts.targets} 个，指标 ${r.counts.indicators} 个`,
    `各牵头单位的任务数：${leads.join('、') || '无'}`,
  ];
  if (r.diff) {
    lines.push(
      `修订：新增 ${r.diff.added.length} 项，修改 ${r.diff.changed.length} 项，删除 ${r.diff.removed.length} 项`,
    );
  }
  if (r.createdUnits.length) lines.push(`新建单位：${r.createdUnits.join('、')}`);
  for (const a of r.aliasesAdded ?? []) lines.push(`记为别名：“${a.alias}” → ${name(a.code)}`);
  if (r.unknownUnits.length) {
    lines.push(`未知单位：${r.unknownUnits.map((u) => `${u.name}（第 ${u.lines.join('、')} 行）`).join('；')}`);
  }
  if (r.warnings.length) {
    lines.push(`警告 ${r.warnings.length} 条：`, ...r.warnings.map((w) => `  第 ${w.line} 行：${w.message}`));
  }
  if (!r.dryRun && !r.requiresConfirmation) {
    const w = r.workflows;
    lines.push(
      `督办流程：新启动 ${w.started} 个，已在运行 ${w.existing} 个${w.failed ? `，启动失败 ${w.failed} 个` : ''}`,
    );
  }
  return lines.join('\n');
}
