import { csrfProblem } from './csrf-check';

const form = (headers: Record<string, string>, body: Record<string, unknown>) => ({ headers, body });

describe('csrfProblem', () => {
  const host = '127.0.0.1:3000';
  it('accepts a same-origin post carrying the cookie token', () => {
    expect(csrfProblem(form({ host, origin: 'http://127.0.0.1:3000' }, { _csrf: 'tok' }), 'tok')).toBeNull();
    expect(csrfProblem(form({ host, referer: 'http://127.0.0.1:3000/ui/inbox' }, { _csrf: 'tok' }), 'tok')).toBeNull();
  });

  it('refuses other origins, Origin: null, no origin at all, and a missing or wrong token', () => {
    expect(csrfProblem(form({ host, origin: 'http://evil.example' }, { _csrf: 'tok' }), 'tok')).toBe(
      'cross-site Origin',
    );
    expect(csrfProblem(form({ host, origin: 'null' }, { _csrf: 'tok' }), 'tok')).toBe('bad Origin/Referer');
    expect(csrfProblem(form({ host }, { _csrf: 'tok' }), 'tok')).toBe('missing Origin/Referer');
    expect(csrfProblem(form({ host, origin: 'http://127.0.0.1:3000' }, {}), 'tok')).toBe('missing CSRF token');
    expect(csrfProblem(form({ host, origin: 'http://127.0.0.1:3000' }, { _csrf: 'tok' }), undefined)).toBe(
      'missing CSRF token',
    );
    expect(csrfProblem(form({ host, origin: 'http://127.0.0.1:3000' }, { _csrf: 'tox' }), 'tok')).toBe(
      'CSRF token mismatch',
    );
    expect(csrfProblem(form({ host, origin: 'http://127.0.0.1:3000' }, { _csrf: 'to' }), 'tok')).toBe(
      'CSRF token mismatch',
    );
  });
});
