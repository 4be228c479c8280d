/**
 * How a PostgreSQL (or driver) error behaves under retry. Transient errors (the server down or
 * restarting, a connection lost, a deadlock, a serialization conflict) pass; permanent ones (the
 * data itself refused: classes 22 data exception, 23 integrity, 42 syntax or access, 54 limits)
 * come back on every retry and must not be retried for ever.
 */
export type DatabaseErrorKind = 'unavailable' | 'transient' | 'permanent' | 'other';

/** Connection-level codes: the database cannot be reached at all (HTTP 503 at the edge). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/** Classes (first two characters of SQLSTATE) whose errors a retry reproduces. */
const PERMANENT_CLASSES = new Set(['22', '23', '42', '54', '2B', '2F', '39', '44']);
/** Classes worth another attempt: connection exceptions, resources, conflicts, operator intervention. */
const TRANSIENT_CLASSES = new Set(['08', '40', '53', '55', '57', '58', 'XX']);

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function classifyDatabaseError(error: unknown): DatabaseErrorKind {
  const code = codeOf(error);
  const message = (error as Error | null)?.message ?? '';
  if (code && UNAVAILABLE_CODES.has(code)) return 'unavailable';
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) {
    return 'unavailable';
  }
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    const cls = code.slice(0, 2);
    // 42P01 undefined table: migrations not run yet on a fresh deployment; another attempt may see them.
    if (code === '42P01') return 'transient';
    if (PERMANENT_CLASSES.has(cls)) return 'permanent';
    if (TRANSIENT_CLASSES.has(cls)) return 'transient';
  }
  return 'other';
}

/** The SQLSTATE of a database error, when it has one. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = codeOf(error);
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
