import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { TaskListQuery } from '../../tasks/task-list.query';

/** The ledger's filter fields, exactly the API's GET /tasks query names. */
export const LEDGER_FIELDS = [
  'planId',
  'unit',
  'unitRole',
  'status',
  'light',
  'stage',
  'dueFrom',
  'dueTo',
  'q',
  'source',
  'page',
  'pageSize',
  'sort',
  'order',
] as const;

export const LEDGER_PAGE_SIZE = 50;

export type LedgerQueryResult = { ok: true; query: TaskListQuery } | { ok: false; problems: string[] };

/**
 * A page's query string → the API's TaskListQuery, validated by the same decorators. Empty form
 * fields mean "no filter"; unknown fields are ignored (a bookmarked URL keeps working).
 */
export function parseLedgerQuery(raw: Record<string, unknown>): LedgerQueryResult {
  const plain: Record<string, string> = {};
  for (const field of LEDGER_FIELDS) {
    const value = raw[field];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string' && text.trim() !== '') plain[field] = text.trim();
  }
  // Date inputs give YYYY-MM-DD; the due range covers whole Shanghai days.
  if (plain.dueFrom && /^\d{4}-\d{2}-\d{2}$/.test(plain.dueFrom)) plain.dueFrom = `${plain.dueFrom}T00:00:00+08:00`;
  if (plain.dueTo && /^\d{4}-\d{2}-\d{2}$/.test(plain.dueTo)) plain.dueTo = `${plain.dueTo}T23:59:59.999+08:00`;
  const query = plainToInstance(TaskListQuery, { pageSize: String(LEDGER_PAGE_SIZE), ...plain });
  const errors = validateSync(query, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`)),
    };
  }
  return { ok: true, query };
}

/** The query string of `query` with some fields changed (for sort links and paging). */
export function ledgerHref(
  query: object,
  changes: Record<string, string | number | undefined>,
  base = '/ui/ledger',
): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...(query as Record<string, unknown>), ...changes };
  for (const field of LEDGER_FIELDS) {
    let value = merged[field];
    if (value === undefined || value === null || value === '') continue;
    if ((field === 'dueFrom' || field === 'dueTo') && typeof value === 'string') value = value.slice(0, 10);
    if (field === 'pageSize' && Number(value) === LEDGER_PAGE_SIZE) continue;
    if (field === 'page' && Number(value) === 1) continue;
    params.set(field, String(value));
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}
