import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { taskQueryOver } from '../apps/api/src/tasks/task-query-over';
import { LedgerFigures } from '@duban/persistence/repositories/ledger-figures';
import { DashboardService } from '../apps/api/src/dashboard/dashboard.service';
import { ActorRef } from '@duban/domain/access/actor';
import { dataSourceOptions } from '@duban/persistence/data-source-options';
import { startEmbeddedPostgres } from '@duban/scripts/stack/embedded-postgres';
import { freePort } from '../scripts/stack/free-port';
import { seedLedger, timeQuery } from './support/ledger-fixture';

/**
 * Ledger (督办台账) and overview queries over N synthetic leaf tasks, through the same services the
 * API uses. Target (issue 5): ledger with filters, median under 50 ms at 10,000 tasks.
 * Run: npm run build && node dist/bench/ledger-query.bench.js [tasks]   (DATABASE_URL optional)
 */
const TASKS = Number(process.argv[2] ?? 10_000);
const RUNS = 200;
/** Timed runs of one query, in the figures' historical shape. */
const time = async (query: () => Promise<unknown>) => {
  const p = await timeQuery(query, RUNS);
  return { runs: RUNS, p50Ms: p.p50, p99Ms: p.p99 };
};
async function main() {
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: join(tmpdir(), `duban-bench-pg-${process.pid}`), port: await freePort() });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `bench_ledger_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const ds = new DataSource({ ...dataSourceOptions(url.toString()), migrationsRun: true });
  await ds.initialize();
  try {
    await seedLedger(ds, TASKS);
    const tasks = taskQueryOver(ds);
    const dashboard = new DashboardService(new LedgerFigures(ds));
    const head: ActorRef = { userId: 'u', role: 'unit-head', unitCode: 'water-air' };
    const supervisor: ActorRef = { userId: 's', role: 'supervisor', unitCode: null };
    const results = {
      tasks: TASKS,
      ledgerUnitHeadFiltered: await time(() =>
        tasks.list(head, { light: 'red', sort: 'dueAt', page: 1, pageSize: 20 }),
      ),
      ledgerSupervisorTextSearch: await time(() => tasks.list(supervisor, { q: '污染', page: 3, pageSize: 50 })),
      ledgerSupervisorUnitStatus: await time(() =>
        tasks.list(supervisor, {
          unit: 'ecology',
          unitRole: 'lead',
          status: 'active',
          sort: 'escalation',
          order: 'desc',
        }),
      ),
      overviewSupervisor: await time(() => dashboard.overview(supervisor)),
    };
    const out = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'ledger-query.json'),
      `${JSON.stringify({ ...results, measuredAt: new Date().toISOString() }, null, 2)}\n`,
    );
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await ds.destroy();
    await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
