/**
 * A failure the caller can understand and fix. Carries a stable code, an HTTP status hint and the
 * message in Chinese (shown first in the UI) and English. Never used for programming errors.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', 404, `未找到${what}：${id}`, `${what} not found: ${id}`, { id });
  }
}

export class ForbiddenError extends DomainError {
  constructor(reasonZh: string, reasonEn: string, details?: unknown) {
    super('FORBIDDEN', 403, reasonZh, reasonEn, details);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, reasonZh: string, reasonEn: string, details?: unknown) {
    super(code, 409, reasonZh, reasonEn, details);
  }
}

export class BadInputError extends DomainError {
  constructor(code: string, reasonZh: string, reasonEn: string, details?: unknown) {
    super(code, 400, reasonZh, reasonEn, details);
  }
}
