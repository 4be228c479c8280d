import { randomUUID } from 'node:crypto';
import { TaskEntity } from '@duban/persistence/entities';
import { html, SafeHtml } from '../layout/html';
import { PageAction } from '../view-model/available-actions';
import { formatDate } from '../view-model/format';
import { lightBadge } from '../view-model/labels';
import { actionUrl } from './action-forms.view';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { currentStageCell } from '../view-model/current-stage-cell';
import { tableOrEmpty } from '../layout/table-or-empty';

export interface InboxRow {
  task: TaskEntity;
  actions: PageAction[];
}

/** Approve with one click, or return with a reason, right from the list (unit heads). */
function quickDecision(taskId: string, csrf: string): SafeHtml {
  const hidden = html`<input type="hidden" name="_csrf" value="${csrf}" />
    <input type="hidden" name="requestId" value="${randomUUID()}" />
    <input type="hidden" name="back" value="/ui/inbox" />`;
  const returnHidden = html`<input type="hidden" name="_csrf" value="${csrf}" />
    <input type="hidden" name="requestId" value="${randomUUID()}" />
    <input type="hidden" name="back" value="/ui/inbox" />`;
  return html`<div class="btn-row quick">
    <form method="post" action="${actionUrl(taskId, 'approve')}" data-form="approve">
      ${hidden} <button class="btn" type="submit" data-action="approve">审批通过</button>
    </form>
    <form method="post" action="${actionUrl(taskId, 'returnStage')}" class="btn-row" data-form="returnStage">
      ${returnHidden}
      <input type="text" name="reason" placeholder="退回理由" required aria-label="退回理由" />
      <button class="btn btn-secondary" type="submit" data-action="returnStage">退回</button>
    </form>
  </div>`;
}

export function inboxBody(
  rows: InboxRow[],
  unitName: (c: string | null) => string,
  csrf: string,
  notice: string | null,
): SafeHtml {
  return html`${notice ? html`<div class="notice" role="status">${notice}</div>` : ''}
  ${tableOrEmpty({
    id: 'inbox-table',
    className: 'stack-sm',
    columns: ['编号', '任务', '牵头单位', '当前阶段', '期限', '灯', '办理'],
    rows,
    row: ({ task: t, actions }) =>
      html`<tr data-task="${t.id}">
        <td class="nowrap"><a href="${taskPagePath(t.id)}">${t.code}</a></td>
        <td>${t.title}</td>
        <td class="nowrap">${unitName(t.leadUnit)}</td>
        ${currentStageCell(t)}
        <td class="nowrap">${formatDate(t.nextDueAt)}</td>
        <td>${lightBadge(t.trafficLight)}</td>
        <td>
          ${
            actions.includes('approve')
              ? quickDecision(t.id, csrf)
              : html`<a class="btn btn-secondary" href="${taskPagePath(t.id)}">去办理</a>`
          }
        </td>
      </tr>`,
    empty: '没有等待您办理的事项。',
    emptyId: 'inbox-empty',
  })}`;
}
