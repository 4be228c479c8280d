import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../apps/api/src/temporal/temporal-client.provider';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';
import { launchChromium, listenOnFreePort, signIn } from '../support/browser';

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
    const base = await listenOnFreePort(h.app);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await signIn(page, base, 'water-air.handler');
      await page.goto(`${base}/ui/tasks/${PLAN}/1.1`);
      await expect(page.locator('#problem-table tr[data-problem="P-1"]').count()).resolves.toBe(1);
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
});
