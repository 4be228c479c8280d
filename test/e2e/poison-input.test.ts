import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';
import { webSession, WebSession } from '../support/web-session';

/**
 * Issue 13 §1: no text a user sends can wedge a task. Every kind of text no store can hold is sent
 * to every action endpoint and every action form, by a cooperating unit's handler and by the
 * lead unit; each is refused at once with a 400 naming the field, nothing is recorded, and the task
 * still takes a normal action within a second afterwards.
 */
jest.setTimeout(300_000);

const PLAN_FILE = join(__dirname, '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt');
const PLAN = 'poison-2021';
// 3.1.4: 水气股 (water-air) leads, 监测站 (monitoring) cooperates.
const CODE = '3.1.4';
const TASK_ID = `${PLAN}/${CODE}`;

/** NUL, unpaired surrogates (high, low, reversed pair), C0, DEL and C1 controls. */
const POISON = [
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udc00\ud800',
  'a\u0007b',
  'esc\u001b[31m',
  'del\u007f',
  'nel\u0085',
];

/** Every action endpoint with the text fields its body has. */
const ENDPOINTS: { path: string; body: (text: string) => object }[] = [
  { path: 'submit', body: (t) => ({ note: t }) },
  { path: 'cooperate-feedback', body: (t) => ({ note: t }) },
  { path: 'confirm-cooperation', body: (t) => ({ note: t }) },
  { path: 'approve', body: (t) => ({ note: t }) },
  { path: 'return', body: (t) => ({ reason: t }) },
  { path: 'request-extension', body: (t) => ({ newDueDate: '2027-01-29', reason: t }) },
  { path: 'decide-extension', body: (t) => ({ approve: true, note: t }) },
  { path: 'reassign', body: (t) => ({ newLeadUnit: 'ecology', reason: t }) },
  { path: 'suspend', body: (t) => ({ reason: t }) },
  { path: 'resume', body: (t) => ({ note: t }) },
  { path: 'cancel', body: (t) => ({ reason: t }) },
  { path: 'close', body: (t) => ({ note: t }) },
  { path: 'comment', body: (t) => ({ text: t }) },
  { path: 'problems', body: (t) => ({ problemId: 'P-1', title: t, dueDate: '2027-06-30' }) },
];

let h: ApiHarness;
let db: DataSource;
let seq = 0;
const key = () => `poison-${Date.now()}-${++seq}`;
const tokens = new Map<string, string>();

beforeAll(async () => {
  h = await startApiHarness('poison');
  db = h.app.get(DataSource);
  for (const u of ['supervisor', 'monitoring.handler', 'water-air.handler', 'water-air.head', 'deputy.a'])
    tokens.set(u, await h.login(u));
  const imported = await h
    .http()
    .post(`/plans/import?planId=${PLAN}&receiptWorkdays=0`)
    .set('Authorization', `Bearer ${tokens.get('supervisor')}`)
    .attach('file', readFileSync(PLAN_FILE), 'xinjian-2021-workplan.txt');
  expect(imported.status).toBe(201);
  // The 2021 deadlines are past: wait until the late reminders and escalations have run.
  await settled();
});

afterAll(async () => {
  await h?.close();
});

async function version(): Promise<number> {
  const [row] = await db.query(`SELECT projected_version FROM task WHERE id = $1`, [TASK_ID]);
  return row?.projected_version ?? 0;
}

/**
 * Events of the task a person caused since `since`: a refused action records none, while late
 * reminders and escalations (no actor) may still land meanwhile.
 */
async function actionsRecordedSince(since: Date): Promise<number> {
  const [{ n }] = await db.query(
    `SELECT count(*)::int AS n FROM task_event WHERE task_id = $1 AND at >= $2 AND actor_user_id IS NOT NULL`,
    [TASK_ID, since],
  );
  return n;
}

async function settled(): Promise<void> {
  let last = -1;
  await eventually(async () => {
    const v = await version();
    const quiet = v > 1 && v === last;
    last = v;
    if (!quiet) await new Promise((r) => setTimeout(r, 1500));
    return quiet;
  }, 90_000);
}

const post = (user: string, path: string, body: object) =>
  h
    .http()
    .post(`/tasks/${PLAN}/${CODE}/${path}`)
    .set('Authorization', `Bearer ${tokens.get(user)}`)
    .set('Idempotency-Key', key())
    .send(body);

describe('poison text on every action endpoint', () => {
  for (const user of ['monitoring.handler', 'water-air.handler', 'supervisor']) {
    it(`is refused with 400 naming the field, at once, for ${user}`, async () => {
      const [{ now: since }] = await db.query(`SELECT now()`);
      for (const endpoint of ENDPOINTS) {
        for (const text of POISON) {
          const started = Date.now();
          const res = await post(user, endpoint.path, endpoint.body(text));
          expect({ path: endpoint.path, text, status: res.status }).toEqual({ path: endpoint.path, text, status: 400 });
          expect(['UNSAFE_TEXT', 'BAD_INPUT']).toContain(res.body.code);
          expect(res.body.message).toMatch(/字段 (body\.)?(note|reason|text|title)/);
          expect(Date.now() - started).toBeLessThan(2000);
        }
      }
      expect(await actionsRecordedSince(since)).toBe(0);
    });
  }

  it('refuses overlong text with its limit', async () => {
    const res = await post('monitoring.handler', 'comment', { text: '长'.repeat(2001) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/2000/);
  });

  it('refuses poison in keys, in nested values and in query and path parameters', async () => {
    expect((await post('monitoring.handler', 'comment', { text: 'ok', ['k\u0000']: 1 })).status).toBe(400);
    const supervisor = tokens.get('supervisor')!;
    for (const url of [
      '/tasks?q=%00',
      '/tasks?q=a%1Bb',
      `/tasks/${PLAN}/%00`,
      '/plans/%00',
      '/escalations?unit=%07',
      '/bulletins?planId=%00',
    ]) {
      const res = await h.http().get(url).set('Authorization', `Bearer ${supervisor}`);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.code).toBe('UNSAFE_TEXT');
    }
    const login = await h.http().post('/auth/login').send({ username: 'super\u0000visor', password: 'x' });
    expect(login.status).toBe(400);
  });
});

describe('poison text on every action form', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await webSession(h, 'monitoring.handler');
  });

  it('is refused with the error page, and the form still works afterwards', async () => {
    const [{ now: since }] = await db.query(`SELECT now()`);
    // A browser cannot send a lone surrogate in a form (it encodes U+FFFD): the rest can arrive.
    for (const text of POISON.filter((t) => !/[\ud800-\udfff]/.test(t))) {
      for (const [action, field] of [
        ['comment', 'text'],
        ['cooperateFeedback', 'note'],
        ['returnStage', 'reason'],
      ] as const) {
        const res = await web.postForm(`/ui/tasks/${TASK_ID}/act/${action}`, { [field]: text });
        expect({ action, text, status: res.status }).toEqual({ action, text, status: 400 });
        expect(res.text).toContain('无法保存');
      }
    }
    // As sent raw by a hand-made form: text=a%00b.
    const raw = await web.postRaw(`/ui/tasks/${TASK_ID}/act/comment`, 'text=a%00b');
    expect(raw.status).toBe(400);
    expect(await actionsRecordedSince(since)).toBe(0);
  });
});

describe('the task after the poison', () => {
  it('takes a normal comment and the lead unit submit within a second each', async () => {
    let started = Date.now();
    const comment = await post('monitoring.handler', 'comment', { text: '已知悉，配合办理' });
    expect(comment.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    started = Date.now();
    const submit = await post('water-air.handler', 'submit', { note: '工作方案已制定' });
    expect(submit.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(submit.body.snapshot.stages[0].status).not.toBe('open');
  });

  it('never wrote the poison anywhere', async () => {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM task_event WHERE task_id = $1 AND (detail LIKE '%' || chr(7) || '%' OR detail LIKE '%\ufffd%')`,
      [TASK_ID],
    );
    expect(n).toBe(0);
  });
});
