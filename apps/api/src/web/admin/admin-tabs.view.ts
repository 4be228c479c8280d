import { html, raw, SafeHtml } from '../layout/html';

export type AdminTab = 'accounts' | 'units' | 'roster' | 'audit';

const TABS: readonly [AdminTab, string, string][] = [
  ['accounts', '账号', '/ui/admin/accounts'],
  ['units', '单位', '/ui/admin/units'],
  ['roster', '导入人员名单', '/ui/admin/roster'],
  ['audit', '操作记录', '/ui/admin/audit'],
];

/** The admin pages' own tabs, under the page title. */
export function adminTabs(active: AdminTab): SafeHtml {
  return html`<nav class="tabs" aria-label="系统管理">
    ${TABS.map(
      ([key, label, href]) => html`<a href="${href}" ${key === active ? raw('aria-current="page"') : ''}>${label}</a>`,
    )}
  </nav>`;
}

/** Splits an admin's list of names: one a line, or separated by 、，,；; (as Chinese lists are written). */
export function namesOf(text: string): string[] {
  return text
    .split(/[\r\n、，,；;]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}
