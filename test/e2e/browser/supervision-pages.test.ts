import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ApiHarness, eventually, startApiHarness } from '../../support/api-harness';
import {
  launchChromium,
  listenOnFreePort,
  overflowsHorizontally,
  screenshot,
  signIn,
  visibleTextLeaks,
  accessibilityFindings,
  AxeFinding,
  tabTo,
} from '../../support/browser';

jest.setTimeout(240_000);

// Workflow ids are <plan>/<code> on a Temporal server shared by every e2e file (and by reruns
// against the same server): a run suffix keeps this file's workflows its own.
const PLAN = `ui-2021-${Date.now().toString(36)}`;
const PLAN_FILE = join(__dirname, '..', '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt');

let h: ApiHarness;
let db: DataSource;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
let keySeq = 0;
const key = () => `ui-key-${Date.now()}-${++keySeq}`;

interface StageView {
  key: string;
  status: string;
  closure: boolean;
  requiresEvidence: boolean;
  requiresCooperation: boolean;
  targetQuantity?: number;
  milestoneQuantity?: number;
}

/** A 水气股 task that the handler and head can take to its last stage alone (no cooperation, evidence or quantities). */
let taskCode: string;
let bulletinId: string;
let pm25: string;

beforeAll(async () => {
  h = await startApiHarness('ui');
  db = h.app.get(DataSource);
  base = await listenOnFreePort(h.app);
  browser = await launchChromium();
  const supervisor = await h.login('supervisor');
  const res = await h
    .http()
    .post(`/plans/import?planId=${PLAN}&receiptWorkdays=0`)
    .set(bearer(supervisor))
    .attach('file', PLAN_FILE);
  expect(res.status).toBe(201);
  await eventually(async () => {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND is_leaf AND projected_version > 0`,
      [PLAN],
    );
    return n === 45;
  }, 180_000);
  // A bulletin and a reading, so the bulletin pages and the readings table have rows to show.
  const bulletin = await h
    .http()
    .post('/bulletins/generate')
    .set(bearer(supervisor))
    .send({ planId: PLAN, at: '2021-10-11T01:00:00Z' });
  expect(bulletin.status).toBe(201);
  bulletinId = bulletin.body.id;
  [{ id: pm25 }] = await db.query(`SELECT id FROM indicator WHERE plan_id = $1 AND target_code = '1' AND seq = 1`, [
    PLAN,
  ]);
  const reading = await h
    .http()
    .post(`/targets/${pm25}/readings`)
    .set(bearer(await h.login('monitoring.handler')))
    .send({ period: '2021-09', value: 30, unit: 'ug/m3' });
  expect(reading.status).toBe(201);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

beforeEach(async () => {
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

/**
 * A 水气股 task of this file's plan that no other test here acts on (not `taskCode`, 2.1 or 2.2)
 * whose snapshot `fits`, looking from the first of the ledger or from the last.
 */
async function ownWaterAirTask(
  fits: (snapshot: TaskSnapshotView, row: { cooperatingUnits: string[] }) => boolean,
  from: 'first' | 'last' = 'first',
): Promise<{ code: string; snapshot: TaskSnapshotView }> {
  const handlerToken = await h.login('water-air.handler');
  const list = await h
    .http()
    .get('/tasks')
    .query({ planId: PLAN, unit: 'water-air', unitRole: 'lead', pageSize: 100 })
    .set(bearer(handlerToken));
  const rows = list.body.items as { code: string; cooperatingUnits: string[] }[];
  for (const t of from === 'last' ? [...rows].reverse() : rows) {
    if (t.code === taskCode || ['2.1', '2.2'].includes(t.code)) continue;
    const d = await h.http().get(`/tasks/${PLAN}/${t.code}`).set(bearer(handlerToken));
    const snapshot = d.body.task.snapshot as TaskSnapshotView;
    if (fits(snapshot, t)) return { code: t.code, snapshot };
  }
  throw new Error('no 水气股 task of the plan fits');
}

interface TaskSnapshotView {
  pendingExtension?: unknown;
  stages: (StageView & { dueAt?: string })[];
}

/** Waits until the projection stops moving (the 2021 plan's escalations are all raised at start). */
async function settledJson<T>(path: string, token: string): Promise<T> {
  let last = '';
  return eventually(async () => {
    const res = await h.http().get(path).set(bearer(token));
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    const same = text === last;
    last = text;
    if (!same) await new Promise((r) => setTimeout(r, 700));
    return same && (res.body as T);
  }, 60_000);
}

describe('web pages in Chromium', () => {
  it('sends a visitor to the login page, shows a wrong password in Chinese, then returns to the page asked for', async () => {
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/ui/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/ui/overview');
    await page.fill('input[name=username]', 'water-air.head');
    await page.fill('input[name=password]', 'wrong-password');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/ui/login') && r.request().method() === 'POST'),
      page.click('button[type=submit]'),
    ]);
    expect(response.status()).toBe(401);
    await expect(page.textContent('[role=alert]')).resolves.toContain('用户名或密码错误');
    // The fields say they are wrong and point at the message; the password field takes the focus.
    await expect(page.getAttribute('input[name=password]', 'aria-invalid')).resolves.toBe('true');
    await expect(page.getAttribute('input[name=password]', 'aria-describedby')).resolves.toBe('login-error');
    await expect(page.evaluate('document.activeElement.name')).resolves.toBe('password');
    await screenshot(page, 'login-failed');

    await page.goto(`${base}/ui/inbox`);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/ui/inbox');
    await page.fill('input[name=username]', 'water-air.head');
    await page.fill('input[name=password]', 'duban-demo-2021');
    await Promise.all([page.waitForURL(`${base}/ui/inbox`), page.click('button[type=submit]')]);
    await expect(page.textContent('h1')).resolves.toBe('我的待办');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'duban_at');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('水气股 head approves a submitted stage from the inbox; the task light and timeline change', async () => {
    const handler = await h.login('water-air.handler');
    const head = await h.login('water-air.head');
    // Pick a 水气股 task the two can carry alone, and take it by the API to its last working stage.
    const list = await h
      .http()
      .get('/tasks')
      .query({ planId: PLAN, unit: 'water-air', unitRole: 'lead', pageSize: 100 })
      .set(bearer(handler));
    let chosen: { code: string; stages: StageView[] } | undefined;
    for (const t of list.body.items as { code: string; cooperatingUnits: string[]; kind: string }[]) {
      if (t.cooperatingUnits.length > 0) continue;
      const d = await h.http().get(`/tasks/${PLAN}/${t.code}`).set(bearer(handler));
      const stages = d.body.task.snapshot.stages as StageView[];
      const simple = stages.every(
        (s) =>
          !s.requiresEvidence &&
          !s.requiresCooperation &&
          s.targetQuantity === undefined &&
          s.milestoneQuantity === undefined,
      );
      if (simple && (!chosen || stages.length < chosen.stages.length)) chosen = { code: t.code, stages };
    }
    expect(chosen).toBeDefined();
    taskCode = chosen!.code;
    const working = chosen!.stages.filter((s) => !s.closure);
    const path = `/tasks/${PLAN}/${taskCode}`;
    for (const [i, stage] of working.entries()) {
      const submit = await h
        .http()
        .post(`${path}/submit`)
        .set(bearer(handler))
        .set('Idempotency-Key', key())
        .send({ note: `第${i + 1}阶段工作已完成` });
      expect(submit.status).toBe(200);
      if (i < working.length - 1) {
        const approve = await h
          .http()
          .post(`${path}/approve`)
          .set(bearer(head))
          .set('Idempotency-Key', key())
          .send({ note: '同意' });
        expect(approve.status).toBe(200);
      } else {
        expect(submit.body.snapshot.stages.find((s: StageView) => s.key === stage.key).status).toBe('submitted');
      }
    }
    const lastStage = working[working.length - 1].key;
    await eventually(async () => {
      const [row] = await db.query(`SELECT current_stage_status FROM task WHERE id = $1`, [`${PLAN}/${taskCode}`]);
      return row.current_stage_status === 'submitted';
    });

    await signIn(page, base, 'water-air.head');
    await page.goto(`${base}/ui/tasks/${PLAN}/${taskCode}`);
    const lightBefore = await page.getAttribute('#task-light .light', 'data-light');
    expect(lightBefore).toBe('red'); // a 2021 deadline, long past
    await expect(page.getAttribute(`[data-stage="${lastStage}"]`, 'data-status')).resolves.toBe('submitted');
    await screenshot(page, 'task-detail-before-approval');

    await page.goto(`${base}/ui/inbox`);
    const row = page.locator(`#inbox-table tr[data-task="${PLAN}/${taskCode}"]`);
    await expect(row.count()).resolves.toBe(1);
    // The row says what is asked and shows the note, so the head decides without opening the task.
    await expect(row.locator('td.ask').textContent()).resolves.toMatch(
      new RegExp(`提交审批：“.+”（水气股承办人）\\s*说明：第${working.length}阶段工作已完成`),
    );
    await expect(row.locator('button[data-action=approve]').getAttribute('aria-label')).resolves.toBe(
      `审批通过任务 ${taskCode}`,
    );
    await screenshot(page, 'inbox');
    await Promise.all([
      page.waitForURL(/\/ui\/inbox\?done=approve/),
      row.locator('button[data-action=approve]').click(),
    ]);
    await expect(page.textContent('[role=status]')).resolves.toContain('已审批通过');

    // The page shows the projection, which follows the workflow within moments.
    await eventually(async () => {
      await page.goto(`${base}/ui/tasks/${PLAN}/${taskCode}`);
      return (await page.getAttribute(`[data-stage="${lastStage}"]`, 'data-status')) === 'approved';
    });
    const lightAfter = await page.getAttribute('#task-light .light', 'data-light');
    expect(lightAfter).toBe('none'); // only closure (销号, no deadline) is left
    await expect(page.getAttribute(`[data-stage="${lastStage}"] .light`, 'data-light')).resolves.toBe('none');
    await expect(page.getAttribute('[data-stage="closure"]', 'class')).resolves.toContain('current');
    const approvals = await page.locator('#event-table tr[data-action="approve"][data-outcome="ok"]').count();
    expect(approvals).toBe(working.length);
    await expect(page.textContent(`[data-stage="${lastStage}"]`)).resolves.toMatch(/审批通过：.+水气股股长/);
    // The page agrees with the API.
    const api = await h.http().get(path).set(bearer(head));
    expect(api.body.task.trafficLight).toBe(lightAfter);
    // A head has nothing left to do here: no approve button any more.
    await expect(page.locator('#actions button[data-action=approve]').count()).resolves.toBe(0);
    await screenshot(page, 'task-detail-after-approval');
  });

  it('a handler submits with evidence in the page, sees no approve button, and a forged approve POST is refused with 403', async () => {
    // A task whose first stage the handler submits now, so approve is the next step (for a head).
    const code = '2.1' === taskCode ? '2.2' : '2.1';
    await signIn(page, base, 'water-air.handler');
    await page.goto(`${base}/ui/tasks/${PLAN}/${code}`);
    const submitForm = page.locator('form[data-form=submit]');
    await submitForm.locator('textarea[name=note]').fill('方案已报送，见附件');
    await submitForm.locator('input[name=evidence]').setInputFiles({
      name: '工作方案.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('碳交易工作方案（初稿）\n', 'utf8'),
    });
    await Promise.all([page.waitForURL(/done=submit/), submitForm.locator('button[data-action=submit]').click()]);
    // The answer comes after the ledger has the new state: no "refresh later" on a page that is current.
    await expect(page.textContent('[role=status]')).resolves.toBe('已提交成果。');
    await eventually(async () => {
      const [row] = await db.query(`SELECT current_stage_status FROM task WHERE id = $1`, [`${PLAN}/${code}`]);
      return row.current_stage_status === 'submitted';
    });
    const [evidence] = await db.query(`SELECT file_name FROM evidence WHERE task_id = $1`, [`${PLAN}/${code}`]);
    expect(evidence.file_name).toBe('工作方案.txt');
    await signIn(page, base, 'water-air.handler');
    await page.goto(`${base}/ui/tasks/${PLAN}/${code}`);
    await expect(page.locator('button[data-action=approve]').count()).resolves.toBe(0);
    await expect(page.locator('button[data-action=returnStage]').count()).resolves.toBe(0);
    await expect(page.locator('button[data-action=comment]').count()).resolves.toBe(1);
    await expect(page.textContent('main')).resolves.toContain('工作方案.txt');
    const [{ body }] = await db.query(`SELECT body FROM task WHERE id = $1`, [`${PLAN}/${code}`]);
    expect(body.length).toBeGreaterThan(10);
    await expect(page.locator('#task-body').textContent()).resolves.toBe(body); // the task's own text
    await expect(page.textContent('#stage-timeline > li:first-child')).resolves.toContain('方案已报送，见附件');
    await screenshot(page, 'task-detail-handler');

    // The file opens from the page under its Chinese name, with the bytes that were uploaded.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:text("工作方案.txt")')]);
    expect(download.suggestedFilename()).toBe('工作方案.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe('碳交易工作方案（初稿）\n');
    // The API serves it the same way to whoever may see the task, and to nobody else.
    const [{ id: evidenceId }] = await db.query(`SELECT id FROM evidence WHERE task_id = $1`, [`${PLAN}/${code}`]);
    const file = await h
      .http()
      .get(`/tasks/${PLAN}/${code}/evidence/${evidenceId}`)
      .set(bearer(await h.login('water-air.head')));
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('工作方案.txt')}`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.text).toBe('碳交易工作方案（初稿）\n');
    const [{ code: otherUnit }] = await db.query(
      `SELECT u.code FROM org_unit u JOIN app_user a ON a.unit_code = u.code AND a.role = 'handler', task t
        WHERE t.id = $1 AND u.code <> t.lead_unit AND NOT (u.code = ANY(t.cooperating_units)) LIMIT 1`,
      [`${PLAN}/${code}`],
    );
    const stranger = await h
      .http()
      .get(`/tasks/${PLAN}/${code}/evidence/${evidenceId}`)
      .set(bearer(await h.login(`${otherUnit}.handler`)));
    expect(stranger.status).toBe(404);
    const elsewhere = await h
      .http()
      .get(`/tasks/${PLAN}/${taskCode}/evidence/${evidenceId}`)
      .set(bearer(await h.login('supervisor')));
    expect(elsewhere.status).toBe(404); // an id of another task's file is not found under this one

    const csrf = await page.getAttribute('form.logout input[name=_csrf]', 'value');
    const forged = await page.request.post(`${base}/ui/tasks/${PLAN}/${code}/act/approve`, {
      form: { _csrf: csrf!, requestId: `forged-${Date.now()}`, back: `/ui/tasks/${PLAN}/${code}`, note: '自己批' },
      headers: { Origin: base },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('股长');
    const [row] = await db.query(`SELECT current_stage_status FROM task WHERE id = $1`, [`${PLAN}/${code}`]);
    expect(row.current_stage_status).toBe('submitted');

    // Without the page's CSRF token (or from another origin) the form is refused before anything else.
    const crossSite = await page.request.post(`${base}/ui/tasks/${PLAN}/${code}/act/comment`, {
      form: { _csrf: 'guess', requestId: `cross-${Date.now()}`, text: 'x' },
      headers: { Origin: 'http://evil.example' },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.text()).toContain('表单来源校验失败');
  });

  it('supervisor: the overview numbers equal GET /dashboard/overview, the escalation board equals GET /escalations/summary', async () => {
    const supervisor = await h.login('supervisor');
    await signIn(page, base, 'supervisor');
    const overview = await eventually(async () => {
      const before = await settledJson<Overview>('/dashboard/overview', supervisor);
      await page.goto(`${base}/ui/overview`);
      const after = await settledJson<Overview>('/dashboard/overview', supervisor);
      return JSON.stringify(before) === JSON.stringify(after) && after;
    });
    const stat = async (name: string) => (await page.textContent(`[data-stat="${name}"] .num`))!.trim();
    expect(Number(await stat('total'))).toBe(overview.totals.total);
    expect(Number(await stat('green'))).toBe(overview.totals.green);
    expect(Number(await stat('yellow'))).toBe(overview.totals.yellow);
    expect(Number(await stat('red'))).toBe(overview.totals.red);
    expect(Number(await stat('escalated'))).toBe(overview.totals.escalated);
    expect(Number(await stat('done'))).toBe(overview.totals.done);
    expect(await stat('completionRate')).toBe(
      `${(Math.round(overview.totals.completionRate * 1000) / 10).toFixed(1)}%`,
    );
    expect(overview.totals.total).toBe(45);
    expect(overview.totals.escalated).toBeGreaterThan(0);
    const rows = await page.$$eval('#unit-table tbody tr', (trs) =>
      trs.map((tr) => {
        const cell = (c: string) => Number(tr.querySelector(`[data-col="${c}"]`)!.textContent);
        return {
          unit: tr.getAttribute('data-unit'),
          total: cell('total'),
          green: cell('green'),
          yellow: cell('yellow'),
          red: cell('red'),
          escalated: cell('escalated'),
          done: cell('done'),
        };
      }),
    );
    expect(rows).toEqual(
      overview.byUnit.map(({ unit, total, green, yellow, red, escalated, done }) => ({
        unit,
        total,
        green,
        yellow,
        red,
        escalated,
        done,
      })),
    );
    // Every unit's row adds up: the four lights (green, yellow, red, none) are all its tasks.
    const sums = await page.$$eval('#unit-table tbody tr', (trs) =>
      trs.map((tr) => {
        const n = (col: string) => Number(tr.querySelector(`[data-col=${col}]`)!.textContent);
        return [n('total'), n('green') + n('yellow') + n('red') + n('none')];
      }),
    );
    expect(sums.length).toBeGreaterThan(0);
    for (const [total, parts] of sums) expect(parts).toBe(total);
    const overdueRows = await page.locator('#overdue-table tbody tr').count();
    expect(overdueRows).toBe(overview.overdue.length);
    await page.waitForSelector('html[data-charts=ready]');
    await expect(page.locator('#chart-units svg').count()).resolves.toBe(1);
    // The completions chart, or the sentence that says there is nothing to draw: never a blank box.
    const completions =
      (await page.locator('#chart-completions svg').count()) + (await page.locator('[data-empty=completions]').count());
    expect(completions).toBe(1);
    await screenshot(page, 'overview');
    // On a phone every unit's name stands on its own row of the chart: no two labels overlap.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.waitForSelector('html[data-charts=ready]');
    const names = overview.byUnit.map((u) => u.unitName);
    const boxes = await page.$$eval(
      '#chart-units svg text',
      (texts, wanted) =>
        texts
          .filter((t) => (wanted as string[]).includes((t.textContent ?? '').trim()))
          .map((t) => t.getBoundingClientRect())
          .map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })),
      names,
    );
    expect(boxes).toHaveLength(names.length);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect({ a: names[i], b: names[j], overlap }).toEqual({ a: names[i], b: names[j], overlap: false });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    const summary = await settledJson<{
      total: number;
      byUnit: { unit: string; level1: number; level2: number; level3: number }[];
    }>('/escalations/summary', supervisor);
    await page.goto(`${base}/ui/escalations`);
    expect(Number(await page.textContent('#escalation-total strong'))).toBe(summary.total);
    // One row per escalated task, at its highest open rung: the total counts tasks, not rungs.
    const open = await settledJson<{ taskId: string }[]>('/escalations', supervisor);
    expect(new Set(open.map((e) => e.taskId)).size).toBe(open.length);
    expect(summary.total).toBe(open.length);
    expect(summary.total).toBeGreaterThan(0);
    const board = await page.$$eval('#escalation-summary tbody tr', (trs) =>
      trs.map((tr) => ({
        unit: tr.getAttribute('data-unit'),
        level1: Number(tr.querySelector('[data-col=level1]')!.textContent),
        level2: Number(tr.querySelector('[data-col=level2]')!.textContent),
        level3: Number(tr.querySelector('[data-col=level3]')!.textContent),
      })),
    );
    expect(board).toEqual(summary.byUnit.map(({ unit, level1, level2, level3 }) => ({ unit, level1, level2, level3 })));
    await expect(page.locator('#escalation-list tbody tr').count()).resolves.toBe(summary.total);
    await screenshot(page, 'escalations');

    await page.goto(`${base}/ui/targets`);
    await expect(page.locator('#targets-table tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.textContent('#targets-table')).resolves.toContain('PM2.5');
    await expect(page.textContent('#targets-table')).resolves.toContain('≤ 34微克/立方米');
    await screenshot(page, 'targets');
  });

  it('ledger: Chinese search, a filter, sorting, and an Excel export of exactly the rows shown', async () => {
    await signIn(page, base, 'supervisor');
    await page.goto(`${base}/ui/ledger`);
    await expect(page.textContent('#ledger-total strong')).resolves.toBe('45');
    await page.fill('input[name=q]', '碳排放达峰');
    await Promise.all([page.waitForURL(/q=/), page.click('#ledger-filters button[type=submit]')]);
    const codes = await page.$$eval('#ledger-table tbody tr td:first-child', (tds) =>
      tds.map((td) => td.textContent!.trim()),
    );
    expect(codes).toEqual(['2.1']);

    await page.goto(`${base}/ui/ledger`);
    await page.selectOption('select[name=unit]', 'water-air');
    await page.selectOption('select[name=unitRole]', 'lead');
    await page.fill('input[name=q]', '水');
    await Promise.all([page.waitForURL(/unit=water-air/), page.click('#ledger-filters button[type=submit]')]);
    await Promise.all([page.waitForURL(/sort=dueAt/), page.click('th a[data-sort=dueAt]')]);
    const shown = await page.$$eval('#ledger-table tbody tr', (trs) =>
      trs.map((tr) => tr.querySelector('td')!.textContent!.trim()),
    );
    expect(shown.length).toBeGreaterThan(0);
    const apiToken = await h.login('supervisor');
    const api = await h
      .http()
      .get('/tasks')
      .query({ unit: 'water-air', unitRole: 'lead', q: '水', sort: 'dueAt', pageSize: 50 })
      .set(bearer(apiToken));
    expect(shown).toEqual(api.body.items.map((t: { code: string }) => t.code));
    await screenshot(page, 'ledger');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    const exported: string[] = [];
    ws.eachRow((r, n) => {
      if (n > 1) exported.push(String(r.getCell(1).value));
    });
    expect(exported).toEqual(shown);
    expect(String(ws.getRow(2).getCell(3).value)).toBe('水气股');
    // 序时进度: the 2021 tasks of several stages or a count are long past their span — 100% was
    // expected — and the page and the export say so alike.
    const gaps = await page
      .locator('#ledger-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('[data-progress]')?.textContent?.trim() ?? ''));
    expect(gaps.some((g) => /^应完成 100%，实际 \d+%/.test(g))).toBe(true);
    const header = ws.getRow(1).values as unknown[];
    const column = header.indexOf('序时进度');
    expect(column).toBeGreaterThan(0);
    const exportedGaps: string[] = [];
    ws.eachRow((r, n) => {
      if (n > 1) exportedGaps.push(String(r.getCell(column).value ?? ''));
    });
    expect(exportedGaps).toEqual(gaps);
  });

  it.each([
    ['supervisor', 1366],
    ['supervisor', 375],
    ['water-air.head', 1366],
    ['water-air.head', 375],
    ['water-air.handler', 1366],
    ['water-air.handler', 375],
    ['deputy.a', 1366],
    ['deputy.a', 375],
    ['admin', 1366],
    ['admin', 375],
  ] as const)(
    'every page as %s at %i px: no sideways scrolling, no UTC, codes or English, no axe WCAG 2.1 AA finding',
    async (user, width) => {
      const phone = width < 600;
      const ctx = await browser.newContext({
        viewport: { width, height: phone ? 812 : 900 },
        locale: 'zh-CN',
        bypassCSP: true, // axe-core is injected as a script; the pages' own CSP allows only theirs
        ...(phone ? { isMobile: true, hasTouch: true } : {}),
      });
      const p = await ctx.newPage();
      const pages: [string, string][] = [
        ['overview', '/ui/overview'],
        ['ledger', '/ui/ledger'],
        ['inbox', '/ui/inbox'],
        ['messages', '/ui/messages'],
        ['escalations', '/ui/escalations'],
        ['targets', '/ui/targets'],
        ['readings', `/ui/targets/${pm25}`],
        ['bulletins', '/ui/bulletins'],
        ['bulletin', `/ui/bulletins/${bulletinId}`],
        ['calendar', '/ui/calendar'],
        ['task', `/ui/tasks/${PLAN}/${taskCode ?? '2.1'}`],
        ...(user === 'supervisor' || user === 'admin'
          ? ([
              ['plan-import', '/ui/plans/import'],
              ['calendar', '/ui/calendar'],
            ] as [string, string][])
          : []),
      ];
      const found: Record<string, { overflow: boolean; leaks: string[]; axe: AxeFinding[] }> = {};
      try {
        await signIn(p, base, user);
        for (const [name, path] of pages) {
          const res = await p.goto(`${base}${path}`);
          expect([name, res?.status()]).toEqual([name, 200]);
          expect(new URL(p.url()).pathname).toBe(path);
          found[name] = {
            overflow: await overflowsHorizontally(p),
            leaks: await visibleTextLeaks(p),
            axe: await accessibilityFindings(p),
          };
          await screenshot(p, `${user}-${width}-${name}`);
        }
      } finally {
        await ctx.close();
      }
      const clean = Object.fromEntries(pages.map(([name]) => [name, { overflow: false, leaks: [], axe: [] }]));
      expect(found).toEqual(clean);
    },
  );

  it("the supervisor's inbox holds the tasks escalated to 督查室, each once, with the way to act", async () => {
    await signIn(page, base, 'supervisor');
    await eventually(async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM escalation e JOIN task t ON t.id = e.task_id
          WHERE t.plan_id = $1 AND e.to_role = 'supervisor' AND e.resolved_at IS NULL`,
        [PLAN],
      );
      return n > 0;
    }, 60_000);
    await page.goto(`${base}/ui/inbox`);
    const tasks = await page.$$eval('#escalated-table tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-task')),
    );
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks).size).toBe(tasks.length);
    expect(tasks.filter((id) => id!.startsWith(`${PLAN}/`)).length).toBeGreaterThan(0);
    await expect(page.locator('#escalated-table tbody tr').first().textContent()).resolves.toContain('三级督办');
    await screenshot(page, 'inbox-supervisor');
  });

  it('消息: the nav counts unread messages; one is marked read, then all, and the count follows', async () => {
    await signIn(page, base, 'water-air.head');
    const unread = async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM notification
          WHERE (recipient_user_id = (SELECT id::text FROM app_user WHERE username = 'water-air.head')
                 OR recipient_key = 'water-air:unit-head') AND read_at IS NULL`,
      );
      return n as number;
    };
    await eventually(async () => (await unread()) > 1, 60_000); // escalations of the past-due 2021 plan
    await page.goto(`${base}/ui/messages`);
    const badge = async () => Number((await page.locator('nav a[href="/ui/messages"] .count').textContent()) ?? 0);
    const before = await unread();
    expect(await badge()).toBe(Math.min(before, 99));
    const first = page.locator('#message-table tbody tr.unread').first();
    await expect(first.locator('a').getAttribute('href')).resolves.toMatch(/^\/ui\/tasks\//);
    await Promise.all([page.waitForURL(`${base}/ui/messages`), first.locator('button').click()]);
    expect(await unread()).toBe(before - 1);
    await Promise.all([page.waitForURL(`${base}/ui/messages`), page.click('text=全部标为已读')]);
    expect(await unread()).toBe(0);
    await expect(page.locator('nav a[href="/ui/messages"] .count').count()).resolves.toBe(0);
    await expect(page.locator('#all-read').textContent()).resolves.toBe('没有未读消息。');
    await screenshot(page, 'messages');
  });

  it('by keyboard alone: skip link first, then submit, comment, return and approve with Tab and Enter', async () => {
    // A 水气股 task of its own: first stage open, no evidence, cooperation or quantity asked.
    const { code } = await ownWaterAirTask((snap, row) => {
      const first = snap.stages[0];
      return (
        row.cooperatingUnits.length === 0 &&
        first.status === 'open' &&
        !first.requiresEvidence &&
        first.targetQuantity === undefined &&
        first.milestoneQuantity === undefined
      );
    });
    const taskPage = `${base}/ui/tasks/${PLAN}/${code}`;
    const keyboardSubmit = async (note: string) => {
      await page.goto(taskPage);
      await tabTo(page, 'form[data-form=submit] textarea[name=note]');
      await page.keyboard.type(note);
      await tabTo(page, 'form[data-form=submit] button[data-action=submit]');
      await Promise.all([page.waitForURL(/done=submit/), page.keyboard.press('Enter')]);
    };

    await signIn(page, base, 'water-air.handler');
    await page.goto(taskPage);
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.className')).resolves.toBe('skip');
    const ring = String(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle'));
    expect(ring).toBe('solid'); // our own focus style, not the browser's
    await keyboardSubmit('键盘提交：方案已完成');
    await tabTo(page, 'form[data-form=comment] textarea[name=text]');
    await page.keyboard.type('键盘评论');
    await tabTo(page, 'form[data-form=comment] button[data-action=comment]');
    await Promise.all([page.waitForURL(/done=comment/), page.keyboard.press('Enter')]);

    await signIn(page, base, 'water-air.head');
    await page.goto(`${base}/ui/inbox`);
    const row = `#inbox-table tr[data-task="${PLAN}/${code}"]`;
    await tabTo(page, `${row} input[name=reason]`);
    await page.keyboard.type('请补充附件');
    await tabTo(page, `${row} button[data-action=returnStage]`);
    await Promise.all([page.waitForURL(/done=returnStage/), page.keyboard.press('Enter')]);

    await signIn(page, base, 'water-air.handler');
    await keyboardSubmit('键盘再次提交：已补充');
    await signIn(page, base, 'water-air.head');
    await page.goto(`${base}/ui/inbox`);
    await tabTo(page, `${row} button[data-action=approve]`);
    await Promise.all([page.waitForURL(/done=approve/), page.keyboard.press('Enter')]);

    const events: { action: string }[] = await db.query(
      `SELECT action FROM task_event WHERE task_id = $1 AND action IN ('submit', 'comment', 'return', 'approve') ORDER BY id`,
      [`${PLAN}/${code}`],
    );
    expect(events.map((e) => e.action)).toEqual(['submit', 'comment', 'return', 'submit', 'approve']);
  });

  it('a refused form says why beside its field, which takes the focus, and keeps what was typed', async () => {
    // A 水气股 task of its own whose first stage is open with a due date: the handler may ask for more time.
    const { code, snapshot } = await ownWaterAirTask(
      (snap) => snap.stages[0].status === 'open' && !!snap.stages[0].dueAt && !snap.pendingExtension,
      'last',
    );
    const dueAt = snapshot.stages[0].dueAt as string;
    const taskPage = `${base}/ui/tasks/${PLAN}/${code}`;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', bypassCSP: true });
    const p = await ctx.newPage();
    await signIn(p, base, 'water-air.handler');
    const stale = await ctx.newPage(); // the same page open in a second tab, acted on later
    await stale.goto(taskPage);
    await p.goto(taskPage);
    const form = 'form[data-form=requestExtension]';
    await p.fill(`${form} input[name=newDueDate]`, '2021-01-04'); // before the current due date
    await p.fill(`${form} textarea[name=reason]`, '等待第三方监测数据');
    const [refused] = await Promise.all([p.waitForNavigation(), p.click(`${form} button[type=submit]`)]);
    expect(refused?.status()).toBe(400);
    const focused = await p.evaluate(`(() => {
      const el = document.activeElement;
      const described = document.getElementById(el.getAttribute('aria-describedby') ?? '');
      return { name: el.name, invalid: el.getAttribute('aria-invalid'), message: described?.textContent.trim(), role: described?.getAttribute('role') };
    })()`);
    expect(focused).toEqual({ name: 'newDueDate', invalid: 'true', message: '新的期限须晚于当前期限', role: 'alert' });
    await expect(p.inputValue(`${form} textarea[name=reason]`)).resolves.toBe('等待第三方监测数据');
    await expect(p.inputValue(`${form} input[name=newDueDate]`)).resolves.toBe('2021-01-04');
    await expect(accessibilityFindings(p)).resolves.toEqual([]);

    // Corrected in place, the same form goes through.
    const later = new Date(Date.parse(dueAt) + 14 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await p.fill(`${form} input[name=newDueDate]`, later);
    await Promise.all([p.waitForURL(/done=requestExtension/), p.click(`${form} button[type=submit]`)]);

    // The stale tab asks again: that action is no longer offered, and the page says why, in focus.
    await stale.fill(`${form} input[name=newDueDate]`, later);
    await stale.fill(`${form} textarea[name=reason]`, '重复申请');
    const [conflict] = await Promise.all([stale.waitForNavigation(), stale.click(`${form} button[type=submit]`)]);
    expect(conflict?.status()).toBe(409);
    await expect(stale.locator(form).count()).resolves.toBe(0);
    await expect(stale.evaluate('document.activeElement.id')).resolves.toBe('requestExtension-error');
    await expect(stale.locator('#requestExtension-error').textContent()).resolves.toMatch(
      /申请延期未完成：已有待审批的延期申请/,
    );
    await ctx.close();
  });

  it('a refused reading says why beside the period, keeps the value typed, and goes through once corrected', async () => {
    await signIn(page, base, 'monitoring.handler');
    await page.goto(`${base}/ui/targets/${pm25}`);
    const form = 'form[data-form=reading]';
    await page.fill(`${form} input[name=period]`, '2021-13');
    await page.fill(`${form} input[name=value]`, '31');
    const [refused] = await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
    expect(refused?.status()).toBe(400);
    const focused = await page.evaluate(`(() => {
      const el = document.activeElement;
      return { name: el.name, invalid: el.getAttribute('aria-invalid'),
        message: document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent.trim() };
    })()`);
    expect(focused).toEqual({
      name: 'period',
      invalid: 'true',
      message: '期间“2021-13”不符合该指标的报送周期，应为 2021-01 … 2021-12',
    });
    await expect(page.inputValue(`${form} input[name=value]`)).resolves.toBe('31');
    await page.fill(`${form} input[name=period]`, '2021-10');
    await Promise.all([page.waitForURL(/written=1/), page.click(`${form} button[type=submit]`)]);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM kpi_reading WHERE indicator_id = $1 AND period = '2021-10'`,
      [pm25],
    );
    expect(n).toBe(1);

    // A CSV with a bad row: nothing written, the file box marked and in focus, the row named.
    await page.setInputFiles('form[data-form=csv] input[name=file]', {
      name: 'readings.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('indicator,period,value,unit\n1.1,2021-11,-5,ug/m3\n'),
    });
    const [bad] = await Promise.all([page.waitForNavigation(), page.click('form[data-form=csv] button[type=submit]')]);
    expect(bad?.status()).toBe(400);
    await expect(page.evaluate('document.activeElement.name')).resolves.toBe('file');
    await expect(page.locator('#csv-error').textContent()).resolves.toMatch(/第 2 行：数值-5不能为负/);
    await expect(page.locator('#csv-error').textContent()).resolves.not.toMatch(/negative/);
  });

  it('logout revokes the session: pages ask for login again and the old token is refused', async () => {
    await signIn(page, base, 'water-air.head');
    const token = (await context.cookies()).find((c) => c.name === 'duban_at')!.value;
    const me = await h.http().get('/auth/me').set(bearer(token));
    expect(me.status).toBe(200);
    await Promise.all([page.waitForURL(/\/ui\/login/), page.click('form.logout button')]);
    expect((await context.cookies()).find((c) => c.name === 'duban_at')).toBeUndefined();
    await page.goto(`${base}/ui/inbox`);
    expect(new URL(page.url()).pathname).toBe('/ui/login');
    const after = await h.http().get('/auth/me').set(bearer(token));
    expect(after.status).toBe(401);
  });
});

interface Overview {
  totals: {
    total: number;
    green: number;
    yellow: number;
    red: number;
    escalated: number;
    done: number;
    completionRate: number;
  };
  byUnit: {
    unit: string;
    unitName: string;
    total: number;
    green: number;
    yellow: number;
    red: number;
    escalated: number;
    done: number;
  }[];
  overdue: unknown[];
}
