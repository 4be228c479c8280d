import { Browser } from 'playwright-core';
import { ApiHarness, startApiHarness } from '../../support/api-harness';
import { launchChromium, listenOnFreePort, signIn } from '../../support/browser';

jest.setTimeout(120_000);

// Access tokens live 2 s here, so the test can watch a page session outlive one.
const ACCESS_TTL = '2s';

let h: ApiHarness;
let base: string;
let browser: Browser;
let previousTtl: string | undefined;

beforeAll(async () => {
  previousTtl = process.env.JWT_ACCESS_TTL;
  process.env.JWT_ACCESS_TTL = ACCESS_TTL;
  h = await startApiHarness('ui-session');
  base = await listenOnFreePort(h.app);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
  if (previousTtl === undefined) delete process.env.JWT_ACCESS_TTL;
  else process.env.JWT_ACCESS_TTL = previousTtl;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('page sessions', () => {
  it('outlive the access token through the refresh cookie, and end for good at logout', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await signIn(page, base, 'supervisor');
      const cookie = async (name: string) => (await context.cookies()).find((c) => c.name === name)?.value;
      const firstAccess = await cookie('duban_at');
      const firstRefresh = await cookie('duban_rt');
      expect(firstAccess).toBeTruthy();
      expect(firstRefresh).toBeTruthy();
      await sleep(3_000);
      expect((await h.http().get('/auth/me').set('Authorization', `Bearer ${firstAccess}`)).status).toBe(401);

      // Expired access token: the page rotates the refresh token and shows the page, no login.
      await page.goto(`${base}/ui/escalations`);
      expect(new URL(page.url()).pathname).toBe('/ui/escalations');
      await expect(page.textContent('h1')).resolves.toBe('督办');
      const secondRefresh = await cookie('duban_rt');
      expect(secondRefresh).toBeTruthy();
      expect(secondRefresh).not.toBe(firstRefresh);

      // Logout once the access token has expired again still revokes the refresh token:
      // putting it back does not bring the session back.
      await sleep(3_000);
      await Promise.all([page.waitForURL(/\/ui\/login/), page.click('form.logout button')]);
      const url = new URL(base);
      await context.addCookies([{ name: 'duban_rt', value: secondRefresh!, domain: url.hostname, path: '/ui' }]);
      await page.goto(`${base}/ui/overview`);
      expect(new URL(page.url()).pathname).toBe('/ui/login');
    } finally {
      await context.close();
    }
  });
});
