import { OverdueItem, UnitLightCounts } from '../../dashboard/dashboard.service';
import { html, SafeHtml } from '../layout/html';
import { formatDate, formatPercent } from '../view-model/format';
import { label, lightBadge, ESCALATION_LEVEL_LABELS, SOURCE_KIND_LABELS } from '../view-model/labels';
import { SourceLightRow } from '@duban/persistence/repositories/ledger-figures';
import { jsonForScript } from '../view-model/json-for-script';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { tableOrEmpty } from '../layout/table-or-empty';
import { isoWeekLabel } from '@duban/domain/labels/labels';

/** What the overview page shows: DashboardService.overview's answer. */
export interface OverviewData {
  totals: Omit<UnitLightCounts, 'unit' | 'unitName' | 'none'>;
  byUnit: UnitLightCounts[];
  /** Tasks per source (年度工作要点, 领导批示, …); shown when there is more than the plan. */
  bySource?: SourceLightRow[];
  overdue: OverdueItem[];
}

export interface PlanOption {
  id: string;
  title: string;
}

export function planSelect(plans: PlanOption[], selected: string, allLabel = '全部计划'): SafeHtml {
  return html`<label
    >计划
    <select name="planId">
      <option value="">${allLabel}</option>
      ${plans.map((p) => html`<option value="${p.id}" ${p.id === selected ? 'selected' : ''}>${p.title}（${p.id}）</option>`)}
    </select>
  </label>`;
}

/** 各来源: the plan's tasks beside the registered items, each source a link to its ledger. */
function sourceTable(rows: SourceLightRow[], planId: string): SafeHtml {
  return html`<h2>各来源事项</h2>
    ${tableOrEmpty({
      id: 'source-table',
      columns: [
        '来源',
        { label: '事项', numeric: true },
        { label: '绿灯', numeric: true },
        { label: '黄灯', numeric: true },
        { label: '红灯', numeric: true },
        { label: '督办中', numeric: true },
        { label: '已完成', numeric: true },
      ],
      rows,
      empty: '暂无数据',
      row: (r) =>
        html`<tr data-source="${r.source}">
          <td>
            <a href="/ui/ledger?source=${r.source}${planId ? `&planId=${planId}` : ''}"
              >${label(SOURCE_KIND_LABELS, r.source)}</a
            >
          </td>
          <td class="num" data-col="total">${r.total}</td>
          <td class="num" data-col="green">${r.green}</td>
          <td class="num" data-col="yellow">${r.yellow}</td>
          <td class="num" data-col="red">${r.red}</td>
          <td class="num" data-col="escalated">${r.escalated}</td>
          <td class="num" data-col="done">${r.done}</td>
        </tr>`,
    })}`;
}

/** One row per unit (units on the vertical axis, so their names never overlap, even on a phone). */
function unitChartHeight(units: number): number {
  return 90 + 28 * units;
}

/** 督办总览: the numbers as cards and tables (readable without scripts), charts on top of them. */
export function overviewBody(
  data: OverviewData,
  completions: { week: string; count: number }[],
  plans: PlanOption[],
  planId: string,
  unitNames: Map<string, string>,
): SafeHtml {
  const t = data.totals;
  const stat = (key: string, label: string, value: string | number) =>
    html`<div class="stat" data-stat="${key}">
      <div class="num">${value}</div>
      <div class="label">${label}</div>
    </div>`;
  const chartData = {
    units: data.byUnit.map((u) => u.unitName),
    green: data.byUnit.map((u) => u.green),
    yellow: data.byUnit.map((u) => u.yellow),
    red: data.byUnit.map((u) => u.red),
    rate: data.byUnit.map((u) => Math.round(u.completionRate * 1000) / 10),
    weeks: completions.map((c) => isoWeekLabel(c.week)),
    completions: completions.map((c) => c.count),
  };
  return html`<form class="filters" method="get" action="/ui/overview">
      ${planSelect(plans, planId)}
      <button class="btn btn-secondary" type="submit">查看</button>
    </form>
    <section class="cards" aria-label="全局统计">
      ${stat('total', '任务总数', t.total)} ${stat('green', '绿灯', t.green)} ${stat('yellow', '黄灯', t.yellow)}
      ${stat('red', '红灯', t.red)} ${stat('escalated', '督办中', t.escalated)} ${stat('done', '已完成', t.done)}
      ${stat('completionRate', '完成率', formatPercent(t.completionRate))}
    </section>
    <div class="grid2">
      <section class="card">
        <h2>各单位进度</h2>
        ${
          data.byUnit.length === 0
            ? html`<p class="muted" data-empty="units">暂无数据：所选计划还没有任务。</p>`
            : html`<div
                id="chart-units"
                class="chart"
                style="height:${unitChartHeight(data.byUnit.length)}px"
                role="img"
                aria-label="各单位红黄绿灯与完成率"
              ></div>`
        }
      </section>
      <section class="card">
        <h2>阶段完成情况（按周）</h2>
        ${
          completions.some((c) => c.count > 0)
            ? html`<div id="chart-completions" class="chart" role="img" aria-label="每周完成的阶段数"></div>`
            : html`<p class="muted" data-empty="completions">暂无数据：近几周还没有审批通过的阶段。</p>`
        }
      </section>
    </div>
    <h2>各单位红黄绿灯</h2>
    <div class="table-wrap" tabindex="0" role="region" aria-label="各单位红黄绿灯">
      <table id="unit-table">
        <thead>
          <tr>
            <th>单位</th>
            <th class="num">任务</th>
            <th class="num">绿灯</th>
            <th class="num">黄灯</th>
            <th class="num">红灯</th>
            <th class="num" title="当前没有期限的任务：已完成、待销号、暂停或撤销">无灯</th>
            <th class="num">督办中</th>
            <th class="num">已完成</th>
            <th class="num">完成率</th>
          </tr>
        </thead>
        <tbody>
          ${data.byUnit.map(
            (u) =>
              html`<tr data-unit="${u.unit}">
                <td>
                  <a href="/ui/ledger?unit=${u.unit}&unitRole=lead${planId ? `&planId=${planId}` : ''}"
                    >${u.unitName}</a
                  >
                </td>
                <td class="num" data-col="total">${u.total}</td>
                <td class="num" data-col="green">${u.green}</td>
                <td class="num" data-col="yellow">${u.yellow}</td>
                <td class="num" data-col="red">${u.red}</td>
                <td class="num" data-col="none">${u.none}</td>
                <td class="num" data-col="escalated">${u.escalated}</td>
                <td class="num" data-col="done">${u.done}</td>
                <td class="num" data-col="completionRate">${formatPercent(u.completionRate)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${(data.bySource ?? []).length > 1 ? sourceTable(data.bySource!, planId) : ''}
    <h2>逾期任务（按逾期天数）</h2>
    ${tableOrEmpty({
      id: 'overdue-table',
      columns: ['编号', '任务', '牵头单位', '期限', { label: '逾期天数', numeric: true }, '督办'],
      rows: data.overdue,
      row: (o) =>
        html`<tr>
          <td class="nowrap"><a href="${taskPagePath(o.id)}">${o.code}</a></td>
          <td>${o.title}</td>
          <td class="nowrap">${unitNames.get(o.leadUnit) ?? o.leadUnit}</td>
          <td class="nowrap">${formatDate(o.nextDueAt)}</td>
          <td class="num">${o.overdueDays}</td>
          <td class="nowrap">
            ${o.escalationLevel > 0 ? lightBadge('red') : ''} ${ESCALATION_LEVEL_LABELS[o.escalationLevel] ?? ''}
          </td>
        </tr>`,
      empty: '没有逾期任务。',
    })}
    <script type="application/json" id="overview-data">
      ${jsonForScript(chartData)}
    </script>`;
}
