import { AuthUser } from '../../auth/auth-user';
import { html, raw, SafeHtml } from './html';
import { PAGE_CSS } from './page-css';
import { ROLE_LABELS as ROLES } from '@duban/domain/labels/labels';

/** Which navigation entry is highlighted; 'none' for pages outside the nav (login, task detail). */
export type NavKey =
  | 'overview'
  | 'ledger'
  | 'inbox'
  | 'messages'
  | 'escalations'
  | 'targets'
  | 'bulletins'
  | 'calendar'
  | 'import'
  | 'items'
  | 'admin'
  | 'none';

export const NAV_ITEMS: readonly { key: NavKey; label: string; href: string; roles?: readonly AuthUser['role'][] }[] = [
  { key: 'overview', label: '总览', href: '/ui/overview' },
  { key: 'ledger', label: '台账', href: '/ui/ledger' },
  { key: 'inbox', label: '待办', href: '/ui/inbox' },
  { key: 'messages', label: '消息', href: '/ui/messages' },
  { key: 'escalations', label: '督办', href: '/ui/escalations' },
  { key: 'targets', label: '目标', href: '/ui/targets' },
  { key: 'bulletins', label: '通报', href: '/ui/bulletins' },
  { key: 'calendar', label: '日历', href: '/ui/calendar', roles: ['admin', 'supervisor'] },
  { key: 'import', label: '导入', href: '/ui/plans/import', roles: ['admin', 'supervisor'] },
  { key: 'items', label: '立项', href: '/ui/items/new', roles: ['admin', 'supervisor'] },
  { key: 'admin', label: '管理', href: '/ui/admin/accounts', roles: ['admin'] },
];

export const ROLE_LABELS: Record<AuthUser['role'], string> = ROLES;

export interface PageOptions {
  title: string;
  active: NavKey;
  user: AuthUser | null;
  body: SafeHtml;
  /** Script URLs (ours, same origin), loaded deferred at the end of the body. */
  scripts?: string[];
  /** CSRF token for the logout form (and any page form); set by the page controllers. */
  csrfToken?: string;
  /** Unread notifications of the user, shown beside 消息. */
  unread?: number;
}

/** The whole HTML document of a page: head, nav bar with user and logout, main content, footer. */
export function renderPage(opts: PageOptions): string {
  const nav = opts.user
    ? html`<nav class="nav" aria-label="主导航">
          ${NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(opts.user!.role)).map(
            (item) =>
              html`<a
                href="${item.href}"
                class="${item.key === opts.active ? 'active' : ''}"
                ${item.key === opts.active ? raw('aria-current="page"') : ''}
                >${item.label}${
                  item.key === 'messages' && opts.unread
                    ? html`<span class="count" aria-label="${opts.unread} 条未读"
                        >${opts.unread > 99 ? '99+' : opts.unread}</span
                      >`
                    : ''
                }</a
              >`,
          )}
        </nav>
        <div class="user">
          <a class="user-name" href="/ui/account" title="账号与密码">${opts.user.displayName}</a>
          ${
            opts.user.displayName.includes(ROLE_LABELS[opts.user.role])
              ? ''
              : html`<span class="user-role">${ROLE_LABELS[opts.user.role]}</span>`
          }
          <form method="post" action="/ui/logout" class="logout">
            <input type="hidden" name="_csrf" value="${opts.csrfToken ?? ''}" />
            <button type="submit">退出</button>
          </form>
        </div>`
    : '';
  const scripts = (opts.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`);
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title} · 督办台账</title>
        <style>
          ${raw(PAGE_CSS)}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">跳到正文</a>
        <header class="top">
          <a class="brand" href="/ui/overview">督办台账</a>
          ${nav}
        </header>
        <main class="main" id="main" tabindex="-1">
          <h1>${opts.title}</h1>
          ${opts.body}
        </main>
        <footer class="foot">
          工作要点督办系统 · <a href="/api/docs">接口文档</a> · <a href="/health">健康检查</a>
        </footer>
        ${scripts}
      </body>
    </html>`.value;
}
