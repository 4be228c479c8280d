import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';

jest.setTimeout(240_000);

const PLAN_FILE = join(__dirname, '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt');
// Its own plan id: workflow ids are <plan>/<code> on a Temporal server shared by the e2e files.
// 3.1.4: 水气股 (water-air) leads, 监测站 (monitoring) cooperates.
const TASK = '/tasks/authz-2021/3.1.4';
const TASK_ID = 'authz-2021/3.1.4';

/** The actors of the matrix: each role, from the lead unit ("own") and from an unrelated one ("other"). */
const CELLS = [
  { who: 'handler/own', user: 'water-air.handler' },
  { who: 'handler/other', user: 'ecology.handler' },
  { who: 'head/own', user: 'water-air.head' },
  { who: 'head/other', user: 'ecology.head' },
  { who: 'deputy/own', user: 'deputy.a' },
  { who: 'deputy/other', user: 'deputy.b' },
  { who: 'supervisor', user: 'supervisor' },
  { who: 'admin', user: 'admin' },
] as const;

/** Cells that cannot see the task at all: they get 404, like a task that does not exist. */
const BLIND = ['handler/other', 'head/other', 'deputy/other'];

/** Every action with a valid body, and who may do it (the rest must get 403, or 404 when blind). */
const ACTIONS: { path: string; body: object; allowed: string[] }[] = [
  {
    path: 'comment',
    body: { text: '请抓紧办理' },
    allowed: ['handler/own', 'head/own', 'deputy/own', 'supervisor', 'admin'],
  },
  { path: 'submit', body: { note: '方案已制定' }, allowed: ['handler/own'] },
  { path: 'cooperate-feedback', body: { note: '已配合' }, allowed: [] },
  { path: 'confirm-cooperation', body: {}, allowed: [] },
  { path: 'return', body: { reason: '材料不全' }, allowed: ['head/own'] },
  { path: 'approve', body: { note: '同意' }, allowed: ['head/own'] },
  {
    path: 'request-extension',
    body: { newDueDate: '2021-12-20', reason: '等待数据' },
    allowed: ['handler/own', 'head/own'],
  },
  { path: 'decide-extension', body: { approve: true }, allowed: ['deputy/own'] },
  { path: 'suspend', body: { reason: '上级调整' }, allowed: ['supervisor'] },
  { path: 'resume', body: {}, allowed: ['supervisor'] },
  { path: 'close', body: {}, allowed: ['supervisor'] },
  { path: 'reassign', body: { newLeadUnit: 'ecology', reason: '职能调整' }, allowed: ['supervisor'] },
  { path: 'cancel', body: { reason: '任务取消' }, allowed: ['supervisor'] },
];

let h: ApiHarness;
let db: DataSource;
const tokens = new Map<string, string>();
let seq = 0;

beforeAll(async () => {
  h = await startApiHarness('authz');
  db = h.app.get(DataSource);
  for (const c of CELLS) tokens.set(c.who, await h.login(c.user));
  const imported = await h
    .http()
    .post('/plans/import?planId=authz-2021&receiptWorkdays=0')
    .set('Authorization', `Bearer ${tokens.get('supervisor')}`)
    .attach('file', readFileSync(PLAN_FILE), 'xinjian-2021-workplan.txt');
  expect(imported.status).toBe(201);
  await eventually(async () => {
    const [row] = await db.query(`SELECT projected_version FROM task WHERE id = $1`, [TASK_ID]);
    return row?.projected_version > 1;
  });
});

afterAll(async () => {
  await h?.close();
});

const act = (who: string, path: string, body: object) =>
  h
    .http()
    .post(`${TASK}/${path}`)
    .set('Authorization', `Bearer ${tokens.get(who)}`)
    .set('Idempotency-Key', `matrix-${++seq}-${Date.now()}`)
    .send(body);

describe('object-level authorization matrix (every role × own/other unit × every action)', () => {
  const denied = ACTIONS.flatMap((a) =>
    CELLS.filter((c) => !a.allowed.includes(c.who)).map((c) => ({ action: a, cell: c })),
  );

  it.each(denied.map((d) => [d.cell.who, d.action.path, d]))(
    '%s may not %s: 403 (404 when blind)',
    async (who, _path, d) => {
      const res = await act(d.cell.who, d.action.path, d.action.body);
      if (BLIND.includes(who as string)) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      } else {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    },
  );

  it('wrote every denial to the audit log, none to the task timeline', async () => {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject = $1 AND outcome = 'denied'`,
      [TASK_ID],
    );
    expect(n).toBe(denied.length);
    const [{ refused }] = await db.query(
      `SELECT count(*)::int AS refused FROM task_event WHERE task_id = $1 AND outcome <> 'ok'`,
      [TASK_ID],
    );
    expect(refused).toBe(0);
  });

  it('lets every allowed cell through the authorization (the workflow may still refuse on state)', async () => {
    // Order keeps the task alive: state-changing supervisor actions come last.
    for (const a of ACTIONS) {
      for (const who of a.allowed) {
        const res = await act(who, a.path, a.body);
        expect([who, a.path, res.status]).not.toEqual([who, a.path, 403]);
        expect(res.status).toBeLessThan(500);
      }
    }
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject = $1 AND outcome = 'denied'`,
      [TASK_ID],
    );
    expect(n).toBe(denied.length);
  });
});
