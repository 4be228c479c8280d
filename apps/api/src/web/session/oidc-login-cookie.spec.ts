import { OIDC_LOGIN_TTL_SECONDS, openOidcLogin, sealOidcLogin } from './oidc-login-cookie';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const LOGIN = { state: 'st', nonce: 'no', codeVerifier: 'ver', next: '/ui/ledger?unit=water-air' };
const NOW = 1_800_000_000_000;

describe('the single sign-on login cookie', () => {
  it('opens to what was sealed, within its lifetime', () => {
    const sealed = sealOidcLogin(LOGIN, SECRET, NOW);
    expect(openOidcLogin(sealed, SECRET, NOW + 1000)).toEqual(LOGIN);
    expect(openOidcLogin(sealed, SECRET, NOW + OIDC_LOGIN_TTL_SECONDS * 1000 + 1)).toBeNull();
  });

  it('refuses an altered payload, a foreign signature and rubbish', () => {
    const sealed = sealOidcLogin(LOGIN, SECRET, NOW);
    const [payload, mac] = sealed.split('.');
    const altered = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('/ui/ledger', '/ui/admin'),
    ).toString('base64url');
    expect(openOidcLogin(`${altered}.${mac}`, SECRET, NOW)).toBeNull();
    expect(openOidcLogin(sealOidcLogin(LOGIN, `${SECRET}-other`, NOW), SECRET, NOW)).toBeNull();
    for (const junk of [undefined, '', 'abc', `${sealed}.x`, `${payload}.`]) {
      expect(openOidcLogin(junk, SECRET, NOW)).toBeNull();
    }
  });

  it('refuses a signed payload that lacks a field', () => {
    const { codeVerifier: _, ...partial } = LOGIN;
    const sealed = sealOidcLogin(partial as typeof LOGIN, SECRET, NOW);
    expect(openOidcLogin(sealed, SECRET, NOW)).toBeNull();
  });
});
