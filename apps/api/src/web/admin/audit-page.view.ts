import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, EVENT_LABELS, ROLE_LABELS } from '@duban/domain/labels/labels';
import { AuditEntryRow } from '@duban/persistence/audit/audit-log.reader';
import { html, raw, SafeHtml } from '../layout/html';
import { tableOrEmpty } from '../layout/table-or-empty';
import { formatDateTime } from '../view-model/format';
import { adminTabs } from './admin-tabs.view';
import { auditChanges } from './audit-changes';
import { auditDetailText } from './audit-detail';

export interface AuditPageState {
  action: string;
  actor: string;
  /** The id to continue from (older entries), when there are more. */
  nextBefore: string | null;
}

/** 操作记录: who changed what, newest first, filtered by kind of action and by person. */
export function auditBody(
  entries: readonly AuditEntryRow[],
  unitName: (code: string) => string,
  state: AuditPageState,
): SafeHtml {
  const actionLabel = (a: string) => AUDIT_ACTION_LABELS[a] ?? (EVENT_LABELS[a] ? `${EVENT_LABELS[a]}（被拒）` : a);
  const query = (before: string) =>
    new URLSearchParams({
      ...(state.action && { action: state.action }),
      ...(state.actor && { actor: state.actor }),
      before,
    }).toString();
  return html`${adminTabs('audit')}
    <form class="filters" method="get" action="/ui/admin/audit">
      <label
        >操作
        <select name="action">
          <option value="">全部</option>
          ${Object.entries(AUDIT_ACTION_LABELS).map(
            ([key, label]) =>
              html`<option value="${key}" ${key === state.action ? raw('selected') : ''}>${label}</option>`,
          )}
        </select></label
      >
      <label>操作人用户名 <input type="search" name="actor" value="${state.actor}" /></label>
      <button class="btn btn-secondary" type="submit">筛选</button>
    </form>
    ${tableOrEmpty({
      id: 'audit',
      className: 'stack-sm',
      columns: ['时间', '操作人', '操作', '结果', '对象', '内容'],
      rows: entries,
      empty: '没有符合条件的操作记录。',
      row: (e) =>
        html`<tr>
          <td data-label="时间" class="nowrap">${formatDateTime(e.at)}</td>
          <td data-label="操作人">
            ${e.actorName ? html`${e.actorName}<br /><span class="muted">${e.actorUsername}</span>` : e.actorRole ? (ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] ?? '—') : '—'}
          </td>
          <td data-label="操作">${actionLabel(e.action)}</td>
          <td data-label="结果">${AUDIT_OUTCOME_LABELS[e.outcome] ?? e.outcome}</td>
          <td data-label="对象">
            ${e.subjectName ?? (e.subject && !/^[0-9a-f-]{36}$/.test(e.subject) ? e.subject : '—')}
          </td>
          <td data-label="内容">
            ${[auditChanges(e.before, e.after, unitName), auditDetailText(e.detail)].filter(Boolean).join('；') || '—'}
          </td>
        </tr>`,
    })}
    ${state.nextBefore ? html`<p class="pager"><a href="/ui/admin/audit?${query(state.nextBefore)}">更早的记录</a></p>` : ''}`;
}
