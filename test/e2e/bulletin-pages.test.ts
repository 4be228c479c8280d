import { writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ApiHarness, startApiHarness } from '../support/api-harness';

jest.setTimeout(180_000);

// The pages of issue 7 in real Chromium: bulletin list/detail/generate/export, readings entry.
const PLAN_ID = 'kpi-pages-2021';
let h: ApiHarness;
let db: DataSource;
let base: string;
let browser: Browser;
let context: BrowserContext;
let pm25: string;

beforeAll(async () => {
  h = await startApiHarness('bulletinpages');
  db = h.app.get(DataSource);
  await h.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
  const token = await h.login('supervisor');
  await h.importPlan(PLAN_ID, token);
  [{ id: pm25 }] = await db.query(`SELECT id FROM indicator WHERE plan_id = $1 AND target_code = '1' AND seq = 1`, [
    PLAN_ID,
  ]);
  const gen = await h
    .http()
    .post('/bulletins/generate')
    .set('Authorization', `Bearer ${token}`)
    .send({ planId: PLAN_ID, at: '2021-10-11T01:00:00Z' });
  expect(gen.status).toBe(201);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  context = await browser.newContext({ baseURL: base });
  // The browser session as the login page leaves it: the access token and a CSRF token in /ui cookies.
  await context.addCookies([
    { name: 'duban_at', value: token, url: `${base}/ui` },
    { name: 'duban_csrf', value: 'csrf-token-of-this-browser', url: `${base}/ui` },
  ]);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('bulletin and readings pages (Chromium)', () => {
  it('lists bulletins, shows one with its charts, exports it and generates on demand', async () => {
    const page = await context.newPage();
    await page.goto('/ui/bulletins');
    await expect(page.locator('main h1').textContent()).resolves.toBe('督办通报');
    await page.click('text=2021年第41周');
    await expect(page.locator('main h1').textContent()).resolves.toBe('督办通报 2021年第41周');
    expect(await page.locator('.bulletin svg').count()).toBe(2);
    await expect(page.locator('.bulletin').textContent()).resolves.toContain('水气股');
    const pdf = await page.request.get(
      await page
        .locator('a:has-text("导出 PDF")')
        .getAttribute('href')
        .then((x) => x!),
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    writeFileSync(join(tmpdir(), 'duban-bulletin-page.pdf'), await pdf.body());
    await page.goto('/ui/bulletins');
    await page.click('button:has-text("立即生成本周通报")');
    await expect(page.locator('main h1').textContent()).resolves.toMatch(/^督办通报 \d{4}年第\d{1,2}周$/);
    const [n] = await db.query(`SELECT count(*)::int AS n FROM bulletin WHERE plan_id = $1`, [PLAN_ID]);
    expect(n.n).toBe(2);
    await page.close();
  });

  it('enters a reading by form; a CSV with a bad row is refused with its row number, nothing written', async () => {
    const page = await context.newPage();
    await page.goto(`/ui/targets/${pm25}`);
    await expect(page.locator('main').textContent()).resolves.toContain('年均值 = 已报各月均值的算术平均');
    await page.fill('input[name=period]', '2021-01');
    await page.fill('input[name=value]', '40');
    await page.click('button:has-text("报送")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('已保存 1 条数据');
    await expect(page.locator('table').first().textContent()).resolves.toContain('2021-01');
    const csv = join(tmpdir(), `readings-${process.pid}.csv`);
    writeFileSync(csv, 'indicator,period,value,unit\n1.1,2021-02,38,μg/m³\n1.1,2021-03,-1,μg/m³\n');
    await page.setInputFiles('input[type=file]', csv);
    await page.click('button:has-text("上传")');
    await expect(page.locator('main').textContent()).resolves.toContain('第 3 行');
    const [n] = await db.query(`SELECT count(*)::int AS n FROM kpi_reading WHERE indicator_id = $1`, [pm25]);
    expect(n.n).toBe(1);
    // A supervisor gives the indicator to another unit and makes it quarterly.
    await page.goto(`/ui/targets/${pm25}`);
    await page.selectOption('select[name=ownerUnit]', 'water-air');
    await page.selectOption('select[name=reportingPeriod]', 'quarterly');
    await page.click('button:has-text("保存设置")');
    await expect(page.locator('.kv').textContent()).resolves.toContain('水气股');
    const [row] = await db.query(`SELECT owner_unit, reporting_period FROM indicator WHERE id = $1`, [pm25]);
    expect(row).toEqual({ owner_unit: 'water-air', reporting_period: 'quarterly' });
    await page.close();
  });
});
