/** Why a task action was refused; the API maps each to an HTTP status (403, 409, 400). */
export type TaskRejectionCode =
  'FORBIDDEN_ROLE' | 'FORBIDDEN_UNIT' | 'SELF_APPROVAL' | 'INVALID_STATE' | 'NOT_FOUND_STAGE' | 'BAD_INPUT';

export interface TaskRejection {
  code: TaskRejectionCode;
  zh: string;
  en: string;
  /** The argument the refusal is about, when it is one the caller typed (a form ties it to that field). */
  field?: string;
}

export const reject = (code: TaskRejectionCode, zh: string, en: string, field?: string): TaskRejection =>
  field ? { code, zh, en, field } : { code, zh, en };
