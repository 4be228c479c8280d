import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TaskQueryService } from '../apps/api/src/tasks/task-query.service';
import { DashboardService } from '../apps/api/src/dashboard/dashboard.service';
import { ActorRef } from '../libs/domain/src/access/actor';
import { dataSourceOptions } from '../libs/persistence/src/data-source-options';
import { startEmbeddedPostgres } from '../libs/persistence/src/embedded-postgres';

/**
 * Ledger (督办台账) and overview queries over N synthetic leaf tasks, through the same services the
 * API uses. Target (issue 5): ledger with filters, median under 50 ms at 10,000 tasks.
 * Run: npm run build && node dist/bench/ledger-query.bench.js [tasks]   (DATABASE_URL optional)
 */
const TASKS = Number(process.argv[2] ?? 10_000);
const RUNS = 200;
const UNITS = [
  'water-air',
  'ecology',
  'office',
  'general',
  'eia-radiation',
  'party-group',
  'enforcement',
  'party-branch',
  'monitoring',
];
const LIGHTS = ['green', 'yellow', 'red', 'none'];

async function main() {
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: join(tmpdir(), `duban-bench-pg-${process.pid}`), port: 55999 });
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
    await seed(ds);
    const tasks = new TaskQueryService(ds);
    const dashboard = new DashboardService(ds);
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

/** N leaf tasks spread over units, lights, statuses and due dates, inserted in one statement. */
async function seed(ds: DataSource) {
  await ds.query(
    `INSERT INTO task (id, plan_id, code, section_code, ordinal, is_leaf, title, body, kind, lead_unit, cooperating_units,
                       status, traffic_light, current_stage_key, next_due_at, escalation_level, projected_version)
     SELECT 'bench/' || i, 'bench', '1.' || i, '1', i, true,
            '任务' || i || (CASE WHEN i % 7 = 0 THEN '加强污染防治' ELSE '推进生态建设' END),
            '正文' || i || '：深入打好污染防治攻坚战，持续改善生态环境质量。',
            'annual', ($1::text[])[1 + i % 9], ARRAY[($1::text[])[1 + (i + 4) % 9]],
            CASE WHEN i % 10 = 0 THEN 'closed' ELSE 'active' END, ($2::text[])[1 + i % 4], 'plan',
            timestamptz '2021-03-01' + (i % 300) * interval '1 day', i % 4, 1
       FROM generate_series(1, $3) AS i`,
    [UNITS, LIGHTS, TASKS],
  );
  await ds.query('ANALYZE task');
}

async function time(query: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await query();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await query();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] * 100) / 100;
  return { runs: RUNS, p50Ms: at(0.5), p99Ms: at(0.99) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
