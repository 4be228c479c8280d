import { PermanentDeliveryError, RetryableDeliveryError } from './delivery-errors';
import { isRetryable, toDeliveryError } from './error-classification';

const withFields = (fields: Record<string, unknown>, message = 'x') => Object.assign(new Error(message), fields);

describe('isRetryable', () => {
  it.each([
    ['SMTP 421 service not available', withFields({ code: 'EENVELOPE', responseCode: 421 })],
    ['SMTP 451 local error', withFields({ code: 'EMESSAGE', responseCode: 451 })],
    ['SMTP 454 temporary auth failure', withFields({ code: 'EAUTH', responseCode: 454 })],
    ['SMTP 503 bad sequence', withFields({ code: 'EPROTOCOL', responseCode: 503 })],
    ['connection refused', withFields({ code: 'ECONNREFUSED' })],
    ['nodemailer connection error', withFields({ code: 'ESOCKET', originalCode: 'ECONNRESET' })],
    ['nodemailer timeout', withFields({ code: 'ETIMEDOUT' })],
    [
      'abort signal timeout',
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
    ],
    ['fetch failed with socket cause', new TypeError('fetch failed', { cause: withFields({ code: 'ECONNRESET' }) })],
    ['DNS temporary failure', withFields({ code: 'EAI_AGAIN' })],
    ['unknown error', new Error('something odd')],
    ['typed retryable', new RetryableDeliveryError('wecom', 'HTTP_STATUS', '502')],
  ])('%s → retryable', (_label, err) => {
    expect(isRetryable(err)).toBe(true);
  });

  it.each([
    ['SMTP 550 mailbox unavailable', withFields({ code: 'EENVELOPE', responseCode: 550 })],
    ['SMTP 535 bad credentials', withFields({ code: 'EAUTH', responseCode: 535 })],
    ['SMTP 552 message too big', withFields({ code: 'EMESSAGE', responseCode: 552 })],
    ['nodemailer says permanent', withFields({ responseCode: 521, permanent: true })],
    ['missing credentials', withFields({ code: 'ENOAUTH' })],
    ['TLS certificate rejected', withFields({ code: 'ETLS' })],
    ['invalid configuration', withFields({ code: 'ECONFIG' })],
    ['no recipients', withFields({ code: 'EENVELOPE' })],
    ['typed permanent', new PermanentDeliveryError('dingtalk', 'ROBOT_ERRCODE', 'sign not match')],
  ])('%s → not retryable', (_label, err) => {
    expect(isRetryable(err)).toBe(false);
  });
});

describe('toDeliveryError', () => {
  it('wraps with channel, code and the SMTP response, keeping the cause', () => {
    const cause = withFields(
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 user unknown' },
      "Can't send mail",
    );
    const err = toDeliveryError('smtp', cause);
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err).toMatchObject({ channel: 'smtp', code: 'INVALID_ADDRESS', name: 'PermanentDeliveryError', cause });
    expect(err.message).toBe("[smtp] Can't send mail — 550 5.1.1 user unknown");
  });

  it('returns a DeliveryError unchanged', () => {
    const e = new RetryableDeliveryError('inbox', 'STORE', 'down');
    expect(toDeliveryError('inbox', e)).toBe(e);
    expect(e.name).toBe('RetryableDeliveryError');
  });
});
