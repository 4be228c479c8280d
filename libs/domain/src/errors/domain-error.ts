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

/** English names of what may be not found, for the problem's English message. */
const THINGS_IN_ENGLISH: Record<string, string> = {
  任务: 'Task',
  计划: 'Plan',
  通报: 'Bulletin',
  佐证材料: 'Evidence',
  佐证材料文件: 'Evidence file',
  单位: 'Unit',
  用户: 'User',
  指标: 'Indicator',
  阶段: 'Stage',
  操作: 'Action',
  计划指标: 'Plan indicator',
  通知: 'Notification',
};

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', 404, `未找到${what}：${id}`, `${THINGS_IN_ENGLISH[what] ?? 'Item'} not found: ${id}`, { id });
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
