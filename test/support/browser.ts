import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Page } from 'playwright-core';
import { launchHeadlessChromium } from '../../apps/api/src/common/headless-chromium';

/** Where browser tests leave their page screenshots (git-ignored). */
export const SCREENSHOT_DIR = join(__dirname, '..', 'artifacts', 'screenshots');

/** Debian's Chromium, as the API launches it for PDF export. */
export const launchChromium = launchHeadlessChromium;

/** Puts the harness app on a real port (the browser needs one) and returns its base URL. */
export async function listenOnFreePort(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, base: string, username: string, password = 'duban-demo-2021'): Promise<void> {
  await page.goto(`${base}/ui/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/ui/login')),
    page.click('button[type=submit]'),
  ]);
}

/** True when the page is wider than the window (horizontal scrolling on a phone). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  // A string expression: this project compiles without the DOM library.
  return Boolean(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth + 1'));
}

/**
 * What a bureau user must not read on a page: times in UTC or as ISO instants, ISO week codes,
 * role codes, English error words. Returns each leak with a little of its context.
 */
export async function visibleTextLeaks(page: Page): Promise<string[]> {
  const text = String(await page.evaluate('document.body.innerText'));
  const leaks = [
    /\bUTC\b/g,
    /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g,
    /\b\d{4}-W\d{2}\b/g,
    /\b(unit-head|deputy-director|supervisor|handler|admin)\b/g,
    /\b(annual|rectification|quantitative|recurring|ongoing)：/g,
    /\b(not found|Worker|Idempotency-Key)\b/g,
  ];
  return leaks.flatMap((re) => [...text.matchAll(re)].map((m) => text.slice(Math.max(0, m.index - 20), m.index + 30)));
}

/** One accessibility finding of axe-core: the rule, its impact and the elements it names. */
export interface AxeFinding {
  rule: string;
  impact: string | null;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, the level GB/T 37668-2019 asks of government sites) on
 * the page as it is, and returns what it finds.
 */
export async function accessibilityFindings(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  )) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

/**
 * Moves the focus with the Tab key alone until the element matching `selector` has it, as a
 * keyboard user would; fails when it is not reachable within `maxStops` stops.
 */
export async function tabTo(page: Page, selector: string, maxStops = 250): Promise<void> {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(
      `(() => { const t = document.querySelector(${JSON.stringify(selector)}); return !!t && t === document.activeElement; })()`,
    );
    if (here) return;
  }
  throw new Error(`${selector} is not reachable by Tab within ${maxStops} stops`);
}
