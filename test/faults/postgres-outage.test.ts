import { CRASH_PATTERN, eventually, FaultSystem, idempotencyKey } from './support/fault-system';
import { taskUpdates } from '@duban/domain/task/task-messages';

/**
 * Issue 8, fault 3: PostgreSQL stopped for 30 s in the middle of a run. Meanwhile the API answers
 * 503 (never 500) and the workflows go on: actions taken during the outage are applied, their
 * projection activities retry, and once PostgreSQL is back the projection converges to the
 * workflow state.
 */
const PLAN = 'fault-pg';
const OUTAGE_MS = Number(process.env.FAULT_PG_OUTAGE_MS ?? 30_000);
jest.setTimeout(10 * 60_000);

const sys = new FaultSystem();
beforeAll(() => sys.start());
afterAll(() => sys.close());

it('answers 503 while PostgreSQL is down and converges once it is back', async () => {
  const leaves = await sys.importPlan(PLAN, 45);
  const tasks: { id: string; code: string; lead_unit: string }[] = (
    await sys.pg.query(`SELECT id, code, lead_unit FROM task WHERE plan_id = $1 AND is_leaf ORDER BY ordinal`, [PLAN])
  ).rows;
  expect(tasks).toHaveLength(leaves);
  const tokens = new Map<string, string>();
  for (const unit of new Set(tasks.map((t) => t.lead_unit))) tokens.set(unit, await sys.api.login(`${unit}.handler`));
  const supervisor = await sys.api.login('supervisor');

  await sys.stack.stopPostgres();
  const outageEnds = Date.now() + OUTAGE_MS;
  // Workflows move on without the database (as when another API instance still reaches Temporal):
  // a comment through the update API on every task. The update answers only once its projection
  // is written, so these stay pending until PostgreSQL is back, their activities retrying meanwhile.
  const supervisorActor = { userId: 'fault-test', role: 'supervisor' as const, unitCode: null };
  const versionsBefore = new Map<string, number>();
  for (const t of tasks) versionsBefore.set(t.id, (await sys.state(t.id)).version);
  const comments = tasks.map((t) =>
    sys.temporal.workflow.getHandle(t.id).executeUpdate(taskUpdates.comment, {
      args: [{ requestId: idempotencyKey('pg-comment'), actor: supervisorActor, text: '数据库停机期间的批注' }],
    }),
  );
  const statuses = new Map<string, number>();
  const record = (what: string, status: number) =>
    statuses.set(`${what} ${status}`, (statuses.get(`${what} ${status}`) ?? 0) + 1);
  let i = 0;
  // Reads, logins and actions throughout the outage; an action may still be applied by the workflow.
  while (Date.now() < outageEnds) {
    const t = tasks[i++ % tasks.length];
    const [ledger, detail, login, submit] = await Promise.all([
      sys.api.request('GET', '/tasks?pageSize=5', { token: supervisor }),
      sys.api.request('GET', `/tasks/${PLAN}/${t.code}`, { token: supervisor }),
      sys.api.request('POST', '/auth/login', { body: { username: 'supervisor', password: 'duban-demo-2021' } }),
      sys.api.request('POST', `/tasks/${PLAN}/${t.code}/submit`, {
        token: tokens.get(t.lead_unit),
        body: { note: '停库期间提交' },
        headers: { 'idempotency-key': idempotencyKey('pg') },
      }),
    ]);
    record('GET /tasks', ledger.status);
    record('GET /tasks/:id', detail.status);
    record('POST /auth/login', login.status);
    record('POST submit', submit.status);
    for (const res of [ledger, detail, login, submit]) expect(res.status).not.toBe(500);
    expect(ledger.status).toBe(503);
    expect((ledger.body as { code: string }).code).toBe('DATABASE_UNAVAILABLE');
    await new Promise((r) => setTimeout(r, 1_000));
  }
  console.log(`answers during the outage: ${JSON.stringify(Object.fromEntries(statuses))}`);
  await sys.stack.startPostgres();
  await Promise.all(comments);

  // Back: every task's row reaches its workflow's version and state.
  await eventually(
    async () => {
      for (const t of tasks) {
        const s = await sys.state(t.id);
        const { rows } = await sys.pg.query(
          `SELECT projected_version, status, current_stage_key FROM task WHERE id = $1`,
          [t.id],
        );
        if (rows[0].projected_version !== s.version) return false;
        expect(rows[0]).toMatchObject({ status: s.status, current_stage_key: s.currentStageKey });
      }
      return true;
    },
    240_000,
    2_000,
  );
  // The comments made during the outage reached the projection (task_event) once each.
  const projectedComments = await sys.count(
    `SELECT count(*) AS n FROM task_event WHERE plan_id = $1 AND action = 'comment'`,
    [PLAN],
  );
  expect(projectedComments).toBe(tasks.length);
  for (const t of tasks) expect((await sys.state(t.id)).version).toBeGreaterThan(versionsBefore.get(t.id)!);
  const ok = await sys.api.request('GET', '/tasks?pageSize=5', { token: supervisor });
  expect(ok.status).toBe(200);
  expect(sys.worker.output()).not.toMatch(CRASH_PATTERN);
  expect(sys.apiProcess.output()).not.toMatch(CRASH_PATTERN);
});
