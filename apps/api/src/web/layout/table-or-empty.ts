import { html, SafeHtml } from './html';

/** A column header; numeric columns are right-aligned (class "num"). */
export type TableColumn = string | { label: string; numeric: true };

export interface TableOrEmpty<T> {
  /** Element id of the table (tests and the page's scripts find it by id). */
  id: string;
  /** Extra table class, e.g. "stack-sm" (rows become cards on phones). */
  className?: string;
  columns: TableColumn[];
  rows: readonly T[];
  row: (item: T) => SafeHtml;
  /** The table's name for screen readers (its scroll box is a focusable region); the columns by default. */
  label?: string;
  /** What the page says instead of an empty table, and that sentence's element id. */
  empty: string;
  emptyId?: string;
}

/** A scrollable data table, or one muted sentence when there is nothing to list. */
export function tableOrEmpty<T>(t: TableOrEmpty<T>): SafeHtml {
  if (t.rows.length === 0) return html`<p class="muted" ${t.emptyId ? html`id="${t.emptyId}"` : ''}>${t.empty}</p>`;
  const header = (c: TableColumn) =>
    typeof c === 'string' ? html`<th>${c}</th>` : html`<th class="num">${c.label}</th>`;
  const name = t.label ?? `表格：${t.columns.map((c) => (typeof c === 'string' ? c : c.label)).join('、')}`;
  // Focusable, so a keyboard user can scroll a wide table sideways (WCAG 2.1.1).
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${name}">
    <table id="${t.id}" ${t.className ? html`class="${t.className}"` : ''}>
      <thead>
        <tr>
          ${t.columns.map(header)}
        </tr>
      </thead>
      <tbody>
        ${t.rows.map(t.row)}
      </tbody>
    </table>
  </div>`;
}
