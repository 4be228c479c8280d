import { CRASH_PATTERN, eventually, FaultSystem, idempotencyKey, step } from './support/fault-system';

/**
 * Issue 8, fault 2: the Temporal dev server stopped and started again mid-run, its SQLite file
 * kept. Every workflow must resume: the state from before the stop is there, actions sent after
 * the restart are applied, and the projection follows.
 */
const PLAN = 'fault-temporal';
jest.setTimeout(6 * 60_000);

const sys = new FaultSystem();
beforeAll(() => sys.start());
afterAll(() => sys.close());

it('resumes every workflow after the dev server restarts on its SQLite file', async () => {
  const leaves = await sys.importPlan(PLAN, 90);
  step(`imported ${leaves} tasks`);
  const tasks: { id: string; code: string; lead_unit: string }[] = (
    await sys.pg.query(`SELECT id, code, lead_unit FROM task WHERE plan_id = $1 AND is_leaf ORDER BY ordinal`, [PLAN])
  ).rows;
  expect(tasks).toHaveLength(leaves);
  const submit = async (t: (typeof tasks)[number], key: string) =>
    sys.api.request('POST', `/tasks/${PLAN}/${t.code}/submit`, {
      token: await sys.api.login(`${t.lead_unit}.handler`),
      body: { note: '重启前后提交' },
      headers: { 'idempotency-key': key },
    });

  // Half the tasks get a submit before the stop; the stop lands while more are in flight.
  const before = new Map<string, number>();
  for (const t of tasks.slice(0, tasks.length / 2))
    before.set(t.id, (await submit(t, idempotencyKey('before'))).status);
  const versions = new Map<string, number>();
  for (const t of tasks) versions.set(t.id, (await sys.state(t.id)).version);
  const inFlight = tasks.slice(tasks.length / 2).map(async (t) => {
    const key = idempotencyKey('during');
    for (;;) {
      const res = await submit(t, key).catch(() => ({ status: 0 }));
      expect(res.status).not.toBe(500);
      if (res.status !== 503 && res.status !== 0) return res.status;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  });
  step('stopping the Temporal dev server');
  await sys.stack.stopTemporal();
  const down = await sys.api.request('GET', '/health');
  expect(down.status).toBe(503);
  await new Promise((r) => setTimeout(r, 5_000));
  await sys.stack.startTemporal();
  step('Temporal dev server started again on its SQLite file');
  // A worker that lost its server for good exits (apps/worker main.ts); a process manager restarts it.
  const workerExited = await Promise.race([
    sys.worker.exited.then(() => true),
    new Promise((r) => setTimeout(() => r(false), 3_000)),
  ]);
  if (workerExited) {
    step(
      `the worker exited while Temporal was down (${sys.worker.output().trim().split('\n').slice(-2).join(' | ')}); restarting it`,
    );
    await sys.restartWorker();
  }
  const after = await Promise.all(inFlight);
  step(`in-flight submits answered: ${JSON.stringify(after)}`);

  // Every workflow is there, at least as far as before the stop, and answers.
  for (const t of tasks) {
    const s = await sys.state(t.id);
    expect(s.version).toBeGreaterThanOrEqual(versions.get(t.id)!);
    expect(s.status).toBe('active');
  }
  // The submits on both sides of the restart were applied once each where accepted.
  const accepted = [...before.values(), ...after].filter((s) => s === 200).length;
  let submitted = 0;
  for (const t of tasks) submitted += (await sys.state(t.id)).events.filter((e) => e.action === 'submit').length;
  expect(submitted).toBe(accepted);
  expect(accepted).toBeGreaterThan(0);

  // The worker carried on (or the test says so), and the projection follows every workflow.
  await eventually(
    async () => {
      for (const t of tasks) {
        const { rows } = await sys.pg.query(`SELECT projected_version FROM task WHERE id = $1`, [t.id]);
        if (rows[0].projected_version !== (await sys.state(t.id)).version) return false;
      }
      return true;
    },
    180_000,
    2_000,
  );
  await eventually(async () => (await sys.api.request('GET', '/health')).status === 200, 60_000);
  expect(sys.appOutput()).not.toMatch(CRASH_PATTERN);
});
