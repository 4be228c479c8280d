import { figure, log, replicatedPlan, round, scaled, sleepMs, waitUntil, writeResult } from './support/bench-kit';
import { runBench, startBenchSystem } from './support/bench-system';
import { CpuSplit } from './support/cpu-split';
import { importWithLaunches } from './support/import-with-launches';

/**
 * Issue 8, benchmarks 1 and 5. Fan-out: the bundled plan replicated to 10,000 leaf tasks, imported
 * by the service behind POST /plans/import (parse, one transaction, 10,000 workflow starts), with
 * every deadline moved two weeks ahead as for a plan imported at its year's start; tasks started per
 * second and time until every task is projected into PostgreSQL. Footprint: the worker's RSS once
 * those 10,000 workflows are open and held in its cache, per 1,000 workflows.
 * Floors: as many no-op workflows started the same way; the same number held open in a worker.
 * Run: npm run build && node --expose-gc dist/bench/fanout.bench.js   (BENCH_SCALE=0.05 for a quick check)
 */
const BENCH = 'fanout';
const TASKS = scaled(10_000, 50);
/** Every stage falls due two weeks after the run, an hour apart (within the calendar's data). */
const FIRST_DUE_IN_DAYS = 14;

runBench(BENCH, async () => {
  // The worker keeps every open workflow cached (default 2,000), so its RSS is the cost of all of them.
  const cache = String(TASKS + 1000);
  const sys = await startBenchSystem(BENCH, {
    workerEnv: { WORKER_MAX_CACHED_WORKFLOWS: cache },
    floorCache: TASKS + 1000,
  });
  try {
    log(BENCH, `floor: ${TASKS} no-op workflows, one activity each`);
    const floor = await sys.floor.fanOut(TASKS);
    log(BENCH, `floor: ${floor.startsPerSecond} starts/s, all ran in ${floor.allReachedMs} ms`);

    await sleepMs(3_000);
    const idleRss = sys.worker.rssBytes();
    const document = replicatedPlan(TASKS);
    const cpu = new CpuSplit({ worker: sys.worker.pid, api: sys.apiProcess.pid, bench: process.pid });
    log(BENCH, `importing a plan of ${(document.length / 1024).toFixed(0)} KiB`);
    const started = Date.now();
    // A plan is imported at the start of its year: every deadline ahead. (The bundled plan's own 2021
    // deadlines would make each task raise three escalations at start: that load is the timer storm's.)
    const firstDue = Date.now() + FIRST_DUE_IN_DAYS * 86_400_000;
    const result = await importWithLaunches(sys, document, 'bench-fanout', (input) => {
      input.stages = input.stages.map((st, i) =>
        st.dueAt ? { ...st, dueAt: new Date(firstDue + i * 3_600_000).toISOString() } : st,
      );
    });
    const importMs = Date.now() - started;
    const workflows = result.workflows;
    const leaves = result.counts.leaves;
    log(BENCH, `import answered in ${importMs} ms: ${workflows.started} workflows started`);
    let lastLog = 0;
    await waitUntil(
      'every task projected',
      async () => {
        const [{ n }] = (
          await sys.pg.query(`SELECT count(*)::int AS n FROM task WHERE is_leaf AND projected_version > 0`)
        ).rows;
        if (Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          log(BENCH, `${n}/${leaves} projected`);
        }
        return n >= leaves;
      },
      20 * 60_000,
      100,
    );
    const projectedMs = Date.now() - started;
    const cpuAtProjected = cpu.read();
    log(BENCH, `all ${leaves} projected ${projectedMs} ms after the import began; waiting for the worker to go quiet`);

    // The plan's deadlines (2021) have passed: each workflow also raises its late escalations. Wait
    // until no projection changes for 5 s before measuring memory.
    let last = -1;
    let stableSince = Date.now();
    await waitUntil(
      'projection quiet',
      async () => {
        const [{ v }] = (await sys.pg.query(`SELECT coalesce(sum(projected_version), 0)::bigint AS v FROM task`)).rows;
        if (Number(v) !== last) {
          last = Number(v);
          stableSince = Date.now();
        }
        return Date.now() - stableSince > 5_000;
      },
      20 * 60_000,
      500,
    );
    const quietMs = Date.now() - started;
    const cpuAtQuiet = cpu.read();
    const [{ notifications }] = (await sys.pg.query(`SELECT count(*)::int AS notifications FROM notification`)).rows;
    global.gc?.();
    const openRss = sys.worker.rssBytes();
    const workerMibPer1000 = round(((openRss - idleRss) / 2 ** 20 / leaves) * 1000, 2);
    log(
      BENCH,
      `worker RSS ${round(idleRss / 2 ** 20)} → ${round(openRss / 2 ** 20)} MiB with ${leaves} open workflows`,
    );

    log(BENCH, `floor: ${TASKS} open no-op workflows held in the benchmark's worker`);
    const floorFootprint = await sys.floor.footprint(TASKS);

    const startsPerSecond = round((leaves * 1000) / importMs);
    writeResult({
      bench: BENCH,
      title: `Fan-out: import and start ${leaves} leaf tasks`,
      figures: [
        figure(
          'tasks started per second (import request, incl. parse and DB write)',
          'tasks/s',
          startsPerSecond,
          floor.startsPerSecond,
          {
            comparator: '>=',
            value: 200,
          },
        ),
        figure('time until all tasks projected', 's', round(projectedMs / 1000), round(floor.allReachedMs / 1000)),
        figure('time until the worker is quiet (no projection change for 5 s)', 's', round(quietMs / 1000)),
      ],
      notes: [
        'Floor: the same number of no-op workflows started 32 at a time (as the importer does), each running one no-op activity (the analogue of the first projection).',
        `Deadlines moved ${FIRST_DUE_IN_DAYS} days ahead (a plan imported at its year's start), so no task is overdue at start; ${notifications} notification rows in the end. Imported by PlanImportService in the benchmark process (the code behind POST /plans/import, without HTTP).`,
        `CPU seconds until all were projected: ${JSON.stringify(cpuAtProjected)}; until quiet: ${JSON.stringify(cpuAtQuiet)}.`,
      ],
      details: { leaves, importMs, projectedMs, quietMs, workflows, floor, cpuAtProjected, cpuAtQuiet, notifications },
    });
    writeResult({
      bench: 'footprint',
      title: `Footprint: worker RSS with ${leaves} open, cached task workflows`,
      figures: [
        figure('worker RSS per 1,000 cached workflows', 'MiB', workerMibPer1000, floorFootprint.mibPer1000, {
          comparator: '<=',
          value: 60,
        }),
        figure('worker RSS, total', 'MiB', round(openRss / 2 ** 20), floorFootprint.rssAfterMiB),
      ],
      notes: [
        `Worker process RSS (/proc VmRSS) idle after start, then with all ${leaves} task workflows open and cached (WORKER_MAX_CACHED_WORKFLOWS=${cache}); measured in the fan-out run once the worker was quiet.`,
        `Floor: RSS growth of the benchmark process holding ${TASKS} open no-op workflows in its own worker cache.`,
      ],
      details: {
        workflows: leaves,
        idleRssMiB: round(idleRss / 2 ** 20),
        openRssMiB: round(openRss / 2 ** 20),
        floor: floorFootprint,
      },
    });
  } finally {
    await sys.close();
  }
});
