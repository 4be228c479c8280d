import { randomUUID } from 'node:crypto';
import { TaskEntity } from '@duban/persistence/entities';
import { html, SafeHtml } from '../layout/html';
import { PageAction } from '../view-model/available-actions';
import { formatDate, formatDateTime } from '../view-model/format';
import { lightBadge } from '../view-model/labels';
import { actionUrl } from './action-forms.view';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { currentStageCell } from '../view-model/current-stage-cell';
import { tableOrEmpty } from '../layout/table-or-empty';
import { InboxAsk } from '../view-model/inbox-ask';
import type { OpenEscalation } from '../../escalations/escalation-query.service';
import { ESCALATION_LEVEL_LABELS } from '@duban/domain/labels/labels';

export interface InboxRow {
  task: TaskEntity;
  actions: PageAction[];
  ask: InboxAsk | null;
}

/** Names of the people who asked and of the files they attached, by id. */
export interface InboxNames {
  people: Map<string, string>;
  files: Map<string, string>;
}

/** What the row asks: the step, who asked, their note, and their files as links. */
function askCell(taskId: string, ask: InboxAsk | null, names: InboxNames): SafeHtml {
  if (!ask) return html`<td data-label="事项" class="muted">—</td>`;
  const by = ask.by ? (names.people.get(ask.by) ?? '') : '';
  const files = ask.evidenceIds.filter((id) => names.files.has(id));
  return html`<td data-label="事项" class="ask">
    <div>${ask.what}${by ? html`<span class="muted">（${by}）</span>` : ''}</div>
    ${ask.note ? html`<div class="ask-note">说明：${ask.note}</div>` : ''}
    ${
      files.length
        ? html`<div class="ask-files">
            佐证材料：${files.map(
              (id, i) =>
                html`${i > 0 ? '、' : ''}<a href="${taskPagePath(taskId)}/evidence/${id}">${names.files.get(id)}</a>`,
            )}
          </div>`
        : ''
    }
  </td>`;
}

/** Approve with one click, or return with a reason, right from the list (unit heads); names say which task. */
function quickDecision(taskId: string, code: string, csrf: string): SafeHtml {
  const hidden = html`<input type="hidden" name="_csrf" value="${csrf}" />
    <input type="hidden" name="requestId" value="${randomUUID()}" />
    <input type="hidden" name="back" value="/ui/inbox" />`;
  const returnHidden = html`<input type="hidden" name="_csrf" value="${csrf}" />
    <input type="hidden" name="requestId" value="${randomUUID()}" />
    <input type="hidden" name="back" value="/ui/inbox" />`;
  return html`<div class="btn-row quick">
    <form method="post" action="${actionUrl(taskId, 'approve')}" data-form="approve">
      ${hidden}
      <button class="btn" type="submit" data-action="approve" aria-label="审批通过任务 ${code}">审批通过</button>
    </form>
    <form method="post" action="${actionUrl(taskId, 'returnStage')}" class="btn-row" data-form="returnStage">
      ${returnHidden}
      <input type="text" name="reason" placeholder="退回理由" required aria-label="退回任务 ${code} 的理由" />
      <button class="btn btn-secondary" type="submit" data-action="returnStage" aria-label="退回任务 ${code}">
        退回
      </button>
    </form>
  </div>`;
}

/**
 * 督办 addressed to me: overdue tasks whose escalation ladder reached my rung (股长, 分管领导,
 * 督查室), one row per task, with the way to act on it (its page: comment, reassign, extension).
 */
function escalatedToMe(rows: OpenEscalation[]): SafeHtml {
  if (rows.length === 0) return html``;
  return html`<h2 id="escalated-heading">督办给我的逾期任务（${rows.length} 项）</h2>
    ${tableOrEmpty({
      id: 'escalated-table',
      className: 'stack-sm',
      columns: ['编号', '任务', '牵头单位', '督办级别', '督办时间', '办理'],
      rows,
      row: (e) =>
        html`<tr data-task="${e.taskId}">
          <td class="nowrap" data-label="编号"><a href="${taskPagePath(e.taskId)}">${e.taskCode}</a></td>
          <td data-label="任务">${e.title}</td>
          <td class="nowrap" data-label="牵头单位">${e.unitName}</td>
          <td class="nowrap" data-label="督办级别">${ESCALATION_LEVEL_LABELS[e.level] ?? e.level}</td>
          <td class="nowrap" data-label="督办时间">${formatDateTime(e.raisedAt)}</td>
          <td data-label="办理">
            <a class="btn btn-secondary" href="${taskPagePath(e.taskId)}" aria-label="督促办理任务 ${e.taskCode}"
              >督促办理</a
            >
          </td>
        </tr>`,
      empty: '',
    })}`;
}

export function inboxBody(
  rows: InboxRow[],
  names: InboxNames,
  unitName: (c: string | null) => string,
  csrf: string,
  notice: string | null,
  escalated: OpenEscalation[] = [],
): SafeHtml {
  return html`${notice ? html`<div class="notice" role="status">${notice}</div>` : ''}
  ${escalated.length ? html`<h2>等待我办理的事项（${rows.length} 项）</h2>` : ''}
  ${tableOrEmpty({
    id: 'inbox-table',
    className: 'stack-sm',
    columns: ['编号', '任务', '事项', '牵头单位', '当前阶段', '期限', '灯', '办理'],
    rows,
    row: ({ task: t, actions, ask }) =>
      html`<tr data-task="${t.id}">
        <td class="nowrap" data-label="编号"><a href="${taskPagePath(t.id)}">${t.code}</a></td>
        <td data-label="任务">${t.title}</td>
        ${askCell(t.id, ask, names)}
        <td class="nowrap" data-label="牵头单位">${unitName(t.leadUnit)}</td>
        ${currentStageCell(t)}
        <td class="nowrap" data-label="期限">${formatDate(t.nextDueAt)}</td>
        <td data-label="灯">${lightBadge(t.trafficLight)}</td>
        <td>
          ${
            actions.includes('approve')
              ? quickDecision(t.id, t.code, csrf)
              : html`<a class="btn btn-secondary" href="${taskPagePath(t.id)}">去办理</a>`
          }
        </td>
      </tr>`,
    empty: '没有等待您办理的事项。',
    emptyId: 'inbox-empty',
  })}
  ${escalatedToMe(escalated)}`;
}
