import { BulletinContent } from './bulletin-content';
import { shanghaiDateTime } from '../calendar/shanghai-time';
import { INDICATOR_LIGHT_LABELS, isoWeekLabel } from '../labels/labels';

/** The bulletin as a short Chinese text: the body of the inbox, e-mail and robot notification. */
export function bulletinSummaryText(c: BulletinContent): string {
  const t = c.totals;
  const lines = [
    `${c.planTitle} 督办通报（${isoWeekLabel(c.week)}，截至 ${shanghaiDateTime(c.asOf)}）`,
    `任务共 ${t.total} 项：已完成 ${t.done}，正常推进 ${t.onTrack}，即将到期 ${t.dueSoon}，逾期 ${t.overdue}，督办中 ${t.escalated}。`,
  ];
  for (const u of c.units.filter((x) => x.overdue > 0 || x.escalated > 0)) {
    lines.push(`${u.unitName}：逾期 ${u.overdue} 项，督办中 ${u.escalated} 项`);
  }
  if (c.newEscalations.length > 0) lines.push(`本周新增督办 ${c.newEscalations.length} 项。`);
  const flagged = c.targets.filter((x) => x.light === 'red' || x.light === 'yellow');
  for (const x of flagged)
    lines.push(`目标${x.targetCode} ${x.name}：${INDICATOR_LIGHT_LABELS[x.light]}，${x.lightReason}`);
  return lines.join('\n');
}
