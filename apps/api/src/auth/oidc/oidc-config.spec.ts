import { ConfigError } from '@duban/domain/errors/config-error';
import { loadSignInConfig } from '../sign-in-config';
import { DEFAULT_OIDC_LABEL, loadOidcConfig } from './oidc-config';
import { parseRoleMap } from './role-map';

const MINIMAL = {
  OIDC_ISSUER: 'https://sso.example.gov.cn/realms/bureau',
  OIDC_CLIENT_ID: 'duban',
  OIDC_CLIENT_SECRET: 'client-secret',
  OIDC_REDIRECT_URI: 'https://duban.example.gov.cn/ui/login/oidc/callback',
};

describe('loadOidcConfig', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(loadOidcConfig({})).toBeNull();
    expect(loadOidcConfig({ OIDC_ISSUER: '  ' })).toBeNull();
  });

  it('refuses OIDC_ variables without OIDC_ISSUER, naming the one it found', () => {
    expect(() => loadOidcConfig({ OIDC_CLIENT_ID: 'duban' })).toThrow(ConfigError);
    expect(() => loadOidcConfig({ OIDC_CLIENT_ID: 'duban' })).toThrow(
      'OIDC_CLIENT_ID is set but OIDC_ISSUER is not: set both, or neither',
    );
  });

  it('reads the minimal settings with their defaults', () => {
    const config = loadOidcConfig(MINIMAL)!;
    expect(config.issuer.href).toBe('https://sso.example.gov.cn/realms/bureau');
    expect(config).toMatchObject({
      clientId: 'duban',
      clientSecret: 'client-secret',
      scope: 'openid profile',
      usernameClaim: 'preferred_username',
      roleMapping: null,
      unitClaim: null,
      label: DEFAULT_OIDC_LABEL,
      allowHttp: false,
    });
    expect(config.redirectUri.href).toBe('https://duban.example.gov.cn/ui/login/oidc/callback');
    expect(config.postLogoutRedirectUri.href).toBe('https://duban.example.gov.cn/ui/login');
  });

  it('takes the redirect URI from PUBLIC_URL when it is not given', () => {
    const { OIDC_REDIRECT_URI: _, ...rest } = MINIMAL;
    const config = loadOidcConfig({ ...rest, PUBLIC_URL: 'https://duban.example.gov.cn' })!;
    expect(config.redirectUri.href).toBe('https://duban.example.gov.cn/ui/login/oidc/callback');
    expect(() => loadOidcConfig(rest)).toThrow(/OIDC_REDIRECT_URI is required with OIDC_ISSUER \(or set PUBLIC_URL/);
  });

  it('refuses a redirect URI that is not the callback route', () => {
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_REDIRECT_URI: 'https://duban.example.gov.cn/callback' })).toThrow(
      /OIDC_REDIRECT_URI must be <this system's address>\/ui\/login\/oidc\/callback/,
    );
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_REDIRECT_URI: 'duban/ui/login/oidc/callback' })).toThrow(
      /OIDC_REDIRECT_URI is not an absolute URL/,
    );
  });

  it('requires the client id and secret', () => {
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_CLIENT_ID: '' })).toThrow(
      'OIDC_CLIENT_ID is required with OIDC_ISSUER',
    );
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_CLIENT_SECRET: undefined })).toThrow(
      'OIDC_CLIENT_SECRET is required with OIDC_ISSUER',
    );
  });

  it('wants https for the issuer, except on loopback', () => {
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_ISSUER: 'http://sso.example.gov.cn' })).toThrow(
      /OIDC_ISSUER must use https \(http only on localhost\)/,
    );
    expect(loadOidcConfig({ ...MINIMAL, OIDC_ISSUER: 'http://127.0.0.1:4000' })!.allowHttp).toBe(true);
    expect(loadOidcConfig({ ...MINIMAL, OIDC_ISSUER: 'http://localhost:4000' })!.allowHttp).toBe(true);
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_ISSUER: 'ftp://sso.example.gov.cn' })).toThrow(
      /OIDC_ISSUER must be an http\(s\) URL/,
    );
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_ISSUER: 'https://sso.example.gov.cn/?realm=x' })).toThrow(
      /without \?query or #fragment/,
    );
  });

  it('reads the claims, the scopes and the label', () => {
    const config = loadOidcConfig({
      ...MINIMAL,
      OIDC_SCOPES: ' openid  profile roles ',
      OIDC_USERNAME_CLAIM: 'employee_no',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_ROLE_MAP: '督查室=supervisor,股长=unit-head',
      OIDC_UNIT_CLAIM: 'department',
      OIDC_LABEL: '政务外网统一登录',
    })!;
    expect(config.scope).toBe('openid profile roles');
    expect(config.usernameClaim).toBe('employee_no');
    expect(config.roleMapping?.claim).toBe('realm_access.roles');
    expect([...config.roleMapping!.roles]).toEqual([
      ['督查室', 'supervisor'],
      ['股长', 'unit-head'],
    ]);
    expect(config.unitClaim).toBe('department');
    expect(config.label).toBe('政务外网统一登录');
  });

  it('wants openid among the scopes, and the role claim and map together', () => {
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_SCOPES: 'profile email' })).toThrow(
      /OIDC_SCOPES must include openid/,
    );
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_ROLE_CLAIM: 'roles' })).toThrow(
      'OIDC_ROLE_CLAIM is set but OIDC_ROLE_MAP is not: set both',
    );
    expect(() => loadOidcConfig({ ...MINIMAL, OIDC_ROLE_MAP: '股长=unit-head' })).toThrow(
      'OIDC_ROLE_MAP is set but OIDC_ROLE_CLAIM is not: set both',
    );
  });
});

describe('parseRoleMap', () => {
  it('keeps the order written, across commas, semicolons and new lines', () => {
    expect([...parseRoleMap(' 督查室 = supervisor ;股长=unit-head\n承办人=handler,')]).toEqual([
      ['督查室', 'supervisor'],
      ['股长', 'unit-head'],
      ['承办人', 'handler'],
    ]);
  });

  it.each([
    ['股长', /entry "股长" is not claim-value=role/],
    ['股长=', /entry "股长=" is not claim-value=role/],
    ['股长=boss', /maps "股长" to "boss", which is none of handler, unit-head, deputy-director, supervisor, admin/],
    ['股长=unit-head,股长=handler', /names "股长" twice/],
    [' , ', /has no claim-value=role entry/],
  ])('refuses %p', (text, message) => {
    expect(() => parseRoleMap(text)).toThrow(ConfigError);
    expect(() => parseRoleMap(text)).toThrow(message);
  });
});

describe('loadSignInConfig', () => {
  it('has local passwords on and no single sign-on by default', () => {
    expect(loadSignInConfig({})).toEqual({ localPasswords: true, oidc: null });
  });

  it('switches passwords off only beside single sign-on', () => {
    const config = loadSignInConfig({ ...MINIMAL, AUTH_LOCAL_PASSWORDS: 'OFF' });
    expect(config.localPasswords).toBe(false);
    expect(config.oidc?.clientId).toBe('duban');
    expect(() => loadSignInConfig({ AUTH_LOCAL_PASSWORDS: 'off' })).toThrow(
      /AUTH_LOCAL_PASSWORDS=off needs OIDC_ISSUER/,
    );
  });

  it('reads the usual words for on and off, and refuses others', () => {
    expect(loadSignInConfig({ ...MINIMAL, AUTH_LOCAL_PASSWORDS: 'false' }).localPasswords).toBe(false);
    expect(loadSignInConfig({ AUTH_LOCAL_PASSWORDS: ' yes ' }).localPasswords).toBe(true);
    expect(() => loadSignInConfig({ AUTH_LOCAL_PASSWORDS: 'constructor' })).toThrow(
      'AUTH_LOCAL_PASSWORDS must be on or off, got "constructor"',
    );
  });
});
