import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { AppProcess, startAppProcess } from '@duban/scripts/stack/app-process';
import { freePort } from '@duban/scripts/stack/free-port';
import { launchChromium, screenshot } from '../support/browser';
import { createThrowawayDatabase } from '../support/throwaway-database';

// Single sign-on against a real OpenID Connect provider (oidc-provider, test/support/oidc-provider.mjs)
// with the real Chromium. openid-client is ESM, which jest cannot load, so the API runs as its own
// process from dist/ (npm run -s build first), as in production.
jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '..', '..');
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const CLIENT = { id: 'duban', secret: randomBytes(16).toString('hex') };
const ROLE_MAP = '督查室=supervisor,股长=unit-head,承办人=handler';

/** Accounts of the provider; the username claim names (or fails to name) an account here. */
const PEOPLE = {
  zhang: {
    password: 'zhang-pass',
    claims: { preferred_username: 'water-air.handler', name: '张三', duban_role: '承办人', duban_unit: '水气股' },
  },
  li: {
    password: 'li-pass',
    claims: { preferred_username: 'Ecology.Handler', name: '李四', duban_role: '股长', duban_unit: '监测站' },
  },
  wang: { password: 'wang-pass', claims: { preferred_username: 'not-in-duban', name: '王五' } },
  zhao: { password: 'zhao-pass', claims: { preferred_username: 'office.handler', name: '赵六' } },
};

let db: { url: string; drop: () => Promise<void> };
let sql: Client;
let dataDir: string;
let provider: AppProcess;
let issuer: string;
/** Passwords on, beside single sign-on. */
let api: AppProcess;
let base: string;
/** AUTH_LOCAL_PASSWORDS=off, same database. */
let ssoOnlyApi: AppProcess;
let ssoOnlyBase: string;
let browser: Browser;

beforeAll(async () => {
  if (!process.env.TEMPORAL_ADDRESS)
    throw new Error('TEMPORAL_ADDRESS is not set: run the e2e tests through `npm test`.');
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`npm run -s build\` first.`);
  db = await createThrowawayDatabase('oidc');
  dataDir = mkdtempSync(join(tmpdir(), 'duban-e2e-oidc-'));
  const [providerPort, apiPort, ssoOnlyPort] = [await freePort(), await freePort(), await freePort()];
  issuer = `http://127.0.0.1:${providerPort}`;
  // The app on "localhost", the provider on "127.0.0.1": two sites, as in production, so the
  // SameSite rules of the session cookies are put to the test.
  base = `http://localhost:${apiPort}`;
  ssoOnlyBase = `http://localhost:${ssoOnlyPort}`;
  provider = await startAppProcess({
    name: 'oidc-provider',
    script: join(ROOT, 'test', 'support', 'oidc-provider.mjs'),
    env: {
      PATH: process.env.PATH,
      OIDC_TEST_PROVIDER: JSON.stringify({
        port: providerPort,
        clients: [
          {
            client_id: CLIENT.id,
            client_secret: CLIENT.secret,
            redirect_uris: [base, ssoOnlyBase].map((b) => `${b}/ui/login/oidc/callback`),
            post_logout_redirect_uris: [base, ssoOnlyBase].map((b) => `${b}/ui/login`),
          },
        ],
        accounts: Object.entries(PEOPLE).map(([login, p]) => ({ login, ...p })),
      }),
    },
    readyPattern: /oidc test provider ready/,
  });
  const jwtSecret = randomBytes(24).toString('hex');
  const apiEnv = (port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: `e2e-oidc-${process.pid}`,
    DUBAN_DATA_DIR: dataDir,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    BULLETIN_SCHEDULE: 'off',
    JWT_SECRET: jwtSecret,
    LOG_FORMAT: 'json',
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT.id,
    OIDC_CLIENT_SECRET: CLIENT.secret,
    OIDC_REDIRECT_URI: `http://localhost:${port}/ui/login/oidc/callback`,
    OIDC_ROLE_CLAIM: 'duban_role',
    OIDC_ROLE_MAP: ROLE_MAP,
    OIDC_UNIT_CLAIM: 'duban_unit',
    ...extra,
  });
  const startApi = (port: number, extra?: NodeJS.ProcessEnv) =>
    startAppProcess({ name: 'api', script: API_MAIN, env: apiEnv(port, extra), readyPattern: /API listening/ });
  // One after the other: the first migrates and seeds the demo accounts.
  api = await startApi(apiPort);
  ssoOnlyApi = await startApi(ssoOnlyPort, { AUTH_LOCAL_PASSWORDS: 'off' });
  sql = new Client({ connectionString: db.url });
  await sql.connect();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sql?.end();
  for (const child of [ssoOnlyApi, api, provider]) await child?.kill();
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function account(username: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql.query(`SELECT * FROM app_user WHERE username = $1`, [username]);
  return rows[0];
}

async function audited(action: string, detail: string | null, username: string): Promise<number> {
  const { rows } = await sql.query(
    `SELECT count(*)::int AS n FROM audit_log
      WHERE action = $1 AND ($2::text IS NULL OR detail = $2) AND after->>'username' = $3 AND after->>'via' = 'oidc'`,
    [action, detail, username],
  );
  return rows[0].n;
}

/** From our login page through the provider's form; resolves with our answer to the provider's redirect. */
async function signInAtProvider(page: Page, appBase: string, login: keyof typeof PEOPLE | null, start = '/ui/login') {
  await page.goto(`${appBase}${start}`);
  await Promise.all([page.waitForURL((url) => url.href.startsWith(issuer)), page.click('#sso-login')]);
  const callback = page.waitForResponse((r) => r.url().startsWith(`${appBase}/ui/login/oidc/callback`));
  if (login) {
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', PEOPLE[login].password);
    await page.click('button[value=login]');
  } else {
    await page.click('button[value=cancel]');
  }
  return callback;
}

async function sessionCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find((c) => c.name === 'duban_at')?.value;
}

async function refusal(page: Page, answer: Response): Promise<{ status: number; text: string }> {
  await page.waitForLoadState();
  return { status: answer.status(), text: (await page.textContent('[role=alert]'))?.trim() ?? '' };
}

describe('single sign-on beside passwords', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('offers the provider on the login page beside the password form', async () => {
    await page.goto(`${base}/ui/login`);
    await expect(page.textContent('#sso-login')).resolves.toBe('统一身份认证登录');
    expect(await page.locator('input[name=password]').count()).toBe(1);
  });

  it('signs an existing account in and lands on the page asked for, past its pending password change', async () => {
    // An account an admin just made must choose a password first — but not when the provider vouches for it.
    await sql.query(`UPDATE app_user SET must_change_password = true WHERE username = 'water-air.handler'`);
    const answer = await signInAtProvider(page, base, 'zhang', '/ui/ledger');
    expect(answer.status()).toBe(200);
    await page.waitForURL(`${base}/ui/ledger`);
    await expect(page.textContent('h1')).resolves.toBe('督办台账');
    await expect(page.textContent('.user-name')).resolves.toBe('水气股承办人');
    expect(await sessionCookie(context)).toBeTruthy();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('duban_oidc_login');
    await screenshot(page, 'oidc-signed-in-ledger');
    // Every other page too: no detour to the password change.
    await page.goto(`${base}/ui/inbox`);
    expect(new URL(page.url()).pathname).toBe('/ui/inbox');
    expect(await audited('login', null, 'water-air.handler')).toBe(1);
  });

  it('ends the session here and at the provider on logout', async () => {
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(`${issuer}/session/end`)),
      page.click('form.logout button'),
    ]);
    await expect(page.textContent('h1')).resolves.toBe('退出统一身份认证');
    await Promise.all([page.waitForURL(`${base}/ui/login`), page.click('button[value=yes]')]);
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto(`${base}/ui/ledger`);
    expect(new URL(page.url()).pathname).toBe('/ui/login');
    // The provider forgot the person too: signing in again asks for the password there.
    await Promise.all([page.waitForURL((url) => url.href.startsWith(issuer)), page.click('#sso-login')]);
    await expect(page.isVisible('input[name=password]')).resolves.toBe(true);
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM audit_log a JOIN app_user u ON u.id::text = a.actor_user_id
        WHERE a.action = 'logout' AND u.username = 'water-air.handler'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a provider account that has no account here, and makes none', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const answer = await signInAtProvider(page, base, 'wang');
      await expect(refusal(page, answer)).resolves.toEqual({
        status: 403,
        text: '统一身份认证账号 not-in-duban 未在本系统开通，请联系管理员',
      });
      await screenshot(page, 'oidc-unknown-account');
      expect(await sessionCookie(context)).toBeUndefined();
      expect(await account('not-in-duban')).toBeUndefined();
      expect(await audited('login-failed', 'oidc: unknown user', 'not-in-duban')).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('refuses a deactivated account, and leaves it deactivated', async () => {
    await sql.query(`UPDATE app_user SET active = false, tokens_valid_after = now() WHERE username = 'office.handler'`);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const answer = await signInAtProvider(page, base, 'zhao');
      await expect(refusal(page, answer)).resolves.toEqual({
        status: 403,
        text: '账号 office.handler 已停用，请联系管理员',
      });
      expect(await sessionCookie(context)).toBeUndefined();
      expect((await account('office.handler'))?.active).toBe(false);
      expect(await audited('login-failed', 'oidc: account inactive', 'office.handler')).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("gives the account the role and unit of the provider's claims", async () => {
    expect(await account('ecology.handler')).toMatchObject({ role: 'handler', unit_code: 'ecology' });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await signInAtProvider(page, base, 'li');
      await page.waitForURL(`${base}/ui/overview`);
      await expect(page.textContent('.user-role')).resolves.toBe('股长');
      expect(await account('ecology.handler')).toMatchObject({ role: 'unit-head', unit_code: 'monitoring' });
      const { rows } = await sql.query(
        `SELECT before, after FROM audit_log WHERE action = 'account-sync' AND outcome = 'ok' ORDER BY at DESC LIMIT 1`,
      );
      expect(rows[0]).toMatchObject({
        before: { role: 'handler', unitCode: 'ecology' },
        after: { role: 'unit-head', unitCode: 'monitoring' },
      });
    } finally {
      await context.close();
    }
  });

  it('answers a cancelled sign-in and a forged or stale answer with a clear page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const cancelled = await signInAtProvider(page, base, null);
      await expect(refusal(page, cancelled)).resolves.toEqual({
        status: 403,
        text: '统一身份认证未通过（access_denied），请重新登录',
      });
      await expect(page.getAttribute('a[href="/ui/login"]', 'href')).resolves.toBe('/ui/login');

      // No sign-in under way in this browser at all.
      const forged = (await page.goto(`${base}/ui/login/oidc/callback?code=forged&state=forged`))!;
      await expect(refusal(page, forged)).resolves.toEqual({ status: 400, text: '登录请求已过期或无效，请重新登录' });

      // A sign-in under way, but an answer that is not its own.
      await page.goto(`${base}/ui/login`);
      await Promise.all([page.waitForURL((url) => url.href.startsWith(issuer)), page.click('#sso-login')]);
      const stale = (await page.goto(`${base}/ui/login/oidc/callback?code=forged&state=forged&iss=${issuer}`))!;
      await expect(refusal(page, stale)).resolves.toEqual({ status: 400, text: '登录请求已过期或无效，请重新登录' });
      expect(await page.textContent('body')).not.toMatch(/Error|at .*\.js/);
      expect(await sessionCookie(context)).toBeUndefined();
    } finally {
      await context.close();
    }
  });
});

describe('with AUTH_LOCAL_PASSWORDS=off', () => {
  const demo = { username: 'supervisor', password: 'duban-demo-2021' };

  it('shows only the single sign-on button, which signs in', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${ssoOnlyBase}/ui/login`);
      expect(await page.locator('input[name=password]').count()).toBe(0);
      await screenshot(page, 'oidc-sso-only-login');
      await signInAtProvider(page, ssoOnlyBase, 'zhang');
      await page.waitForURL(`${ssoOnlyBase}/ui/overview`);
      await expect(page.textContent('.user-name')).resolves.toBe('水气股承办人');
    } finally {
      await context.close();
    }
  });

  it('refuses the password API in Chinese, where the passwords-on process lets the same one in', async () => {
    const post = (at: string) =>
      fetch(`${at}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(demo),
      });
    const refused = await post(ssoOnlyBase);
    expect(refused.status).toBe(403);
    await expect(refused.json()).resolves.toMatchObject({
      code: 'LOCAL_PASSWORDS_OFF',
      message: '本系统已关闭密码登录，请使用统一身份认证登录',
    });
    expect((await post(base)).status).toBe(200);
  });

  it('refuses the password form with a page that leads to single sign-on', async () => {
    const csrf = 'csrf-token-of-this-browser';
    const answer = await fetch(`${ssoOnlyBase}/ui/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ssoOnlyBase,
        cookie: `duban_csrf=${csrf}`,
      },
      body: new URLSearchParams({ _csrf: csrf, ...demo, next: '/ui/ledger' }).toString(),
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('set-cookie') ?? '').not.toContain('duban_at');
    const page = await answer.text();
    expect(page).toContain('本系统已关闭密码登录，请使用统一身份认证登录');
    expect(page).toContain('href="/ui/login/oidc?next=%2Fui%2Fledger"');
    expect(page).not.toContain('name="password"');
  });
});
