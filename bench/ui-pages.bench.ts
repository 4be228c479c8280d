import 'reflect-metadata';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RunningService } from '../scripts/stack/running-service';
import { freePort } from '../scripts/stack/free-port';
import { startPostgresService } from '../scripts/stack/postgres-service';
import { startTemporalDevServer } from '../scripts/stack/temporal-dev-server';

/**
 * Server-side render time of the web pages (issue 6): full HTTP round trips of /ui/overview and
 * /ui/ledger as a supervisor (session cookie, as a browser sends it) over 10,000 leaf tasks with
 * stages and escalations, through the real API app (guards, services, HTML rendering).
 * Target: median under 200 ms for both pages.
 * Run: npm run build && node dist/bench/ui-pages.bench.js [tasks]
 *      (TEMPORAL_ADDRESS / DATABASE_URL optional; otherwise a dev server and an embedded PostgreSQL are started)
 */
const TASKS = Number(process.argv[2] ?? 10_000);
const RUNS = 100;
const WARMUP = 15;
const TARGET_P50_MS = 200;
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

async function seed(ds: DataSource, tasks: number): Promise<void> {
  await ds.query(
    `INSERT INTO plan (id, title, year, content_hash, tree) VALUES ('bench', '基准测试工作要点', 2021, repeat('0', 64), '{"sections":[],"warnings":[]}')`,
  );
  await ds.query(
    `INSERT INTO task (id, plan_id, code, section_code, ordinal, is_leaf, title, body, kind, lead_unit, cooperating_units,
                       status, traffic_light, current_stage_key, current_stage_name, current_stage_status, next_due_at,
                       escalation_level, projected_version)
     SELECT 'bench/1.' || i, 'bench', '1.' || i, '1', i, true,
            '任务' || i || (CASE WHEN i % 7 = 0 THEN '加强污染防治' ELSE '推进生态建设' END),
            '正文' || i || '：深入打好污染防治攻坚战，持续改善生态环境质量。',
            'annual', ($1::text[])[1 + i % 9], ARRAY[($1::text[])[1 + (i + 4) % 9]],
            CASE WHEN i % 10 = 0 THEN 'closed' ELSE 'active' END,
            (ARRAY['green','yellow','red','none'])[1 + i % 4], 'progress', '季度进展', 'open',
            timestamptz '2021-03-01' + (i % 300) * interval '1 day', i % 4, 1
       FROM generate_series(1, $2) AS i`,
    [UNITS, tasks],
  );
  // Two stages per task, the first one completed on a spread of weeks (the completions chart).
  await ds.query(
    `INSERT INTO task_stage (task_id, key, seq, name, status, owner_unit, due_at, completed_at)
     SELECT 'bench/1.' || i, s.key, s.seq, s.name, CASE WHEN s.seq = 1 THEN 'approved' ELSE 'open' END,
            ($1::text[])[1 + i % 9], timestamptz '2021-03-01' + (i % 300 + s.seq * 30) * interval '1 day',
            CASE WHEN s.seq = 1 THEN timestamptz '2021-03-01' + (i % 280) * interval '1 day' END
       FROM generate_series(1, $2) AS i,
            (VALUES (1, 'plan', '工作方案'), (2, 'progress', '季度进展')) AS s(seq, key, name)`,
    [UNITS, tasks],
  );
  await ds.query(
    `INSERT INTO escalation (task_id, stage_key, level, to_role, unit_code, raised_at)
     SELECT 'bench/1.' || i, 'progress', l, (ARRAY['unit-head','deputy-director','supervisor'])[l], ($1::text[])[1 + i % 9],
            timestamptz '2021-06-01' + l * interval '2 days'
       FROM generate_series(1, $2) AS i, generate_series(1, 3) AS l
      WHERE i % 4 >= l`,
    [UNITS, tasks],
  );
  await ds.query('ANALYZE');
}

async function timed(url: string, cookie: string): Promise<{ p50: number; p95: number; bytes: number }> {
  let bytes = 0;
  const once = async () => {
    const started = process.hrtime.bigint();
    const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const text = await res.text();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text.slice(0, 300)}`);
    bytes = text.length;
    return ms;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once());
  samples.sort((a, b) => a - b);
  const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), bytes };
}

async function main() {
  const root = resolve(__dirname, '..', '..');
  const base = mkdtempSync(join(tmpdir(), 'duban-bench-ui-'));
  chmodSync(base, 0o755);
  const services: RunningService[] = [];
  try {
    if (!process.env.TEMPORAL_ADDRESS) {
      const temporal = await startTemporalDevServer({ root, port: await freePort() });
      services.push(temporal);
      process.env.TEMPORAL_ADDRESS = temporal.address;
    }
    let serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      const pg = await startPostgresService({ dataDir: join(base, 'pg'), port: await freePort() });
      services.push(pg);
      serverUrl = pg.address;
    }
    const dbName = `bench_ui_${process.pid}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    process.env.DATABASE_URL = url.toString();
    process.env.DUBAN_DATA_DIR = join(base, 'data');
    process.env.TEMPORAL_TASK_QUEUE = `bench-ui-${process.pid}`;
    // Imported after the environment is set: the app reads its configuration when built.
    const { createApiApp } = await import('../apps/api/src/create-api-app');
    const app = await createApiApp();
    try {
      await seed(app.get(DataSource), TASKS);
      await app.listen(0, '127.0.0.1');
      const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const login = await fetch(`${origin}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'supervisor',
          password: process.env.DUBAN_DEMO_PASSWORD ?? 'duban-demo-2021',
        }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const cookie = `duban_at=${accessToken}`;
      const pages = {
        overview: await timed(`${origin}/ui/overview`, cookie),
        ledger: await timed(`${origin}/ui/ledger`, cookie),
        ledgerSearchRedByDue: await timed(
          `${origin}/ui/ledger?q=${encodeURIComponent('污染')}&light=red&sort=dueAt`,
          cookie,
        ),
        escalations: await timed(`${origin}/ui/escalations`, cookie),
      };
      const results = {
        tasks: TASKS,
        runs: RUNS,
        targetP50Ms: TARGET_P50_MS,
        pages,
        pass: pages.overview.p50 < TARGET_P50_MS && pages.ledger.p50 < TARGET_P50_MS,
        machine: { cpus: cpus().length, node: process.version },
        measuredAt: new Date().toISOString(),
      };
      const out = join(root, 'bench', 'results');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'ui-pages.json'), `${JSON.stringify(results, null, 2)}\n`);
      console.log(JSON.stringify(results, null, 2));
      if (!results.pass) process.exitCode = 1;
    } finally {
      await app.close();
      await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  } finally {
    for (const s of services.reverse()) await s.stop().catch((e: Error) => console.error(e.message));
    rmSync(base, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
