import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { createAdmin } from '../../support/bureau-setup';
import { ApiHarness, eventually, startApiHarness } from '../../support/api-harness';
import { launchChromium, listenOnFreePort, screenshot, signIn } from '../../support/browser';

/**
 * Issue 22's hand-over, timed: a bureau starts from an empty database with the demo cast off,
 * makes its first admin with `npm run admin:create` (the function that command runs), and reaches
 * "first plan imported, first reminder scheduled" through the pages alone — its staff from its own
 * sheet, its 2027 plan as it writes it. Each step's time goes to test/artifacts/first-day.json.
 */
jest.setTimeout(300_000);

const PLAN_2027 = [
  '某区生态环境局2027年工作要点',
  '一、深入打好污染防治攻坚战',
  '1.持续改善空气质量。6月底前完成重点行业臭氧治理。（牵头股室：水气股；配合股室：监测站）',
  '2.开展生态环境宣传进社区活动。9月底前完成。（责任股室：宣传教育股）',
  '3.开展危险废物规范化环境管理评估。11月底前完成。（责任单位：执法大队）',
].join('\n');

async function staffSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '科室', '职务', '手机', '分管工作']);
  ws.addRow(['李局长', '', '副局长', '13870000001', '水气股、监测站、宣传教育股、执法分局']);
  ws.addRow(['水股长', '水气股', '股长', '13870000002', '']);
  ws.addRow(['水科员', '水气股', '科员', '13870000003', '']);
  ws.addRow(['宣股长', '宣传教育股', '股长', '13870000004', '']);
  ws.addRow(['宣科员', '宣传教育股', '科员', '13870000005', '']);
  ws.addRow(['执法队长', '执法大队', '大队长', '13870000006', '']);
  ws.addRow(['监测站长', '环境监测站', '站长', '13870000007', '']);
  ws.addRow(['督查员', '', '督查室', '13870000008', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let h: ApiHarness;
let base: string;
let browser: Browser;
let page: Page;
const steps: { step: string; ms: number }[] = [];

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  steps.push({ step, ms: Date.now() - started });
  return result;
}

beforeAll(async () => {
  // The seed reads these at start only; the next suites of this worker get the usual demo cast.
  const saved = process.env.DUBAN_DEMO_ACCOUNTS;
  process.env.DUBAN_DEMO_ACCOUNTS = 'off';
  try {
    h = await startApiHarness('first-day');
  } finally {
    if (saved === undefined) delete process.env.DUBAN_DEMO_ACCOUNTS;
    else process.env.DUBAN_DEMO_ACCOUNTS = saved;
  }
  base = await listenOnFreePort(h.app);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('a bureau’s first day', () => {
  it('starts with nobody to sign in as, and one command makes the first admin', async () => {
    const users = await h.http().post('/auth/login').send({ username: 'admin', password: 'duban-demo-2021' });
    expect(users.status).toBe(401);
    const said = await timed('npm run admin:create -- chief', () =>
      createAdmin('chief', 'Lushan-cloud-sea-27', process.env.DATABASE_URL!),
    );
    expect(said).toBe('admin "chief": created');
  });

  it('reaches an imported 2027 plan with its own people and a reminder set, through the pages', async () => {
    await timed('登录', () => signIn(page, base, 'chief', 'Lushan-cloud-sea-27'));

    await timed('导入人员名单（检查、确认）', async () => {
      await page.click('nav a:has-text("管理")');
      await page.click('.tabs a:has-text("导入人员名单")');
      await page.setInputFiles('input[name=file]', {
        name: '人员名单.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await staffSheet(),
      });
      await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("检查名单")')]);
      await expect(page.locator('#roster-ready').textContent()).resolves.toContain('将新建 8 个账号');
      await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("确认导入")')]);
      await expect(page.locator('#initial-passwords tbody tr').count()).resolves.toBe(8);
    });

    await timed('导入 2027 年工作要点（上传、预览、导入）', async () => {
      await page.click('nav a:has-text("导入")');
      await page.setInputFiles('#plan-file', {
        name: '2027年工作要点.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(PLAN_2027),
      });
      await Promise.all([
        page.waitForURL((u) => u.search.includes('_csrf')),
        page.click('#upload-form button[type=submit]'),
      ]);
      await page.waitForSelector('html[data-editor="ready"]');
      // 宣传教育股 came with the staff sheet, 执法大队 is 执法分局's other name: nothing to map.
      await expect(page.locator('#unknown-units li').count()).resolves.toBe(0);
      await page.fill('#plan-id', 'bureau-2027');
      await Promise.all([page.waitForURL(/\/ui\/plans\/import\/confirm/), page.click('#import-button')]);
      await expect(page.locator('#import-done').textContent()).resolves.toContain('3 个任务');
    });

    await timed('台账中打开任务，看到已排定的催办', async () => {
      await eventually(async () => {
        await page.goto(`${base}/ui/ledger?q=${encodeURIComponent('宣传进社区')}`);
        return (await page.locator('#ledger-table tbody tr').count()) === 1;
      });
      await page.click('#ledger-table tbody tr a');
      await eventually(async () => {
        await page.reload();
        return (await page.locator('#next-reminder').count()) === 1;
      });
      await expect(page.locator('#next-reminder').textContent()).resolves.toMatch(
        /下次催办：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（(提前 \d+ 个工作日|到期当日)）/,
      );
      await expect(page.locator('#task-summary').textContent()).resolves.toContain('宣传教育股');
      // Imported items wait for their unit head's 签收 first: its reminder is the one set now.
      await expect(page.locator('#task-receipt').textContent()).resolves.toContain('待宣传教育股负责人签收');
    });
    await screenshot(page, 'first-day-reminder');

    mkdirSync(join(__dirname, '..', '..', 'artifacts'), { recursive: true });
    writeFileSync(
      join(__dirname, '..', '..', 'artifacts', 'first-day.json'),
      JSON.stringify({ steps, totalMs: steps.reduce((n, s) => n + s.ms, 0) }, null, 2),
    );
    expect(steps).toHaveLength(5);
  });
});
