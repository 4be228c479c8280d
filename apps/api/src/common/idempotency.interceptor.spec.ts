import { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, Observable, of, throwError } from 'rxjs';
import { DomainError } from '@duban/domain/errors/domain-error';
import { IdempotencyRecordEntity } from '@duban/persistence/entities';
import { IdempotencyRepository } from '@duban/persistence/repositories/idempotency-repository';
import { IdempotencyInterceptor } from './idempotency.interceptor';

type Stored = Pick<IdempotencyRecordEntity, 'key' | 'userId' | 'route' | 'requestHash' | 'statusCode' | 'response'>;

/** The interceptor over an in-memory record table; each call is one request to an action route. */
function interceptorOver() {
  const rows: Stored[] = [];
  const records = {
    find: async (key: string, userId: string) => rows.find((r) => r.key === key && r.userId === userId) ?? null,
    remember: async (r: Stored) => {
      if (!rows.some((x) => x.key === r.key && x.userId === r.userId)) rows.push(r);
    },
  } as unknown as IdempotencyRepository;
  const interceptor = new IdempotencyInterceptor(records);
  let acted = 0;
  const call = async (
    req: { key?: string; body?: unknown; url?: string; user?: string },
    act: () => Observable<unknown> = () => of({ version: 2 }),
  ) => {
    const headers: Record<string, string> = {};
    const res = {
      statusCode: 201,
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      setHeader: (name: string, value: string) => void (headers[name] = value),
      type(t: string) {
        headers['content-type'] = t;
        return this;
      },
    };
    const request = {
      method: 'POST',
      originalUrl: req.url ?? '/tasks/p%2F1/approve?x=1',
      body: req.body ?? { note: '同意' },
      user: { id: req.user ?? 'u-1' },
      header: (name: string) => (name === 'idempotency-key' ? req.key : undefined),
    };
    const context = {
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => res }),
    } as unknown as ExecutionContext;
    const next: CallHandler = {
      handle: () => {
        acted++;
        return act();
      },
    };
    const body = await lastValueFrom(interceptor.intercept(context, next));
    return { body, status: res.statusCode, headers };
  };
  return { call, rows, acted: () => acted };
}

const refusal = () => new DomainError('STAGE_NOT_SUBMITTED', 409, '该阶段尚未提交', 'The stage was not submitted');

describe('idempotent actions (Idempotency-Key)', () => {
  it('refuses an action without a usable key, naming the header', async () => {
    const w = interceptorOver();
    for (const key of [undefined, 'short', 'x'.repeat(129), 'has space 123']) {
      await expect(w.call({ key })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', status: 400 });
    }
    expect(w.acted()).toBe(0);
  });

  it('acts once: a retry with the same key gets the first answer, marked as replayed', async () => {
    const w = interceptorOver();
    const first = await w.call({ key: 'key-00000001' });
    const retry = await w.call({ key: 'key-00000001', body: { note: '同意' } });
    expect(first).toMatchObject({ body: { version: 2 }, status: 201 });
    expect(retry).toMatchObject({ body: { version: 2 }, status: 201, headers: { 'Idempotent-Replayed': 'true' } });
    expect(w.acted()).toBe(1);
  });

  it('keeps keys apart per user: the same key from another user is another action', async () => {
    const w = interceptorOver();
    await w.call({ key: 'key-00000001', user: 'u-1' });
    await w.call({ key: 'key-00000001', user: 'u-2' });
    expect(w.acted()).toBe(2);
  });

  it('refuses a key reused for another body or route instead of replaying a wrong answer', async () => {
    const w = interceptorOver();
    await w.call({ key: 'key-00000001' });
    await expect(w.call({ key: 'key-00000001', body: { note: '不同意' } })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      status: 422,
    });
    await expect(w.call({ key: 'key-00000001', url: '/tasks/p%2F1/reject' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    // The body's key order is not a different request.
    await expect(w.call({ key: 'key-00000002', body: { a: 1, b: 2 } })).resolves.toBeDefined();
    await expect(w.call({ key: 'key-00000002', body: { b: 2, a: 1 } })).resolves.toMatchObject({
      headers: { 'Idempotent-Replayed': 'true' },
    });
  });

  it('replays a refusal as the same problem, and never remembers a 5xx (so a retry can still land)', async () => {
    const w = interceptorOver();
    await expect(w.call({ key: 'key-00000003' }, () => throwError(refusal))).rejects.toMatchObject({ status: 409 });
    const replay = await w.call({ key: 'key-00000003' });
    expect(replay).toMatchObject({
      status: 409,
      body: { code: 'STAGE_NOT_SUBMITTED' },
      headers: { 'content-type': 'application/problem+json', 'Idempotent-Replayed': 'true' },
    });
    const down = () => throwError(() => new DomainError('TEMPORAL_UNAVAILABLE', 503, '暂不可用', 'Unavailable'));
    await expect(w.call({ key: 'key-00000004' }, down)).rejects.toMatchObject({ status: 503 });
    await expect(w.call({ key: 'key-00000004' })).resolves.toMatchObject({ status: 201, body: { version: 2 } });
    expect(w.acted()).toBe(3);
    expect(w.rows.map((r) => [r.key, r.statusCode])).toEqual([
      ['key-00000003', 409],
      ['key-00000004', 201],
    ]);
  });
});
