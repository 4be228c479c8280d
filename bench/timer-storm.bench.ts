import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';

import {
  figure,
  log,
  percentiles,
  replicatedPlan,
  round,
  scaled,
  sleepMs,
  waitUntil,
  writeResult,
} from './support/bench-kit';
import { runBench, startBenchSystem } from './support/bench-system';
import { CpuSplit } from './support/cpu-split';
import { importWithLaunches } from './support/import-with-launches';
import { getStateQuery } from '@duban/domain/task/task-messages';

/**
 * Issue 8, benchmark 3. Timer storm: 5,000 task workflows whose reminder (催办) is due at the same
 * instant, on a real-time dev server; lag from that instant to the inbox row (notification table),
 * p50/p99, and reminders lost or doubled.
 *
 * How the reminders come to be due at one instant, through the real launch path: the plan is
 * imported by the real PlanImportService and TemporalTaskWorkflowStarter, with the real launch factory
 * wrapped so that each task's first stage is due at the end of today (Shanghai) and its reminder
 * policy is the plan-owner override the input already supports: one reminder, 0 workdays before the
 * due day, at the storm's hh:mm (TaskPolicy.sendAt). The workflow is the production one, unchanged.
 * Run: npm run build && node dist/bench/timer-storm.bench.js   (BENCH_SCALE=0.05 for a quick check)
 */
const BENCH = 'timer-storm';
const TASKS = scaled(5_000, 50);
const SHANGHAI_MS = 8 * 3_600_000;

runBench(BENCH, async () => {
  const sys = await startBenchSystem(BENCH, { workerEnv: { WORKER_MAX_CACHED_WORKFLOWS: String(TASKS + 1000) } });
  const connection = await Connection.connect({ address: sys.stack.temporalAddress });
  try {
    log(BENCH, `floor: ${TASKS} no-op workflows sleeping until one instant`);
    const floor = await sys.floor.timerStorm(TASKS, 20_000 + TASKS * 5);
    log(BENCH, `floor: lag p50 ${floor.lagMs.p50} ms, p99 ${floor.lagMs.p99} ms, lost ${floor.lost}`);

    // Every workflow must have planned its timers before the instant (a reminder whose time has
    // passed when its stage opens is skipped by design), so leave time for the whole fan-out.
    const leadMs = Number(process.env.BENCH_TIMER_LEAD_S ?? 60 + TASKS * 0.1) * 1000;
    const at = Math.ceil((Date.now() + leadMs) / 60_000) * 60_000;
    const local = new Date(at + SHANGHAI_MS);
    const dueAt = new Date(
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 23, 59, 0) - SHANGHAI_MS,
    ).toISOString();
    const sendAt = { hour: local.getUTCHours(), minute: local.getUTCMinutes() };
    if (sendAt.hour === 23 && sendAt.minute >= 59)
      throw new Error('run again in a minute: the storm would fall at midnight Shanghai');
    log(
      BENCH,
      `storm instant ${new Date(at).toISOString()} (${sendAt.hour}:${String(sendAt.minute).padStart(2, '0')} Shanghai); importing`,
    );
    const result = await importWithLaunches(sys, replicatedPlan(TASKS), 'bench-storm', (input) => {
      input.stages[0] = { ...input.stages[0], dueAt };
      input.policy = { ...input.policy, reminderOffsets: [0], sendAt };
    });
    const tasks = result.counts.leaves;
    log(BENCH, `${result.workflows.started} workflows started; waiting for every timer to be planned`);
    await waitUntil(
      'every task projected with its reminder planned',
      async () => {
        const [{ n }] = (
          await sys.pg.query(`SELECT count(*)::int AS n FROM task WHERE is_leaf AND projected_version > 0`)
        ).rows;
        return n >= tasks;
      },
      Math.max(0, at - Date.now()),
      250,
    );
    const spareMs = at - Date.now();
    log(BENCH, `all ${tasks} planned ${round(spareMs / 1000)} s before the instant; waiting for the storm`);
    await sleepMs(Math.max(0, spareMs));
    const cpu = new CpuSplit({ worker: sys.worker.pid, api: sys.apiProcess.pid, bench: process.pid });
    // A late reminder is not a lost one: wait while rows keep coming (the floor itself needs minutes
    // on this machine), and call the rest lost only after a minute without a new row.
    let seen = -1;
    let progressAt = Date.now();
    await waitUntil(
      'a reminder row for every task (or a minute without a new one)',
      async () => {
        const [{ n }] = (
          await sys.pg.query(`SELECT count(DISTINCT task_id)::int AS n FROM notification WHERE kind = 'reminder'`)
        ).rows;
        if (n !== seen) [seen, progressAt] = [n, Date.now()];
        return n >= tasks || Date.now() - progressAt > 60_000;
      },
      20 * 60_000,
      250,
    ).catch((error: Error) => log(BENCH, error.message));
    const cpuSplit = cpu.read();
    await sleepMs(5_000); // a doubled reminder would show up now
    const rows = (
      await sys.pg.query(
        `SELECT task_id, count(DISTINCT dedup_key)::int AS keys, count(*)::int AS rows,
                extract(epoch FROM min(created_at)) * 1000 AS first_ms
           FROM notification WHERE kind = 'reminder' GROUP BY task_id`,
      )
    ).rows as { task_id: string; keys: number; rows: number; first_ms: string }[];
    const events = (
      await sys.pg.query(
        `SELECT task_id, count(*)::int AS n FROM task_event WHERE action = 'reminder' GROUP BY task_id HAVING count(*) > 1`,
      )
    ).rows;
    const lags = rows.map((r) => Number(r.first_ms) - at);
    const lost = tasks - rows.length;
    const doubled = rows.filter((r) => r.keys > 1).length + events.length;
    const lag = percentiles(lags);
    if (lost > 0) {
      // Show why: the timer state of one task without a reminder row, as its workflow sees it.
      const have = new Set(rows.map((r) => r.task_id));
      const [{ id }] = (
        await sys.pg.query(`SELECT id FROM task WHERE is_leaf AND plan_id = 'bench-storm'`)
      ).rows.filter((r: { id: string }) => !have.has(r.id));
      try {
        const state = await new Client({ connection }).workflow.getHandle(id).query(getStateQuery);
        const stage = state.stages.find((st) => st.key === state.currentStageKey);
        log(
          BENCH,
          `lost example ${id}: stage ${stage?.key} ${stage?.status} due ${stage?.dueAt} reminders ${JSON.stringify(stage?.reminders)}`,
        );
      } catch (error) {
        log(BENCH, `lost example ${id}: its state could not be queried (${(error as Error).message})`);
      }
    }
    writeResult({
      bench: BENCH,
      title: `Timer storm: ${tasks} reminders due at one instant`,
      figures: [
        figure('lag from due instant to inbox row, p50', 'ms', lag.p50, floor.lagMs.p50),
        figure('lag from due instant to inbox row, p99', 'ms', lag.p99, floor.lagMs.p99, {
          comparator: '<=',
          value: 5_000,
        }),
        figure('reminders lost', 'count', lost, floor.lost, { comparator: '=', value: 0 }),
        figure('reminders doubled', 'count', doubled, floor.doubled, { comparator: '=', value: 0 }),
      ],
      notes: [
        'Floor: the same number of no-op workflows sleeping until one instant, then running one no-op activity in the benchmark process; lag to that activity.',
        `Per task: one reminder (handler and unit head of the lead unit: ${rows[0]?.rows ?? 0} inbox rows). Lost = tasks without a reminder row; doubled = tasks with more than one reminder dedup key or more than one 'reminder' event in task_event.`,
        `CPU seconds from the instant until every row was written: ${JSON.stringify(cpuSplit)}.`,
      ],
      details: {
        tasks,
        instant: new Date(at).toISOString(),
        plannedSpareMs: spareMs,
        lag,
        lost,
        doubled,
        floor,
        cpuSplit,
      },
    });
  } finally {
    await connection.close().catch(() => undefined);
    await sys.close();
  }
});
