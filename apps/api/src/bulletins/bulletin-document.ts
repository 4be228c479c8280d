import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { targetLightChart, unitStatusChart } from './bulletin-charts';
import { shanghaiDateTime } from '@duban/domain/calendar/shanghai-time';
import {
  COMPARATOR_SIGNS,
  ESCALATION_LEVEL_REACH_LABELS,
  INDICATOR_LIGHT_LABELS,
  isoWeekLabel,
} from '@duban/domain/labels/labels';

/** Text made safe for HTML. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const LIGHT = INDICATOR_LIGHT_LABELS;
const LEVEL = ESCALATION_LEVEL_REACH_LABELS;
const cmp = (c: string | null) => COMPARATOR_SIGNS[c ?? ''] ?? '';
const fmt = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));
const day = (iso: string) => iso.slice(0, 10);

/** The bulletin body as HTML (tables and server-rendered SVG charts); shared by the PDF and the page. */
export function bulletinBodyHtml(c: BulletinContent, opts: { heading?: boolean } = {}): string {
  const t = c.totals;
  const unitRows = c.units
    .map(
      (u) =>
        `<tr><td>${esc(u.unitName)}</td><td>${u.total}</td><td>${u.done}</td><td>${u.onTrack}</td><td>${u.dueSoon}</td><td class="${u.overdue ? 'bad' : ''}">${u.overdue}</td><td>${u.escalated}</td></tr>`,
    )
    .join('');
  const overdueRows = c.overdue
    .map(
      (o) =>
        `<tr><td>${esc(o.code)}</td><td>${esc(o.title)}</td><td>${esc(o.unitName)}</td><td>${day(o.dueAt)}</td><td class="bad">${o.daysOverdue}</td><td>${esc(o.escalationLevel ? (LEVEL[o.escalationLevel] ?? o.escalationLevel) : '') || '—'}</td></tr>`,
    )
    .join('');
  const escRows = c.newEscalations
    .map(
      (e) =>
        `<tr><td>${esc(e.code)}</td><td>${esc(e.title)}</td><td>${esc(e.unitName)}</td><td>${esc(LEVEL[e.level] ?? e.level)}</td><td>${day(e.raisedAt)}</td></tr>`,
    )
    .join('');
  const targetRows = c.targets
    .map(
      (x) =>
        `<tr><td>${esc(x.targetCode)}</td><td>${esc(x.name)}</td><td>${esc(x.ownerUnitName ?? '—')}</td><td>${x.target === null ? '定性' : `${cmp(x.comparator)}${fmt(x.target)}${esc(x.unit ?? '')}`}</td><td>${fmt(x.ytd)}</td><td class="light-${x.light}">${LIGHT[x.light]}</td><td>${esc(x.lightReason)}</td></tr>`,
    )
    .join('');
  const empty = (cols: number, text: string) => `<tr><td colspan="${cols}" class="empty">${text}</td></tr>`;
  return `
${opts.heading === false ? '' : '<h1>督办通报</h1>'}
<p class="sub">${esc(c.planTitle)} · ${esc(isoWeekLabel(c.week))}（${esc(c.weekStart)} 起） · 截至 ${esc(shanghaiDateTime(c.asOf))}（北京时间）</p>
<p class="summary">任务共 <b>${t.total}</b> 项：已完成 ${t.done}，正常推进 ${t.onTrack}，即将到期 ${t.dueSoon}，逾期 <b class="bad">${t.overdue}</b>，督办中 ${t.escalated}；本周新增督办 ${c.newEscalations.length} 项。</p>
<div class="charts"><div class="chart">${unitStatusChart(c)}</div><div class="chart">${targetLightChart(c)}</div></div>
<section class="part"><h2>一、各单位任务情况</h2>
<table><thead><tr><th>单位</th><th>任务数</th><th>已完成</th><th>正常推进</th><th>即将到期</th><th>逾期</th><th>督办中</th></tr></thead>
<tbody>${unitRows || empty(7, '无任务')}</tbody></table></section>
<section class="part"><h2>二、逾期任务清单</h2>
<table><thead><tr><th>编号</th><th>任务</th><th>责任单位</th><th>截止日期</th><th>逾期天数</th><th>督办级别</th></tr></thead>
<tbody>${overdueRows || empty(6, '无逾期任务')}</tbody></table></section>
<section class="part"><h2>三、本周新增督办</h2>
<table><thead><tr><th>编号</th><th>任务</th><th>责任单位</th><th>级别</th><th>督办日期</th></tr></thead>
<tbody>${escRows || empty(5, '本周无新增督办')}</tbody></table></section>
<section class="part"><h2>四、目标指标完成情况</h2>
<table><thead><tr><th>目标</th><th>指标</th><th>责任单位</th><th>目标值</th><th>年初至今</th><th>预警</th><th>说明</th></tr></thead>
<tbody>${targetRows || empty(7, '无目标指标')}</tbody></table></section>`;
}

export const BULLETIN_CSS = `
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #222; font-size: 12px; margin: 24px; }
h1 { text-align: center; font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 18px 0 6px; }
.sub { text-align: center; color: #666; margin: 0 0 12px; }
table { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f2f4f7; }
.bad { color: #c0392b; font-weight: bold; }
.empty { color: #57606a; text-align: center; }
.charts { display: flex; gap: 12px; align-items: flex-start; }
.light-red { color: #cf222e; font-weight: bold; } .light-yellow { color: #9a6700; font-weight: bold; } .light-green { color: #1a7f37; }
/* A heading never ends a page: it goes with (at least the first rows of) its table. */
h2 { break-after: avoid; page-break-after: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
@media print { .charts { break-inside: avoid; page-break-inside: avoid; } }`;

/** A complete HTML document of the bulletin, for printing to PDF. */
export function bulletinPrintHtml(c: BulletinContent): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>督办通报 ${esc(isoWeekLabel(c.week))}</title><style>${BULLETIN_CSS}</style></head><body>${bulletinBodyHtml(c)}</body></html>`;
}
