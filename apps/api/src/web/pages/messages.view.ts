import { NOTIFICATION_KIND_LABELS, label } from '@duban/domain/labels/labels';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { html, SafeHtml } from '../layout/html';
import { tableOrEmpty } from '../layout/table-or-empty';
import { formatDateTime } from '../view-model/format';

export interface MessageRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  taskId: string | null;
  createdAt: Date | string;
  readAt: Date | string | null;
}

/** 消息: the notifications addressed to me, newest first; unread ones marked, each with its task and a read button. */
export function messagesBody(rows: MessageRow[], csrf: string, unread: number): SafeHtml {
  const markAll =
    unread > 0
      ? html`<form method="post" action="/ui/messages/read-all" class="btn-row">
          <input type="hidden" name="_csrf" value="${csrf}" />
          <button class="btn" type="submit">全部标为已读（${unread} 条）</button>
        </form>`
      : html`<p class="muted" id="all-read">没有未读消息。</p>`;
  return html`${markAll}
  ${tableOrEmpty({
    id: 'message-table',
    className: 'stack-sm',
    columns: ['类别', '消息', '时间', '状态'],
    rows,
    row: (m) =>
      html`<tr class="${m.readAt ? '' : 'unread'}" data-id="${m.id}">
        <td data-label="类别" class="nowrap">${label(NOTIFICATION_KIND_LABELS, m.kind)}</td>
        <td data-label="消息">
          <strong>${m.taskId ? html`<a href="${taskPagePath(m.taskId)}">${m.title}</a>` : m.title}</strong>
          <div class="muted">${m.body}</div>
        </td>
        <td data-label="时间" class="nowrap">${formatDateTime(m.createdAt)}</td>
        <td data-label="状态" class="nowrap">
          ${
            m.readAt
              ? '已读'
              : html`<form method="post" action="/ui/messages/${m.id}/read">
                  <input type="hidden" name="_csrf" value="${csrf}" />
                  <button type="submit" aria-label="将“${m.title}”标为已读">标为已读</button>
                </form>`
          }
        </td>
      </tr>`,
    empty: '暂无消息。',
  })}`;
}
