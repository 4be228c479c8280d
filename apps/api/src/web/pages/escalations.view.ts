import { OpenEscalation } from '../../escalations/escalation-query.service';
import { html, SafeHtml } from '../layout/html';
import { formatDateTime } from '../view-model/format';
import { ESCALATION_LEVEL_LABELS, ESCALATION_TARGET_LABELS, label, stageKeyLabel } from '../view-model/labels';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { tableOrEmpty } from '../layout/table-or-empty';

export interface EscalationSummary {
  total: number;
  byUnit: { unit: string; unitName: string; level1: number; level2: number; level3: number }[];
}

/** 督办: counts by unit and level, then every open escalation, highest level first. */
export function escalationsBody(
  summary: EscalationSummary,
  open: OpenEscalation[],
  filter: { level?: number; unit?: string },
  units: { code: string; name: string }[],
): SafeHtml {
  return html`<form class="filters" method="get" action="/ui/escalations">
      <label
        >级别<select name="level">
          <option value="">全部级别</option>
          ${[1, 2, 3].map((l) => html`<option value="${l}" ${filter.level === l ? 'selected' : ''}>${ESCALATION_LEVEL_LABELS[l]}</option>`)}
        </select></label
      >
      <label
        >单位<select name="unit">
          <option value="">全部单位</option>
          ${units.map((u) => html`<option value="${u.code}" ${filter.unit === u.code ? 'selected' : ''}>${u.name}</option>`)}
        </select></label
      >
      <button class="btn btn-secondary" type="submit">筛选</button>
    </form>
    <p id="escalation-total">督办中的任务共 <strong>${summary.total}</strong> 项（每项按已达到的最高督办级别计）</p>
    <div class="table-wrap" tabindex="0" role="region" aria-label="各单位督办汇总">
      <table id="escalation-summary">
        <thead>
          <tr>
            <th>单位</th>
            <th class="num">一级督办</th>
            <th class="num">二级督办</th>
            <th class="num">三级督办</th>
            <th class="num">合计</th>
          </tr>
        </thead>
        <tbody>
          ${summary.byUnit.map(
            (u) =>
              html`<tr data-unit="${u.unit}">
                <td><a href="/ui/escalations?unit=${u.unit}">${u.unitName}</a></td>
                <td class="num" data-col="level1">${u.level1}</td>
                <td class="num" data-col="level2">${u.level2}</td>
                <td class="num" data-col="level3">${u.level3}</td>
                <td class="num">${u.level1 + u.level2 + u.level3}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h2>督办清单${filter.level || filter.unit ? '（已筛选）' : ''}</h2>
    ${tableOrEmpty({
      id: 'escalation-list',
      columns: ['级别', '编号', '任务', '单位', '阶段', '督办对象', '发起时间'],
      rows: open,
      row: (e) =>
        html`<tr data-level="${e.level}">
          <td class="nowrap">${ESCALATION_LEVEL_LABELS[e.level] ?? e.level}</td>
          <td class="nowrap"><a href="${taskPagePath(e.taskId)}">${e.taskCode}</a></td>
          <td>${e.title}</td>
          <td class="nowrap">${e.unitName}</td>
          <td class="nowrap">${stageKeyLabel(e.stageKey)}</td>
          <td class="nowrap">${label(ESCALATION_TARGET_LABELS, e.toRole)}</td>
          <td class="nowrap">${formatDateTime(e.raisedAt)}</td>
        </tr>`,
      empty: '没有未解除的督办。',
    })}`;
}
