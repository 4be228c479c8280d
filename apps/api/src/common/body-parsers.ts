import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { ProblemDetailsFilter } from './problem-details.filter';

/** Body limit for JSON and form requests; uploads have their own limits in their routes. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Form fields one urlencoded request may carry. */
export const MAX_FORM_FIELDS = 1000;

/** body-parser's error types → the problem a client should get (never a 500). */
const BODY_ERRORS: Record<string, [number, string, string, string]> = {
  'entity.too.large': [413, 'BODY_TOO_LARGE', '请求体超过 1 MB', 'Request body larger than 1 MB'],
  'parameters.too.many': [
    413,
    'TOO_MANY_FIELDS',
    `表单字段超过 ${MAX_FORM_FIELDS} 个`,
    `More than ${MAX_FORM_FIELDS} form fields`,
  ],
  'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', '不支持的字符集，请使用 UTF-8', 'Unsupported charset; use UTF-8'],
  'encoding.unsupported': [
    415,
    'UNSUPPORTED_ENCODING',
    '不支持的内容编码（Content-Encoding）',
    'Unsupported Content-Encoding',
  ],
  'entity.parse.failed': [400, 'MALFORMED_BODY', '请求体不是合法的 JSON', 'Request body is not valid JSON'],
  'entity.verify.failed': [400, 'MALFORMED_BODY', '请求体校验失败', 'Request body failed verification'],
  'request.aborted': [400, 'REQUEST_ABORTED', '请求被中断', 'Request aborted'],
  'request.size.invalid': [400, 'BAD_CONTENT_LENGTH', '请求长度与 Content-Length 不符', 'Body size != Content-Length'],
};

const problems = new ProblemDetailsFilter();

/** The problem of a body-parser (or zlib) failure. */
export function bodyParserError(error: { type?: string; status?: number; code?: string; message?: string }) {
  const known = error.type ? BODY_ERRORS[error.type] : undefined;
  if (known) return new DomainError(known[1], known[0], known[2], known[3]);
  if (error.code && /^Z_/.test(error.code)) {
    return new DomainError('MALFORMED_BODY', 400, '压缩的请求体无法解压', 'Compressed request body cannot be inflated');
  }
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
  return new DomainError(
    'MALFORMED_BODY',
    status,
    '请求体无法解析',
    `Request body could not be parsed: ${error.message}`,
  );
}

/** A parser whose failures answer as problems instead of reaching Express's default handler. */
function answering(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      const problem = problems.toProblem(bodyParserError(error as Parameters<typeof bodyParserError>[0]));
      res.status(problem.status).type('application/problem+json').json(problem);
    });
}

/** The JSON and urlencoded parsers of the API and the pages. */
export function bodyParsers(): RequestHandler[] {
  return [
    answering(express.json({ limit: BODY_LIMIT_BYTES })),
    answering(express.urlencoded({ limit: BODY_LIMIT_BYTES, extended: true, parameterLimit: MAX_FORM_FIELDS })),
  ];
}
