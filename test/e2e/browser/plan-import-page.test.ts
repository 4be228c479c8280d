import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { rectificationWorkbook } from '@duban/workplan/testing/rectification-workbook';
import { ApiHarness, eventually, startApiHarness } from '../../support/api-harness';
import { launchChromium, listenOnFreePort, overflowsHorizontally, screenshot, signIn } from '../../support/browser';

/**
 * Issue 16 in Chromium: a supervisor uploads a plan the parser half-understands, corrects it in the
 * preview — a missing unit filled in, a row split, two merged, one added, one deleted and undone,
 * unknown unit names mapped once (one to an existing unit, remembered; one created) — and imports
 * it; the tasks are the corrected ones. An Excel rectification list previews with its sheet rows.
 */
jest.setTimeout(240_000);

const RUN = Date.now().toString(36);
const PLAN_ID = `preview-ui-${RUN}`;
const DOCUMENT = [
  '某区生态环境分局2027年重点工作',
  '一、重点任务',
  '1.开展臭氧污染防控。6月底前完成治理。（牵头单位：大气办；配合单位：监测站）',
  '2.推进排污口整治；完成雨污分流改造。（责任单位：生态股、区农水局）',
  '3.加强扬尘管控。每月通报。',
  '4.开展执法检查。（责任单位：执法分局）',
  '5.开展执法检查回头看。（责任单位：执法分局）',
].join('\n');

let h: ApiHarness;
let db: DataSource;
let base: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  h = await startApiHarness('plan-import-ui');
  db = h.app.get(DataSource);
  base = await listenOnFreePort(h.app);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  await signIn(page, base, 'supervisor');
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const rows = () => page.locator('#draft-rows tr[data-row]');
const field = (row: number, name: string) => page.locator(`#draft-rows tr[data-row="${row}"] [data-field="${name}"]`);
const titles = async () =>
  rows()
    .locator('[data-field="title"]')
    .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));

async function upload(name: string, content: Buffer) {
  await page.goto(`${base}/ui/plans/import`);
  await page.setInputFiles('#plan-file', { name, mimeType: 'application/octet-stream', buffer: content });
  await Promise.all([
    page.waitForURL((u) => u.search.includes('_csrf')),
    page.click('#upload-form button[type=submit]'),
  ]);
  await page.waitForSelector('html[data-editor="ready"]');
}

describe('/ui/plans/import', () => {
  it('is in the navigation of supervisors, and names a document that is no plan', async () => {
    await page.goto(`${base}/ui/overview`);
    await page.click('nav a[href="/ui/plans/import"]');
    await page.setInputFiles('#plan-file', { name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('你好') });
    await page.click('#upload-form button[type=submit]');
    await expect(page.locator('#import-error').textContent()).resolves.toContain('未找到任务事项');
    // The file box is marked, described by the message, and has the focus to choose again.
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('plan-file');
    await expect(page.locator('#plan-file').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#plan-file').getAttribute('aria-describedby')).resolves.toBe(
      'import-error plan-file-hint',
    );
  });

  it('shows the parsed rows with the parser’s doubts beside them', async () => {
    await upload('plan.txt', Buffer.from(DOCUMENT));
    await expect(rows().count()).resolves.toBe(5);
    await expect(page.locator('#draft-rows tr[data-row="2"] .row-notes').textContent()).resolves.toContain(
      '没有写明责任单位',
    );
    await expect(
      page.locator('#unknown-units li').evaluateAll((els) => els.map((e) => e.getAttribute('data-unknown'))),
    ).resolves.toEqual(['大气办', '区农水局']);
    await screenshot(page, 'plan-import-preview');
  });

  it('will not import while a unit name is undecided or a row has no lead', async () => {
    await page.click('#import-button');
    await expect(page.locator('#submit-hint').textContent()).resolves.toBe(
      '还有 2 个单位名称未处理。1 行缺少任务名称或牵头单位。',
    );
    // Still on the preview: nothing was posted.
    expect(page.url()).not.toContain('/confirm');
    await expect(page.locator('#import-done').count()).resolves.toBe(0);
  });

  it('corrects the rows: fill, split, merge, add, delete and undo', async () => {
    await field(2, 'lead').fill('水气股');
    await field(2, 'lead').press('Tab');
    await page.click('button[aria-label="拆分第 2 行"]');
    await expect(titles()).resolves.toEqual([
      '开展臭氧污染防控',
      '推进排污口整治',
      '完成雨污分流改造',
      '加强扬尘管控',
      '开展执法检查',
      '开展执法检查回头看',
    ]);
    await page.click('button[aria-label="把第 5 行与下一行合并"]');
    await expect(titles()).resolves.toEqual([
      '开展臭氧污染防控',
      '推进排污口整治',
      '完成雨污分流改造',
      '加强扬尘管控',
      '开展执法检查；开展执法检查回头看',
    ]);
    await page.click('button[aria-label="删除第 1 行"]');
    await expect(rows().count()).resolves.toBe(4);
    await page.click('#undo');
    await expect(titles()).resolves.toHaveLength(5);
    await page.click('#add-row');
    await page.keyboard.type('建立督办事项台账');
    await field(5, 'lead').fill('综合股');
    await field(5, 'deadline-kind').selectOption('date');
    await field(5, 'dates').fill('2027-12-15');
    await field(5, 'dates').press('Tab');
    await field(3, 'deadline-kind').selectOption('recurring');
    await field(3, 'every').selectOption('month');
  });

  it('maps the unknown names once for all rows and imports the corrected plan', async () => {
    await page.selectOption('#unknown-units select[data-name="大气办"]', 'unit:water-air');
    await page.selectOption('#unknown-units select[data-name="区农水局"]', 'create:office');
    await page.fill('#plan-id', PLAN_ID);
    // 序时进度 by quarterly milestones instead of the even line.
    await expect(page.locator('#progress-policy').inputValue()).resolves.toBe('linear');
    await page.selectOption('#progress-policy', 'quarterly:20,50,80,100');
    await Promise.all([page.waitForURL(/\/ui\/plans\/import\/confirm/), page.click('#import-button')]);
    await expect(page.locator('#import-done').textContent()).resolves.toContain('6 个任务');
    await expect(page.locator('#import-units').textContent()).resolves.toContain('“大气办”记为 water-air 的别名');
    await screenshot(page, 'plan-import-done');
    const tasks: { id: string; title: string; lead_unit: string; deadline_kind: string; due: string | null }[] =
      await db.query(
        `SELECT id, title, lead_unit, deadline_kind, to_char(due_date, 'YYYY-MM-DD') AS due FROM task WHERE plan_id = $1 ORDER BY id`,
        [PLAN_ID],
      );
    expect(tasks.map((t) => [t.id.slice(PLAN_ID.length + 1), t.title, t.lead_unit])).toEqual([
      ['1.1', '开展臭氧污染防控', 'water-air'],
      ['1.2', '推进排污口整治', 'ecology'],
      ['1.3', '完成雨污分流改造', 'ecology'],
      ['1.4', '加强扬尘管控', 'water-air'],
      ['1.5', '开展执法检查；开展执法检查回头看', 'enforcement'],
      ['1.6', '建立督办事项台账', 'general'],
    ]);
    expect(tasks[3].deadline_kind).toBe('recurring');
    const curves: { curve: string }[] = await eventually(async () => {
      const r = await db.query(
        `SELECT snapshot->'policy'->'progress'->'curve'->>'kind' AS curve FROM task WHERE plan_id = $1 AND snapshot IS NOT NULL`,
        [PLAN_ID],
      );
      return r.length === 6 ? r : null;
    });
    expect(curves.every((c) => c.curve === 'quarterly')).toBe(true);
    expect(tasks[5].due).toBe('2027-12-15');
    const [created] = await db.query(`SELECT code, kind FROM org_unit WHERE name = '区农水局'`);
    expect(created.kind).toBe('office');
    const [airAlias] = await db.query(`SELECT aliases FROM org_unit WHERE code = 'water-air'`);
    expect(airAlias.aliases).toContain('大气办');
  });

  it('knows the remembered name at the next import', async () => {
    await upload('plan.txt', Buffer.from(DOCUMENT));
    await expect(page.locator('#unit-decisions-body').textContent()).resolves.toContain('所有单位名称都已对上单位表');
  });

  it('previews an Excel rectification list with its sheet rows, within a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await upload('整改清单.xlsx', await rectificationWorkbook());
    await expect(rows().count()).resolves.toBe(6);
    await expect(page.locator('#plan-summary').textContent()).resolves.toContain('文件 整改清单.xlsx');
    await expect(page.locator('#draft-rows tr[data-row="0"] td').nth(6).textContent()).resolves.toBe(
      '整改清单 第 3 行',
    );
    await expect(overflowsHorizontally(page)).resolves.toBe(false);
    await screenshot(page, 'plan-import-xlsx-phone');
  });
});
