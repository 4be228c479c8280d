export type PlanParseErrorCode =
  | 'EMPTY_DOCUMENT'
  | 'BINARY_DOCUMENT'
  | 'TOO_LARGE'
  | 'NO_TASK_SECTION'
  | 'UNSUPPORTED_FORMAT'
  | 'MALFORMED_DOCX'
  | 'MALFORMED_JSON'
  | 'INVALID_PLAN_JSON';

/**
 * A document that cannot become a plan tree: says what is wrong, where (line or JSON path) and how
 * to fix it. The only error the parser throws for bad input.
 */
export class PlanParseError extends Error {
  readonly status = 400;

  constructor(
    readonly code: PlanParseErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly hint: string,
    readonly where?: { line?: number; path?: string },
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'PlanParseError';
  }
}
