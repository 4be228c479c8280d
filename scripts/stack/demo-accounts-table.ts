import { ROLE_LABELS } from '@duban/domain/labels/labels';

export interface DemoAccountRow {
  username: string;
  displayName: string;
  role: string;
  unitCode: string | null;
  deputyUnits: string[];
}

/** Columns of a terminal: a CJK character takes two. */
function width(text: string): number {
  return [...text].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
}

/** The demo accounts as an aligned plain-text table, the way `npm start` ends. */
export function demoAccountsTable(accounts: DemoAccountRow[]): string {
  const header = ['用户名', '姓名', '角色', '单位'];
  const rows = accounts.map((a) => [
    a.username,
    a.displayName,
    ROLE_LABELS[a.role as keyof typeof ROLE_LABELS] ?? a.role,
    a.unitCode ?? a.deputyUnits.join('、'),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i] - width(c)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
