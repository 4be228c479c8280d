import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../apps/api/src/temporal/temporal-client.provider';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';
import { accessibilityFindings, launchChromium, listenOnFreePort, signIn } from '../support/browser';

/**
 * POST /tasks/:plan/:code/problems: a supervisor (or the lead unit's head) registers the problems
 * of a rectification task's ledger (一件一号), each with its own workflow and due date. Refusals
 * say why, in Chinese.
 */
jest.setTimeout(180_000);

const PLAN = 'zg-2027';
const TASK = `${PLAN}/1.1`;
const PLAN_TEXT = `区生态环境局2027年督察整改工作要点
一、督察反馈问题整改
1. 中央生态环境保护督察反馈问题整改，逐项销号。(牵头单位:水气股;配合单位:监测站;完成时限:2027年6月底前)
2. 加强环境宣传教育。(牵头单位:综合股;完成时限:2027年9月底前)
`;

let h: ApiHarness;
let db: DataSource;
const tokens = new Map<string, string>();
let seq = 0;
const key = () => `problem-${Date.now()}-${++seq}`;
let listening: Promise<string> | null = null;
/** The app on a real port for the browser, opened once for the file. */
const baseUrl = () => (listening ??= listenOnFreePort(h.app));

beforeAll(async () => {
  h = await startApiHarness('problems');
  db = h.app.get(DataSource);
  for (const u of ['supervisor', 'water-air.head', 'water-air.handler', 'monitoring.head'])
    tokens.set(u, await h.login(u));
  const imported = await h
    .http()
    .post(`/plans/import?planId=${PLAN}&receiptWorkdays=0`)
    .set('Authorization', `Bearer ${tokens.get('supervisor')}`)
    .attach('file', Buffer.from(PLAN_TEXT, 'utf8'), 'zg-2027.txt');
  expect(imported.status).toBe(201);
  await eventually(async () => {
    const [row] = await db.query(`SELECT projected_version FROM task WHERE id = $1`, [TASK]);
    return row?.projected_version > 0;
  });
});

afterAll(async () => {
  await h?.close();
});

const addProblem = (user: string, body: object, code = '1.1', idempotencyKey = key()) =>
  h
    .http()
    .post(`/tasks/${PLAN}/${code}/problems`)
    .set('Authorization', `Bearer ${tokens.get(user)}`)
    .set('Idempotency-Key', idempotencyKey)
    .send(body);

describe('registering rectification problems', () => {
  it('is open to the supervisor and the lead unit head, once per problem number', async () => {
    const first = await addProblem('supervisor', {
      problemId: 'P-1',
      title: '入河排污口未整治',
      dueDate: '2027-04-30',
    });
    expect(first.status).toBe(200);
    expect(first.body.snapshot.problems).toEqual([
      expect.objectContaining({ problemId: 'P-1', title: '入河排污口未整治', status: 'open' }),
    ]);
    const byHead = await addProblem('water-air.head', {
      problemId: 'P-2',
      title: '黑臭水体反弹',
      dueDate: '2027-05-31',
    });
    expect(byHead.status).toBe(200);
    expect(byHead.body.snapshot.problems.map((p: { problemId: string }) => p.problemId)).toEqual(['P-1', 'P-2']);

    // The same request again (same key) answers as the first time and adds nothing.
    const k = key();
    const once = await addProblem(
      'supervisor',
      { problemId: 'P-3', title: '扬尘管控不力', dueDate: '2027-05-31' },
      '1.1',
      k,
    );
    const again = await addProblem(
      'supervisor',
      { problemId: 'P-3', title: '扬尘管控不力', dueDate: '2027-05-31' },
      '1.1',
      k,
    );
    expect([once.status, again.status]).toEqual([200, 200]);
    expect(again.body.snapshot.problems).toHaveLength(3);

    const twice = await addProblem('supervisor', { problemId: 'P-1', title: '重复', dueDate: '2027-04-30' });
    expect(twice.status).toBe(400);
    expect(twice.body.detail ?? twice.body.message).toMatch(/问题 P-1 已登记/);

    // Each problem runs its own workflow (整改 → 销号), started by the ledger's.
    const client = h.app.get<Client>(TEMPORAL_CLIENT);
    for (const id of ['P-1', 'P-2', 'P-3']) {
      const described = await client.workflow.getHandle(`${TASK}/problem/${id}`).describe();
      expect([id, described.status.name]).toEqual([id, 'RUNNING']);
    }
  });

  it('refuses who may not, a task that is no rectification, and bad input, saying why', async () => {
    const handler = await addProblem('water-air.handler', { problemId: 'P-9', title: '问题', dueDate: '2027-04-30' });
    expect(handler.status).toBe(403);
    const otherHead = await addProblem('monitoring.head', { problemId: 'P-9', title: '问题', dueDate: '2027-04-30' });
    expect(otherHead.status).toBe(403);
    const notRectification = await addProblem(
      'supervisor',
      { problemId: 'P-9', title: '问题', dueDate: '2027-04-30' },
      '1.2',
    );
    expect(notRectification.status).toBe(409);
    expect(JSON.stringify(notRectification.body)).toMatch(/只有整改类任务有整改台账/);
    const badId = await addProblem('supervisor', { problemId: '第9项', title: '问题', dueDate: '2027-04-30' });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toMatch(/问题编号须为 1–40 位字母、数字、-、_/);
    const badDate = await addProblem('supervisor', { problemId: 'P-9', title: '问题', dueDate: '2027-02-30' });
    expect(badDate.status).toBe(400);
    const blank = await addProblem('supervisor', { problemId: 'P-9', title: ' ', dueDate: '2027-04-30' });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toMatch(/请填写问题描述/);
  });

  it('on the task page: the lead unit head registers a problem, corrects a refused number in place, and follows it to its own page', async () => {
    const base = await baseUrl();
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await signIn(page, base, 'water-air.handler');
      await page.goto(`${base}/ui/tasks/${PLAN}/1.1`);
      await expect(page.locator('#problem-table tr[data-problem="P-1"]').count()).resolves.toBe(1);
      // Each problem shows its own light, from its own workflow's row (due months ahead: green).
      await eventually(async () => {
        await page.reload();
        return (
          (await page.locator('#problem-table tr[data-problem="P-1"] [data-col="light"]').textContent()) === '绿灯'
        );
      });
      await expect(page.locator('form[data-form=addProblem]').count()).resolves.toBe(0); // a handler registers none

      await signIn(page, base, 'water-air.head');
      await page.goto(`${base}/ui/tasks/${PLAN}/1.1`);
      const form = 'form[data-form=addProblem]';
      await page.fill(`${form} input[name=problemId]`, 'P-1');
      await page.fill(`${form} textarea[name=title]`, '雨污混接点未改造');
      await page.fill(`${form} input[name=dueDate]`, '2027-06-15');
      const [refused] = await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
      expect(refused?.status()).toBe(400);
      await expect(page.evaluate('document.activeElement.name')).resolves.toBe('problemId');
      await expect(page.locator('#addProblem-error').textContent()).resolves.toMatch(/问题 P-1 已登记/);
      await expect(page.inputValue(`${form} textarea[name=title]`)).resolves.toBe('雨污混接点未改造');

      await page.fill(`${form} input[name=problemId]`, 'P-4');
      await Promise.all([page.waitForURL(/done=addProblem/), page.click(`${form} button[type=submit]`)]);
      const row = page.locator('#problem-table tr[data-problem="P-4"]');
      await eventually(async () => {
        await page.reload();
        return (await row.count()) === 1;
      });
      await expect(row.textContent()).resolves.toMatch(/雨污混接点未改造[\s\S]*2027-06-15[\s\S]*整改中/);
      await Promise.all([page.waitForURL(/problem%2FP-4$/), row.locator('a').click()]);
      await expect(page.locator('h1').textContent()).resolves.toMatch(/：雨污混接点未改造/);
    } finally {
      await browser.close();
    }
  });

  describe('reopening a closed problem (反弹回潮)', () => {
    const P1 = `${PLAN}/${encodeURIComponent('1.1/problem/P-1')}`;
    const as = (user: string) => ({ Authorization: `Bearer ${tokens.get(user)}` });
    const act = (user: string, action: string, body: object = {}) =>
      h.http().post(`/tasks/${P1}/${action}`).set(as(user)).set('Idempotency-Key', key()).send(body);
    const row = async (id: string) => (await db.query(`SELECT status, snapshot FROM task WHERE id = $1`, [id]))[0];

    it('closes P-1 first: evidence, approval, 销号', async () => {
      const upload = await h
        .http()
        .post(`/tasks/${P1}/evidence`)
        .set(as('water-air.handler'))
        .attach('file', Buffer.from('排污口封堵照片说明'), '封堵.txt');
      expect(upload.status).toBe(201);
      expect((await act('water-air.handler', 'submit', { note: '已封堵', evidenceIds: [upload.body.id] })).status).toBe(
        200,
      );
      expect((await act('water-air.head', 'approve')).status).toBe(200);
      expect((await act('supervisor', 'close', { note: '核实后销号' })).status).toBe(200);
      await eventually(async () => (await row(`${TASK}/problem/P-1`))?.status === 'closed');
      await eventually(async () => (await row(TASK)).snapshot.problems[0].status === 'closed');
    });

    it('is the office’s alone, for a reason and a date after today; another unit does not even see it', async () => {
      const body = { reason: '省级督察“回头看”再次发现直排', dueDate: '2099-06-30' };
      expect((await act('water-air.head', 'reopen', body)).status).toBe(403);
      expect((await act('monitoring.head', 'reopen', body)).status).toBe(404);
      expect((await h.http().get(`/tasks/${P1}`).set(as('monitoring.head'))).status).toBe(404);
      const past = await act('supervisor', 'reopen', { ...body, dueDate: '2020-01-01' });
      expect([past.status, past.body.details?.field]).toEqual([400, 'dueDate']);
      const blank = await act('supervisor', 'reopen', { ...body, reason: ' ' });
      expect([blank.status, blank.body.details?.field]).toEqual([400, 'reason']);
      const notClosed = await h
        .http()
        .post(`/tasks/${PLAN}/${encodeURIComponent('1.1/problem/P-2')}/reopen`)
        .set(as('supervisor'))
        .set('Idempotency-Key', key())
        .send(body);
      expect(notClosed.status).toBe(409);
      expect(notClosed.body.detail ?? notClosed.body.message).toMatch(/只有已销号的整改可以重新打开/);
      // Each refusal is in the audit log, as any refused action on a task.
      const audited: { outcome: string; actor_unit: string | null; detail: string }[] = await db.query(
        `SELECT outcome, actor_unit, detail FROM audit_log WHERE action = 'reopen' AND subject = $1 ORDER BY id`,
        [`${TASK}/problem/P-1`],
      );
      expect(audited.map((a) => [a.outcome, a.actor_unit, a.detail.split(':')[0]])).toEqual([
        ['denied', 'water-air', 'FORBIDDEN'],
        ['denied', 'monitoring', 'NOT_FOUND'],
        ['rejected', null, 'BAD_INPUT'],
        ['rejected', null, 'BAD_INPUT'],
      ]);
    });

    it('reopens it under its number: its history goes on, its task waits for it again', async () => {
      const reopened = await act('supervisor', 'reopen', {
        reason: '省级督察“回头看”再次发现直排',
        dueDate: '2099-06-30',
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body.snapshot).toMatchObject({
        status: 'active',
        currentStageKey: 'rectify',
        taskCode: '1.1/problem/P-1',
      });
      await eventually(async () => (await row(`${TASK}/problem/P-1`))?.status === 'active');
      const detail = await eventually(async () => {
        const d = await h.http().get(`/tasks/${P1}`).set(as('supervisor'));
        return d.body.timeline.some((e: { action: string }) => e.action === 'reopen') ? d.body : null;
      });
      const actions = detail.timeline.map((e: { action: string }) => e.action);
      // Newest first: the reopening, above the closure and the work of the first round.
      expect(actions.indexOf('reopen')).toBeLessThan(actions.indexOf('close'));
      expect(actions).toEqual(expect.arrayContaining(['submit', 'approve', 'close', 'reopen']));
      expect(detail.stages[0]).toMatchObject({ key: 'rectify', status: 'open' });
      const parent = await eventually(async () => {
        const r = await row(TASK);
        return r.snapshot.problems[0].status === 'open' ? r.snapshot : null;
      });
      expect(parent.problems[0]).toMatchObject({ problemId: 'P-1', closedAt: null });
      // Reopened already: a second request is a conflict, not a twin.
      expect((await act('supervisor', 'reopen', { reason: '重复', dueDate: '2099-06-30' })).status).toBe(409);
    });

    it('on its page: the office reopens P-3 with the form, a refused date named in its field', async () => {
      const P3 = `${PLAN}/${encodeURIComponent('1.1/problem/P-3')}`;
      const on3 = (user: string, action: string, body: object = {}) =>
        h.http().post(`/tasks/${P3}/${action}`).set(as(user)).set('Idempotency-Key', key()).send(body);
      const upload = await h
        .http()
        .post(`/tasks/${P3}/evidence`)
        .set(as('water-air.handler'))
        .attach('file', Buffer.from('扬尘覆盖照片说明'), '覆盖.txt');
      const submitted = await on3('water-air.handler', 'submit', { note: '已覆盖', evidenceIds: [upload.body.id] });
      expect([upload.status, submitted.status, submitted.body.code]).toEqual([201, 200, undefined]);
      await on3('water-air.head', 'approve').expect(200);
      await on3('supervisor', 'close', { note: '销号' }).expect(200);
      await eventually(async () => (await row(`${TASK}/problem/P-3`))?.status === 'closed');

      const base = await baseUrl();
      const browser = await launchChromium();
      try {
        const page = await (await browser.newContext({ locale: 'zh-CN', bypassCSP: true })).newPage();
        await signIn(page, base, 'water-air.head');
        await page.goto(`${base}/ui/tasks/${P3}`);
        await expect(page.locator('form[data-form=reopen]').count()).resolves.toBe(0); // the office's alone
        await signIn(page, base, 'supervisor');
        await page.goto(`${base}/ui/tasks/${P3}`);
        const form = 'form[data-form=reopen]';
        await page.fill(`${form} textarea[name=reason]`, '群众举报扬尘再次出现');
        await page.fill(`${form} input[name=dueDate]`, '2020-01-01');
        const [refused] = await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
        expect(refused?.status()).toBe(400);
        await expect(page.locator(`${form} input[name=dueDate]`).getAttribute('aria-invalid')).resolves.toBe('true');
        await expect(page.inputValue(`${form} textarea[name=reason]`)).resolves.toBe('群众举报扬尘再次出现');
        await expect(accessibilityFindings(page)).resolves.toEqual([]);
        await page.fill(`${form} input[name=dueDate]`, '2099-06-30');
        await Promise.all([page.waitForURL(/done=reopen/), page.click(`${form} button[type=submit]`)]);
        await expect(page.locator('.notice').first().textContent()).resolves.toContain('已重新打开');
        await eventually(async () => (await row(`${TASK}/problem/P-3`))?.status === 'active');
      } finally {
        await browser.close();
      }
    });
  });
});
