import { TaskEntity } from '@duban/persistence/entities';
import { TaskListQuery } from '../../tasks/task-list.query';
import { html, SafeHtml } from '../layout/html';
import { provisionalBadge } from '../layout/provisional-badge';
import { formatDate, rowProgressText } from '../view-model/format';
import {
  ESCALATION_LEVEL_LABELS,
  label,
  LIGHT_LABELS,
  lightBadge,
  SOURCE_KIND_LABELS,
  TASK_STATUS_LABELS,
  UNIT_ROLE_LABELS,
} from '../view-model/labels';
import { ledgerHref } from '../view-model/ledger-query';
import { planSelect, PlanOption } from './overview.view';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { currentStageCell } from '../view-model/current-stage-cell';

export interface LedgerViewInput {
  query: TaskListQuery;
  items: TaskEntity[];
  total: number;
  /** A text search matched more than `total` tasks (the count stops at a cap). */
  totalIsLowerBound?: boolean;
  plans: PlanOption[];
  units: { code: string; name: string }[];
  problems: string[];
}

const SORTS: { key: NonNullable<TaskListQuery['sort']>; label: string }[] = [
  { key: 'code', label: '编号' },
  { key: 'dueAt', label: '期限' },
  { key: 'light', label: '灯' },
  { key: 'escalation', label: '督办' },
  { key: 'updatedAt', label: '更新' },
];

function select(name: string, current: string | undefined, options: [string, string][], all: string): SafeHtml {
  return html`<select name="${name}">
    <option value="">${all}</option>
    ${options.map(([v, l]) => html`<option value="${v}" ${v === current ? 'selected' : ''}>${l}</option>`)}
  </select>`;
}

/** 督办台账: filters (the API's), sortable columns, pages, export of the same view. */
export function ledgerBody(v: LedgerViewInput): SafeHtml {
  const q = v.query;
  const unitNames = new Map(v.units.map((u) => [u.code, u.name]));
  const unitName = (code: string | null) => (code ? (unitNames.get(code) ?? code) : '—');
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const counted = Math.max(1, Math.ceil(v.total / pageSize));
  // Past a capped count the last page is unknown: "第 21 / 20+ 页" while full pages keep coming.
  const more = v.totalIsLowerBound === true && v.items.length === pageSize;
  const pages = v.totalIsLowerBound ? `${Math.max(counted, page)}+` : String(counted);
  const hasNext = v.totalIsLowerBound ? more : page < counted;
  const sortHeader = (key: NonNullable<TaskListQuery['sort']>, text: string) => {
    const active = (q.sort ?? 'code') === key;
    const order = active && q.order !== 'desc' ? 'desc' : 'asc';
    const arrow = active ? (q.order === 'desc' ? ' ↓' : ' ↑') : '';
    return html`<a href="${ledgerHref(q, { sort: key, order, page: 1 })}" data-sort="${key}">${text}${arrow}</a>`;
  };
  return html`<form class="filters" method="get" action="/ui/ledger" id="ledger-filters">
      <label>关键词<input type="search" name="q" value="${q.q ?? ''}" placeholder="标题、内容、编号" /></label>
      ${planSelect(v.plans, q.planId ?? '')}
      <label
        >单位${select(
          'unit',
          q.unit,
          v.units.map((u) => [u.code, u.name]),
          '全部单位',
        )}</label
      >
      <label
        >单位角色${select(
          'unitRole',
          q.unitRole,
          Object.entries(UNIT_ROLE_LABELS).filter(([k]) => k !== 'any'),
          '牵头或配合',
        )}</label
      >
      <label>红黄绿灯${select('light', q.light, Object.entries(LIGHT_LABELS), '全部')}</label>
      <label>状态${select('status', q.status, Object.entries(TASK_STATUS_LABELS), '全部')}</label>
      <label>来源${select('source', q.source, Object.entries(SOURCE_KIND_LABELS), '全部')}</label>
      <label>阶段<input type="text" name="stage" value="${q.stage ?? ''}" size="8" placeholder="阶段代码" /></label>
      <label>期限自<input type="date" name="dueFrom" value="${q.dueFrom?.slice(0, 10) ?? ''}" /></label>
      <label>期限至<input type="date" name="dueTo" value="${q.dueTo?.slice(0, 10) ?? ''}" /></label>
      <input type="hidden" name="sort" value="${q.sort ?? ''}" />
      <input type="hidden" name="order" value="${q.order ?? ''}" />
      <div class="btn-row">
        <button class="btn" type="submit">查询</button>
        <a class="btn btn-secondary" href="/ui/ledger">清除</a>
        <a class="btn btn-secondary" id="export-xlsx" href="${ledgerHref(q, { page: undefined }, '/ui/ledger.xlsx')}"
          >导出 Excel</a
        >
      </div>
    </form>
    ${v.problems.length ? html`<div class="error" role="alert">筛选条件有误：${v.problems.join('；')}</div>` : ''}
    <p class="muted" id="ledger-total">
      共 <strong>${v.total}${v.totalIsLowerBound ? '+' : ''}</strong> 项任务，第 ${page} / ${pages} 页
    </p>
    <div class="table-wrap" tabindex="0" role="region" aria-label="督办台账">
      <table id="ledger-table" class="stack-sm">
        <thead>
          <tr>
            <th>${sortHeader('code', '编号')}</th>
            <th>任务</th>
            <th>牵头单位</th>
            <th class="hide-sm">配合单位</th>
            <th>当前阶段</th>
            <th>${sortHeader('dueAt', '期限')}</th>
            <th>${sortHeader('light', '灯')}</th>
            <th>${sortHeader('escalation', '督办')}</th>
            <th class="hide-sm">状态</th>
          </tr>
        </thead>
        <tbody>
          ${v.items.map(
            (t) =>
              html`<tr data-task="${t.id}">
                <td class="nowrap"><a href="${taskPagePath(t.id)}">${t.code}</a></td>
                <td>
                  ${
                    t.sourceKind && t.sourceKind !== 'workplan'
                      ? html`<span class="muted" data-source="${t.sourceKind}"
                          >〔${label(SOURCE_KIND_LABELS, t.sourceKind)}〕</span
                        >`
                      : ''
                  }${t.title}
                </td>
                <td class="nowrap">${unitName(t.leadUnit)}</td>
                <td class="hide-sm">${(t.cooperatingUnits ?? []).map(unitName).join('、')}</td>
                ${currentStageCell(t)}
                <td class="nowrap">
                  ${formatDate(t.nextDueAt)}${(t as { nextDueProvisional?: boolean }).nextDueProvisional ? provisionalBadge() : ''}
                </td>
                <td>
                  ${lightBadge(t.trafficLight)}
                  ${rowProgressText(t) ? html`<small class="muted progress-gap" data-progress>${rowProgressText(t)}</small>` : ''}
                </td>
                <td class="nowrap">${ESCALATION_LEVEL_LABELS[t.escalationLevel] ?? ''}</td>
                <td class="nowrap hide-sm">${label(TASK_STATUS_LABELS, t.status)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <nav class="pager" aria-label="分页">
      ${page > 1 ? html`<a class="btn btn-secondary" href="${ledgerHref(q, { page: page - 1 })}">上一页</a>` : ''}
      <span>第 ${page} / ${pages} 页</span>
      ${hasNext ? html`<a class="btn btn-secondary" href="${ledgerHref(q, { page: page + 1 })}" rel="next">下一页</a>` : ''}
    </nav>
    <p class="muted">排序：${SORTS.map((s) => html` ${sortHeader(s.key, s.label)}`)}</p>`;
}
