import { Browser, Page } from 'playwright-core';
import { ApiHarness, eventually, startApiHarness } from '../../support/api-harness';
import {
  accessibilityFindings,
  launchChromium,
  listenOnFreePort,
  overflowsHorizontally,
  screenshot,
  signIn,
  visibleTextLeaks,
} from '../../support/browser';

/**
 * Issue 18 in Chromium: the supervision office registers a leader's instruction on /ui/items/new
 * (a refusal named in its field, what was typed kept), lands on the new task's page, which says
 * where it came from, and finds it in the ledger by its source.
 */
jest.setTimeout(180_000);

let h: ApiHarness;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  h = await startApiHarness('items-ui');
  base = await listenOnFreePort(h.app);
  browser = await launchChromium();
  // axe-core is injected as a script; the pages' own CSP allows only theirs.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    bypassCSP: true,
  });
  page = await context.newPage();
  await signIn(page, base, 'supervisor');
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('/ui/items/new (立项)', () => {
  it('is in the supervisors’ navigation and passes axe', async () => {
    await page.goto(`${base}/ui/overview`);
    await page.click('nav a:has-text("立项")');
    await page.waitForURL(/\/ui\/items\/new$/);
    await expect(accessibilityFindings(page)).resolves.toEqual([]);
  });

  it('names a missing deadline in its field and keeps what was typed', async () => {
    await page.fill('input[name=title]', '落实区委书记关于秸秆禁烧的批示');
    await page.fill('textarea[name=body]', '请水气股牵头，会同执法分局组织巡查。');
    await page.selectOption('select[name=sourceKind]', 'instruction');
    await page.fill('input[name=issuer]', '区委书记');
    await page.fill('input[name=docNumber]', '领导批示〔2027〕5号');
    await page.selectOption('select[name=leadUnit]', { label: '水气股' });
    await page.check('input[name=cooperatingUnits][value=enforcement]');
    await page.selectOption('select[name=verifyingUnit]', { label: '监测站' });
    await page.click('button:has-text("立项并交办")');
    await page.waitForSelector('#item-error');
    await expect(page.locator('#item-error').textContent()).resolves.toContain('请填写办结期限或选择紧急程度');
    await expect(page.locator('input[name=dueDate]').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('input[name=title]').inputValue()).resolves.toBe('落实区委书记关于秸秆禁烧的批示');
    await expect(page.locator('input[name=cooperatingUnits][value=enforcement]').isChecked()).resolves.toBe(true);
    await expect(page.locator('select[name=verifyingUnit]').inputValue()).resolves.toBe('monitoring');
  });

  it('registers it 特急 and opens the task, which says where it came from and when it is due', async () => {
    await page.selectOption('select[name=urgency]', 'extra-urgent');
    // A file that is no document is refused in its field before anything is registered.
    await page.setInputFiles('input[name=attachment]', {
      name: '批示件.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ\x90\x00'),
    });
    await page.click('button:has-text("立项并交办")');
    await page.waitForSelector('#item-error');
    await expect(page.locator('#item-error').textContent()).resolves.toContain('不支持的文件类型：批示件.exe');
    await expect(page.locator('input[name=attachment]').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.setInputFiles('input[name=attachment]', {
      name: '领导批示件.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('请水气股牵头，三日内拿出巡查方案。'),
    });
    await Promise.all([page.waitForURL(/registered=1/), page.click('button:has-text("立项并交办")')]);
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('已立项并交办给水气股');
    await expect(page.locator('#task-source').textContent()).resolves.toMatch(
      /^\s*领导批示 · 落实区委书记关于秸秆禁烧的批示 · 区委书记 · 领导批示〔2027〕5号\s/,
    );
    await eventually(async () => {
      await page.reload();
      return (await page.locator('#stage-timeline [data-stage="handle"]').count()) === 1;
    });
    await expect(page.locator('#stage-timeline').textContent()).resolves.toContain('办理');
    await expect(page.locator('#task-verifier').textContent()).resolves.toBe('督查室或监测站');
    // The source document is kept with the item, linked beside its source.
    const doc = page.locator('#task-source a[data-source-document]');
    await expect(doc.textContent()).resolves.toBe('领导批示件.txt');
    const download = await page.request.get(new URL((await doc.getAttribute('href'))!, base).toString());
    expect(download.status()).toBe(200);
    await expect(visibleTextLeaks(page)).resolves.toEqual([]);
    await screenshot(page, 'item-registered');
  });

  it('finds it in the ledger by its source, marked as such', async () => {
    await page.goto(`${base}/ui/ledger`);
    await page.selectOption('select[name=source]', 'instruction');
    await Promise.all([page.waitForURL(/source=instruction/), page.click('#ledger-filters button:has-text("查询")')]);
    const rows = page.locator('#ledger-table tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('〔领导批示〕落实区委书记关于秸秆禁烧的批示');
  });

  it('waits for 签收: the ledger says 待签收, the unit head acknowledges it from the inbox', async () => {
    await eventually(async () => {
      await page.goto(`${base}/ui/ledger?stage=receipt`);
      return (await page.locator('#ledger-table tbody tr').count()) === 1;
    });
    await expect(page.locator('#ledger-table tbody tr').first().textContent()).resolves.toContain('待签收');
    const head = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', bypassCSP: true })
    ).newPage();
    await signIn(head, base, 'water-air.head');
    await head.goto(`${base}/ui/inbox`);
    const row = head.locator('#inbox-table tr:has-text("落实区委书记关于秸秆禁烧的批示")');
    await expect(row.textContent()).resolves.toContain('请签收');
    await row.locator('a:has-text("去办理")').click();
    await eventually(async () => {
      await head.reload();
      return ((await head.locator('#task-receipt').textContent()) ?? '').includes('签收期限 20');
    });
    await expect(head.locator('#task-receipt').textContent()).resolves.toContain('待水气股负责人签收');
    await expect(head.locator('#next-reminder').textContent()).resolves.toMatch(/^下次催办：/);
    await expect(accessibilityFindings(head)).resolves.toEqual([]);
    await head.fill('form[data-form="acknowledge"] textarea[name=note]', '已安排专人办理');
    // The form posts and redirects back with done=acknowledge: wait for that page, not the one already loaded.
    await Promise.all([head.waitForURL(/done=acknowledge/), head.click('button[data-action="acknowledge"]')]);
    await eventually(async () => {
      await head.reload();
      return ((await head.locator('#task-receipt').textContent()) ?? '').includes('水气股已签收');
    });
    await expect(head.locator('#task-receipt').textContent()).resolves.toMatch(/用时(不足1小时|\d+小时)/);
    await expect(head.locator('button[data-action="acknowledge"]').count()).resolves.toBe(0);
    await screenshot(head, 'item-acknowledged');
    await head.context().close();
  });

  it('counts items by source on the overview, beside the year’s plan', async () => {
    await h.importPlan('xinjian-2021', await h.login('supervisor'));
    await eventually(async () => {
      await page.goto(`${base}/ui/overview`);
      return (await page.locator('#source-table tr[data-source="workplan"] [data-col="total"]').textContent()) === '45';
    }, 60_000);
    const instruction = page.locator('#source-table tr[data-source="instruction"]');
    await expect(instruction.locator('td').first().textContent()).resolves.toContain('领导批示');
    await expect(instruction.locator('[data-col="total"]').textContent()).resolves.toBe('1');
    await instruction.locator('a').click();
    await page.waitForURL(/source=instruction/);
    await expect(page.locator('#ledger-table tbody tr').count()).resolves.toBe(1);
  });

  it('fits a phone', async () => {
    const phone = await (
      await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'zh-CN' })
    ).newPage();
    await signIn(phone, base, 'supervisor');
    await phone.goto(`${base}/ui/items/new`);
    expect(await overflowsHorizontally(phone)).toBe(false);
    await screenshot(phone, 'item-form-phone');
    await phone.context().close();
  });
});
