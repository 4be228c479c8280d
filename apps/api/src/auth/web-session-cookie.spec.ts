import { ACCESS_COOKIE, parseCookies, webSessionToken } from './web-session-cookie';

describe('web session cookie', () => {
  it('parses a Cookie header', () => {
    expect(parseCookies('a=1; b=%E4%B8%AD; a=2; bad; c=x=y')).toEqual({ a: '1', b: '中', c: 'x=y' });
    expect(parseCookies(undefined)).toEqual({});
  });

  it('is accepted on /ui pages only, so the JSON API stays Bearer-only (no cookie CSRF there)', () => {
    const headers = { cookie: `${ACCESS_COOKIE}=tok` };
    expect(webSessionToken({ headers, path: '/ui/overview' })).toBe('tok');
    expect(webSessionToken({ headers, path: '/ui' })).toBe('tok');
    expect(webSessionToken({ headers, path: '/tasks' })).toBeUndefined();
    expect(webSessionToken({ headers, path: '/uix' })).toBeUndefined();
    expect(webSessionToken({ headers: {}, path: '/ui/overview' })).toBeUndefined();
  });
});
