import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@duban/domain/errors/domain-error';

/** RFC 9457 problem body with the message in Chinese first, then English. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  message: string;
  messageEn: string;
  details?: unknown;
}

const DB_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001']);

/**
 * Maps every error to a problem response. Bad input never becomes a 500: domain errors carry their
 * status, Nest HTTP errors keep theirs, a database that is down is a 503, only the unexpected is a 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(error);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
    const retryAfter = (problem.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  toProblem(error: unknown): Problem {
    if (error instanceof DomainError) {
      return this.problem(error.status, error.code, error.messageZh, error.messageEn, error.details);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse() as string | { message?: unknown; code?: string; messageEn?: string };
      if (typeof body === 'object' && body && 'code' in body && body.code) {
        return this.problem(status, body.code, String(body.message), body.messageEn ?? String(body.message), body);
      }
      const message = typeof body === 'string' ? body : body?.message;
      const list = Array.isArray(message) ? message : undefined;
      if (status === HttpStatus.BAD_REQUEST && list) {
        return this.problem(status, 'VALIDATION_FAILED', '请求参数有误', 'Request validation failed', { fields: list });
      }
      return this.problem(status, HttpStatus[status] ?? 'HTTP_ERROR', String(message ?? error.message), error.message);
    }
    const code =
      (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ??
      (error as { code?: string })?.code;
    if (code && DB_UNAVAILABLE_CODES.has(code)) {
      return this.problem(
        503,
        'DATABASE_UNAVAILABLE',
        '数据库暂时不可用，请稍后重试',
        'Database temporarily unavailable, retry later',
      );
    }
    if (error instanceof QueryFailedError && code === '22P02') {
      return this.problem(400, 'BAD_INPUT', '参数格式不正确', 'Malformed parameter');
    }
    return this.problem(500, 'INTERNAL', '服务器内部错误', 'Internal server error');
  }

  private problem(status: number, code: string, message: string, messageEn: string, details?: unknown): Problem {
    return {
      type: `urn:duban:problem:${code.toLowerCase()}`,
      title: messageEn,
      status,
      code,
      message,
      messageEn,
      details,
    };
  }
}
