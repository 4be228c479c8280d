import { decideLoginThrottle } from './login-throttle-decision';

const NOW = new Date('2021-06-01T09:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('decideLoginThrottle (sliding window)', () => {
  it('allows while fewer than the limit failed inside the window', () => {
    expect(decideLoginThrottle([ago(10), ago(20), ago(30), ago(40)], NOW, 5, 900)).toEqual({ allowed: true });
  });

  it('refuses at the limit until the limit-th newest failure leaves the window', () => {
    const failures = [ago(10), ago(100), ago(200), ago(300), ago(400)];
    // ago(400) leaves the 900 s window 500 s from now.
    expect(decideLoginThrottle(failures, NOW, 5, 900)).toEqual({ allowed: false, retryAfterSeconds: 500 });
  });

  it('uses the limit-th newest, not the oldest, when there are more failures', () => {
    const failures = [ago(1), ago(2), ago(3), ago(4), ago(5), ago(600), ago(800)];
    expect(decideLoginThrottle(failures, NOW, 5, 900)).toEqual({ allowed: false, retryAfterSeconds: 895 });
  });

  it('ignores failures older than the window', () => {
    const failures = [ago(10), ago(20), ago(30), ago(40), ago(900), ago(1000)];
    expect(decideLoginThrottle(failures, NOW, 5, 900)).toEqual({ allowed: true });
  });

  it('never tells the client to retry in less than one second', () => {
    const failures = [ago(1), ago(2), ago(3), ago(4), new Date(ago(900).getTime() + 1)];
    expect(decideLoginThrottle(failures, NOW, 5, 900)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('works with a limit of one', () => {
    expect(decideLoginThrottle([ago(60)], NOW, 1, 300)).toEqual({ allowed: false, retryAfterSeconds: 240 });
  });
});
