import { DomainError } from '@duban/domain/errors/domain-error';

export type PlanParseErrorCode =
  | 'EMPTY_DOCUMENT'
  | 'BINARY_DOCUMENT'
  | 'TOO_LARGE'
  | 'TOO_COMPLEX'
  | 'TOO_MANY_ITEMS'
  | 'NO_TASK_SECTION'
  | 'NO_PLAN_YEAR'
  | 'UNSUPPORTED_FORMAT'
  | 'MALFORMED_DOCX'
  | 'MALFORMED_XLSX'
  | 'MALFORMED_JSON'
  | 'MALFORMED_YAML'
  | 'INVALID_PLAN_JSON'
  | 'INVALID_PLAN_DRAFT'
  | 'UNREADABLE_DOCUMENT';

export interface PlanParseErrorInit {
  code: PlanParseErrorCode;
  /** What is wrong, in Chinese (shown first) … */
  zh: string;
  /** … and in English. */
  en: string;
  /** How to fix the document. */
  hint: string;
  /** 1-based line of the (normalised) document text, when the problem has one. */
  line?: number;
  /** JSON pointer into a JSON/YAML plan, when the problem has one. */
  path?: string;
}

/**
 * A document that cannot become a plan tree: says what is wrong, where (line or JSON path) and how
 * to fix it. The only error the parser throws for bad input. It is a DomainError with status 400 so
 * the API's problem filter answers 400, never 500.
 */
export class PlanParseError extends DomainError {
  declare readonly code: PlanParseErrorCode;
  readonly hint: string;
  readonly line?: number;
  readonly path?: string;

  constructor(init: PlanParseErrorInit) {
    super(init.code, 400, init.zh, init.en, { line: init.line, path: init.path, hint: init.hint });
    this.name = 'PlanParseError';
    this.hint = init.hint;
    this.line = init.line;
    this.path = init.path;
  }

  /** One readable block for a terminal: code, both messages, where, and the fix. */
  describe(): string {
    const where = [this.line !== undefined ? `line ${this.line}` : '', this.path ? `path ${this.path}` : '']
      .filter(Boolean)
      .join(', ');
    return [
      `${this.code}${where ? ` (${where})` : ''}`,
      `  ${this.messageZh}`,
      `  ${this.messageEn}`,
      `  提示 / hint: ${this.hint}`,
    ].join('\n');
  }
}

/**
 * Any failure met while parsing → PlanParseError. An unexpected error is a parser bug, but the
 * caller must still get a clear refusal it can show, not a TypeError from deep inside.
 */
export function toPlanParseError(error: unknown): PlanParseError {
  if (error instanceof PlanParseError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new PlanParseError({
    code: 'UNREADABLE_DOCUMENT',
    zh: `无法解析该文件：${detail}`,
    en: `Cannot parse the document: ${detail}`,
    hint: '请改用纯文本（.txt）格式上传；如仍失败，请把文件反馈给系统管理员。',
  });
}
