import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { LedgerFigures } from '@duban/persistence/repositories/ledger-figures';
import { DashboardService } from '../apps/api/src/dashboard/dashboard.service';
import { taskQueryOver } from '../apps/api/src/tasks/task-query-over';
import { ActorRef } from '@duban/domain/access/actor';
import { dataSourceOptions } from '@duban/persistence/data-source-options';
import { startEmbeddedPostgres } from '@duban/scripts/stack/embedded-postgres';
import { freePort } from '../scripts/stack/free-port';
import { figure, log, scaled, writeResult } from './support/bench-kit';
import { seedLedger, timeQuery } from './support/ledger-fixture';

/**
 * Issue 8, benchmark 4. Read side at 100,000 tasks: the ledger (督办台账) queries and the overview
 * aggregates through the services the API uses (TaskQueryService, DashboardService), on a migrated
 * embedded PostgreSQL. Floor: a `SELECT 1` round trip on the same connection pool.
 * Run: npm run build && node dist/bench/read-side.bench.js   (BENCH_SCALE=0.1 for a quick check)
 */
const BENCH = 'read-side';
const TASKS = scaled(100_000, 1_000);
const RUNS = scaled(200, 50);

async function main() {
  const base = mkdtempSync(join(tmpdir(), 'duban-bench-read-'));
  chmodSync(base, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: join(base, 'pg'), port: await freePort() });
  const ds = new DataSource({ ...dataSourceOptions(pg.url), migrationsRun: true });
  try {
    await ds.initialize();
    log(BENCH, `seeding ${TASKS} tasks`);
    await seedLedger(ds, TASKS);
    const tasks = taskQueryOver(ds);
    const dashboard = new DashboardService(new LedgerFigures(ds));
    const head: ActorRef = { userId: 'u', role: 'unit-head', unitCode: 'water-air' };
    const supervisor: ActorRef = { userId: 's', role: 'supervisor', unitCode: null };
    const floor = await timeQuery(() => ds.query('SELECT 1'), RUNS);
    const measured = {
      ledgerUnitHeadRedByDue: await timeQuery(
        () => tasks.list(head, { light: 'red', sort: 'dueAt', page: 1, pageSize: 20 }),
        RUNS,
      ),
      ledgerSupervisorTextSearch: await timeQuery(
        () => tasks.list(supervisor, { q: '污染', page: 3, pageSize: 50 }),
        RUNS,
      ),
      ledgerSupervisorUnitStatus: await timeQuery(
        () =>
          tasks.list(supervisor, {
            unit: 'ecology',
            unitRole: 'lead',
            status: 'active',
            sort: 'escalation',
            order: 'desc',
          }),
        RUNS,
      ),
      overviewSupervisor: await timeQuery(() => dashboard.overview(supervisor), RUNS),
      overviewUnitHead: await timeQuery(() => dashboard.overview(head), RUNS),
    };
    const target = { comparator: '<=' as const, value: 50 };
    writeResult({
      bench: BENCH,
      title: `Read side: ledger and overview at ${TASKS} tasks`,
      figures: [
        figure(
          'ledger, unit head, red tasks by due date, p50',
          'ms',
          measured.ledgerUnitHeadRedByDue.p50,
          floor.p50,
          target,
        ),
        figure('ledger, unit head, red tasks by due date, p99', 'ms', measured.ledgerUnitHeadRedByDue.p99, floor.p99),
        figure(
          'ledger, supervisor, Chinese text search, p50',
          'ms',
          measured.ledgerSupervisorTextSearch.p50,
          floor.p50,
          target,
        ),
        figure(
          'ledger, supervisor, Chinese text search, p99',
          'ms',
          measured.ledgerSupervisorTextSearch.p99,
          floor.p99,
        ),
        figure(
          'ledger, supervisor, unit + status by escalation, p50',
          'ms',
          measured.ledgerSupervisorUnitStatus.p50,
          floor.p50,
          target,
        ),
        figure(
          'ledger, supervisor, unit + status by escalation, p99',
          'ms',
          measured.ledgerSupervisorUnitStatus.p99,
          floor.p99,
        ),
        figure('overview aggregates, supervisor, p50', 'ms', measured.overviewSupervisor.p50, floor.p50),
        figure('overview aggregates, supervisor, p99', 'ms', measured.overviewSupervisor.p99, floor.p99),
        figure('overview aggregates, unit head, p50', 'ms', measured.overviewUnitHead.p50, floor.p50),
      ],
      notes: [
        'Floor: `SELECT 1` through the same TypeORM data source (a read has no Temporal part).',
        'Rows are inserted by SQL (9 units, 4 lights, 10% closed, due dates over 300 days), then ANALYZE; each query is run 20 times untimed first.',
      ],
      details: { tasks: TASKS, runs: RUNS, floor, ...measured },
    });
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await pg.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
