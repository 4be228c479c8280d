import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Request, Response } from 'express';
import { Observable, from, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import { BadInputError, ConflictError, DomainError } from '../../../../libs/domain/src/errors/domain-error';
import { IdempotencyRecordEntity } from '../../../../libs/persistence/src/entities';
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

  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    const repo = this.db.getRepository(IdempotencyRecordEntity);
    return from(repo.findOne({ where: { key, userId } })).pipe(
      mergeMap((existing) => {
        if (existing) {
          if (existing.route !== route) {
            throw new ConflictError(
              'IDEMPOTENCY_KEY_REUSED',
              '该 Idempotency-Key 已用于另一个操作',
              'This Idempotency-Key was already used for another action',
              { route: existing.route },
            );
          }
          res.status(existing.statusCode).setHeader('Idempotent-Replayed', 'true');
          if (existing.statusCode >= 400) res.type('application/problem+json');
          return of(existing.response);
        }
        return next.handle().pipe(
          mergeMap((body) =>
            from(this.remember(key, userId, route, res.statusCode, body)).pipe(mergeMap(() => of(body))),
          ),
          catchError((error: unknown) => {
            if (!(error instanceof DomainError)) return throwError(() => error);
            const problem = this.problems.toProblem(error);
            // A 5xx (task workflow unreachable, database down) means "retry later": remembering it
            // would replay the failure to every retry with this key, so the action could never land.
            if (problem.status >= 500) return throwError(() => error);
            return from(this.remember(key, userId, route, problem.status, problem)).pipe(
              mergeMap(() => throwError(() => error)),
            );
          }),
        );
      }),
    );
  }

  private async remember(key: string, userId: string, route: string, statusCode: number, response: unknown) {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(IdempotencyRecordEntity)
      .values({ key, userId, route, statusCode, response: (response ?? null) as object })
      .orIgnore()
      .execute();
  }
}
