import { bodyParserError } from './body-parsers';
import { requestHashOf } from './idempotency.interceptor';

describe('body parser failures', () => {
  it.each([
    ['entity.too.large', 413, 'BODY_TOO_LARGE'],
    ['parameters.too.many', 413, 'TOO_MANY_FIELDS'],
    ['charset.unsupported', 415, 'UNSUPPORTED_CHARSET'],
    ['encoding.unsupported', 415, 'UNSUPPORTED_ENCODING'],
    ['entity.parse.failed', 400, 'MALFORMED_BODY'],
    ['request.aborted', 400, 'REQUEST_ABORTED'],
  ])('%s → %i %s', (type, status, code) => {
    expect(bodyParserError({ type })).toMatchObject({ status, code });
  });

  it('answers a broken gzip body and anything unknown with a 4xx, never a 5xx', () => {
    expect(bodyParserError({ code: 'Z_DATA_ERROR', message: 'incorrect header check' }).status).toBe(400);
    expect(bodyParserError({ status: 500, message: 'odd' }).status).toBe(400);
    expect(bodyParserError({ status: 408, message: 'slow' }).status).toBe(408);
  });
});

describe('idempotency request hash', () => {
  it('is the same for the same route and body whatever the key order, and differs otherwise', () => {
    const a = requestHashOf('POST /tasks/p/1/comment', { text: '一', extra: { b: 1, a: 2 } });
    expect(requestHashOf('POST /tasks/p/1/comment', { extra: { a: 2, b: 1 }, text: '一' })).toBe(a);
    expect(requestHashOf('POST /tasks/p/1/comment', { text: '二', extra: { b: 1, a: 2 } })).not.toBe(a);
    expect(requestHashOf('POST /tasks/p/2/comment', { text: '一', extra: { b: 1, a: 2 } })).not.toBe(a);
    expect(requestHashOf('POST /x', undefined)).toBe(requestHashOf('POST /x', null));
  });
});
