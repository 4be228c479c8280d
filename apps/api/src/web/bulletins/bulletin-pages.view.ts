import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { bulletinBodyHtml, BULLETIN_CSS } from '../../bulletins/bulletin-document';
import { BulletinListItem } from '../../bulletins/bulletin-query.service';
import { isoWeekLabel } from '@duban/domain/labels/labels';
import { html, raw, SafeHtml } from '../layout/html';
import { formatDateTime } from '../view-model/format';

/** The bulletin list: one row per stored week, with detail and export links; a generate form for supervisors. */
export function bulletinListBody(
  items: BulletinListItem[],
  opts: { canGenerate: boolean; csrf: string; plans: { id: string; title: string }[] },
): SafeHtml {
  const form = opts.canGenerate
    ? html`<form class="btn-row card" method="post" action="/ui/bulletins/generate">
        <input type="hidden" name="_csrf" value="${opts.csrf}" />
        <label
          >计划
          <select name="planId">
            ${opts.plans.map((p) => html`<option value="${p.id}">${p.title}（${p.id}）</option>`)}
          </select></label
        >
        <button class="btn" type="submit">立即生成本周通报</button>
        <span class="muted">同一周只保存一次；每周一 09:00 自动生成。</span>
      </form>`
    : '';
  const rows = items.map(
    (b) =>
      html`<tr>
        <td class="nowrap"><a href="/ui/bulletins/${b.id}">${isoWeekLabel(b.week)}</a></td>
        <td>${b.planTitle}</td>
        <td class="nowrap">${formatDateTime(b.generatedAt)}</td>
        <td class="num">${b.totals.total}</td>
        <td class="num">${b.totals.done}</td>
        <td class="num">${b.totals.overdue}</td>
        <td class="num">${b.totals.escalated}</td>
        <td class="num">${b.newEscalations}</td>
        <td class="num">${b.redTargets}</td>
        <td class="nowrap">
          <a href="/ui/bulletins/${b.id}/export.xlsx">Excel</a> · <a href="/ui/bulletins/${b.id}/export.pdf">PDF</a>
        </td>
      </tr>`,
  );
  return html`${form}
    <div class="table-wrap" tabindex="0" role="region" aria-label="督办通报列表">
      <table>
        <thead>
          <tr>
            <th>周次</th>
            <th>计划</th>
            <th>生成时间</th>
            <th class="num">任务</th>
            <th class="num">已完成</th>
            <th class="num">逾期</th>
            <th class="num">督办中</th>
            <th class="num">新增督办</th>
            <th class="num">红灯目标</th>
            <th>导出</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length > 0
              ? rows
              : html`<tr>
                  <td colspan="10" class="muted">尚无通报</td>
                </tr>`
          }
        </tbody>
      </table>
    </div>`;
}

/** One bulletin: export links, then the same body the PDF prints (tables and SVG charts). */
export function bulletinDetailBody(id: string, content: BulletinContent): SafeHtml {
  // The body is built by bulletinBodyHtml, which escapes every value and embeds SVG rendered by us.
  return html`<p class="btn-row">
      <a class="btn btn-secondary" href="/ui/bulletins">返回列表</a>
      <a class="btn" href="/ui/bulletins/${id}/export.xlsx">导出 Excel</a>
      <a class="btn" href="/ui/bulletins/${id}/export.pdf">导出 PDF</a>
    </p>
    <style>
      ${raw(BULLETIN_CSS.replace(/body \{[^}]*\}/, ''))}
    </style>
    <section class="card bulletin">${raw(bulletinBodyHtml(content, { heading: false }))}</section>`;
}
