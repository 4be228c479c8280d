import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { Request, Response } from 'express';
import { Observable, from, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { BadInputError, DomainError } from '@duban/domain/errors/domain-error';
import { IdempotencyRepository } from '@duban/persistence/repositories/idempotency-repository';
import { AuthUser } from '../auth/auth-user';
import { ProblemDetailsFilter } from './problem-details.filter';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Action endpoints take an Idempotency-Key header. The first answer (success or a domain refusal)
 * is stored per user and key; a retry gets the same status and body without acting again. Two
 * requests racing with one key both reach the workflow, whose update dedup by request id makes
 * the second a no-op, so the answers agree.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly problems = new ProblemDetailsFilter();

  constructor(private readonly records: IdempotencyRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.header(IDEMPOTENCY_HEADER);
    if (!key || !KEY_PATTERN.test(key)) {
      return throwError(
        () =>
          new BadInputError(
            'IDEMPOTENCY_KEY_REQUIRED',
            '缺少或无效的 Idempotency-Key 请求头（8–128 位字母数字）',
            'Missing or invalid Idempotency-Key header (8-128 characters of A-Z a-z 0-9 . _ : -)',
          ),
      );
    }
    const userId = req.user?.id ?? 'anonymous';
    const route = `${req.method} ${req.originalUrl.split('?')[0]}`;
    const requestHash = requestHashOf(route, req.body);
    return from(this.records.find(key, userId)).pipe(
      mergeMap((existing) => {
        if (existing) {
          // The same key for another request is a client bug; replaying the first answer would hide it.
          if (existing.route !== route || (existing.requestHash && existing.requestHash !== requestHash)) {
            throw new DomainError(
              'IDEMPOTENCY_KEY_REUSED',
              422,
              '该 Idempotency-Key 已用于另一个请求（操作或内容不同）；每个新操作请使用新的键',
              'This Idempotency-Key was already used for a different request; use a new key for a new action',
              { route: existing.route },
            );
          }
          res.status(existing.statusCode).setHeader('Idempotent-Replayed', 'true');
          if (existing.statusCode >= 400) res.type('application/problem+json');
          return of(existing.response);
        }
        return next.handle().pipe(
          mergeMap((body) =>
            from(this.remember(key, userId, route, requestHash, res.statusCode, body)).pipe(mergeMap(() => of(body))),
          ),
          catchError((error: unknown) => {
            if (!(error instanceof DomainError)) return throwError(() => error);
            const problem = this.problems.toProblem(error);
            // A 5xx (task workflow unreachable, database down) means "retry later": remembering it
            // would replay the failure to every retry with this key, so the action could never land.
            if (problem.status >= 500) return throwError(() => error);
            return from(this.remember(key, userId, route, requestHash, problem.status, problem)).pipe(
              mergeMap(() => throwError(() => error)),
            );
          }),
        );
      }),
    );
  }

  private async remember(
    key: string,
    userId: string,
    route: string,
    requestHash: string,
    statusCode: number,
    response: unknown,
  ) {
    await this.records.remember({
      key,
      userId,
      route,
      requestHash,
      statusCode,
      response: (response ?? null) as object,
    });
  }
}

/** sha256 of the route and the body in a canonical form (object keys sorted). */
export function requestHashOf(route: string, body: unknown): string {
  return createHash('sha256')
    .update(route)
    .update('\n')
    .update(stableStringify(body ?? null))
    .digest('hex');
}
