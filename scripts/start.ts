import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError } from '@duban/domain/errors/config-error';
import { dataSourceOptions } from '@duban/persistence/data-source-options';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { DEFAULT_DEMO_PASSWORD } from '../apps/api/src/seed/seed-config';
import { demoAccountsTable } from './stack/demo-accounts-table';
import { assertPortFree } from './stack/port-availability';
import { startPostgresService } from './stack/postgres-service';
import { ProcessSupervisor } from './stack/process-supervisor';
import { RunningService } from './stack/running-service';
import { loadStackConfig, StackConfig } from './stack/stack-config';
import { removeStackFile, stackFilePath, writeStackFile } from './stack/stack-file';
import { startTemporalDevServer } from './stack/temporal-dev-server';
import { waitForPort } from './stack/wait-for-port';

const log = (message: string) => console.log(`[start] ${message}`);
const root = resolve(__dirname, '..', '..');

/** Services in start order; stopped in reverse after the apps. */
const services: RunningService[] = [];
let shuttingDown: Promise<void> | undefined;
/** The data folder once the stack file is written (removed again on the way down). */
let started: string | undefined;
let appFailed: (error: Error) => void = () => undefined;
const appFailure = new Promise<never>((_, reject) => (appFailed = reject));
appFailure.catch(() => undefined);

const supervisor = new ProcessSupervisor(({ name, code, signal, lastLines }) => {
  // The line that says what went wrong (an error or "failed to start" line), else the last one.
  const lines = lastLines.filter((l) => l.trim());
  const detail = (lines.find((l) => /error|failed|cannot|unreachable/i.test(l)) ?? lines.at(-1) ?? '').trim();
  const why = `${name} exited (${signal ?? `code ${code}`})${detail ? `: ${detail}` : ''}`;
  appFailed(new Error(why));
  void shutdown(1, `${why}; stopping everything`);
});

/** Apps first (they hold connections), then PostgreSQL, then Temporal; once, whoever asks first. */
function shutdown(code: number, why?: string): Promise<void> {
  shuttingDown ??= (async () => {
    if (why) console.error(`[start] ${why}`);
    if (started) removeStackFile(started);
    const anything = services.length > 0 || supervisor.size > 0;
    if (anything) log('stopping…');
    await supervisor.stopAll();
    for (const service of [...services].reverse()) {
      await service.stop().catch((e: Error) => console.error(`[start] stopping ${service.name}: ${e.message}`));
    }
    if (anything) log('stopped');
    process.exit(code);
  })();
  return shuttingDown;
}

/**
 * `npm start`: Temporal dev server (SQLite under .data/), embedded PostgreSQL (under .data/), then
 * the worker and the API as child processes. TEMPORAL_ADDRESS / DATABASE_URL replace the local
 * services. SIGINT/SIGTERM stop everything; the data stays for the next start.
 */
async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const config = loadStackConfig(process.env, root);
  await checkPorts(config);

  if (config.temporalDev) {
    log(`starting Temporal dev server on ${config.temporal.address} (data ${config.temporalDev.dbFile})…`);
    services.push(
      await startTemporalDevServer({
        root,
        port: config.temporalDev.port,
        uiPort: config.temporalDev.uiPort,
        dbFile: config.temporalDev.dbFile,
        namespace: config.temporal.namespace,
      }),
    );
  } else log(`using Temporal at ${config.temporal.address} (TEMPORAL_ADDRESS)`);

  let databaseUrl: string;
  if (config.database.kind === 'embedded') {
    log(`starting embedded PostgreSQL on 127.0.0.1:${config.database.port} (data ${config.database.dataDir})…`);
    const pg = await startPostgresService(config.database);
    services.push(pg);
    databaseUrl = pg.address;
  } else {
    log('using PostgreSQL at DATABASE_URL');
    databaseUrl = config.database.url;
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: config.temporal.address,
    TEMPORAL_NAMESPACE: config.temporal.namespace,
    TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
    DATABASE_URL: databaseUrl,
    DUBAN_DATA_DIR: config.dataDir,
    API_PORT: String(config.apiPort),
    // The apps' stdout is a pipe to this process: pretty lines when this one talks to a terminal.
    LOG_FORMAT: process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
  };
  const apps = join(root, 'dist', 'apps');
  supervisor.startNode('worker', join(apps, 'worker', 'src', 'main.js'), env);
  supervisor.startNode('api', join(apps, 'api', 'src', 'main.js'), env);
  await waitForPort(config.apiPort, '127.0.0.1', 180_000, appFailure);
  writeStackFile(config.dataDir, {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    apiUrl: `http://127.0.0.1:${config.apiPort}`,
    temporalAddress: config.temporal.address,
    temporalNamespace: config.temporal.namespace,
    temporalTaskQueue: config.temporal.taskQueue,
    databaseUrl,
  });
  started = config.dataDir;
  printUrls(config);
  await printDemoAccounts(databaseUrl);
}

/** Every port before anything starts: one message naming the setting to change. */
async function checkPorts(config: StackConfig): Promise<void> {
  await assertPortFree('API_PORT', config.apiPort);
  if (config.temporalDev) {
    await assertPortFree('TEMPORAL_DEV_PORT', config.temporalDev.port);
    await assertPortFree('TEMPORAL_UI_PORT', config.temporalDev.uiPort);
  }
  if (config.database.kind === 'embedded') await assertPortFree('DUBAN_PG_PORT', config.database.port);
}

function printUrls(config: StackConfig): void {
  const api = `http://127.0.0.1:${config.apiPort}`;
  const pg = config.database.kind === 'embedded' ? `embedded, 127.0.0.1:${config.database.port}` : 'DATABASE_URL';
  const lines = [
    '',
    '[start] 督办台账 duban is up',
    `  API               ${api}`,
    `  OpenAPI docs      ${api}/api/docs`,
    `  Dashboard         ${api}/`,
    `  Temporal          ${config.temporal.address} (namespace ${config.temporal.namespace})`,
    ...(config.temporalDev ? [`  Temporal Web UI   http://127.0.0.1:${config.temporalDev.uiPort}`] : []),
    `  PostgreSQL        ${pg}`,
    `  Data              ${config.dataDir}`,
    `  For the CLI       ${stackFilePath(config.dataDir)} (npm run plan -- import FILE finds the services there)`,
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));
}

/** A bureau's first start (demo accounts off, no admin yet): what to do next, asked of nobody. */
const FIRST_ADMIN_HOWTO = `
还没有管理员账号 no admin account yet. 创建第一个管理员（另开一个终端）:
  npm run admin:create -- <用户名>        （随后输入密码；或先设置 DUBAN_ADMIN_PASSWORD）
或在启动前设置 DUBAN_ADMIN_USERNAME 和 DUBAN_ADMIN_PASSWORD。然后用该账号登录网页，
在「管理」中建立单位、导入人员名单；步骤见 docs/管理员手册.md。`;

/** How to sign in, last, so the start-up log does not bury it: the active demo accounts, or how to make an admin. */
async function printDemoAccounts(databaseUrl: string): Promise<void> {
  const db = new DataSource(dataSourceOptions(databaseUrl));
  try {
    await db.initialize();
    const users = new UserRepository(db);
    if ((await users.activeAdminCount()) === 0) {
      console.log(FIRST_ADMIN_HOWTO);
      return;
    }
    const accounts = await users.activeDemoAccounts();
    if (accounts.length === 0) return;
    const names = new Map((await new UnitRepository(db).all()).map((u) => [u.code, u.name]));
    const named = accounts.map((a) => ({
      ...a,
      unitCode: a.unitCode ? (names.get(a.unitCode) ?? a.unitCode) : null,
      deputyUnits: a.deputyUnits.map((c) => names.get(c) ?? c),
    }));
    const password = process.env.DUBAN_DEMO_PASSWORD ? '（DUBAN_DEMO_PASSWORD 的值）' : DEFAULT_DEMO_PASSWORD;
    console.log(
      `\n演示账号 demo accounts（密码 ${password}；DUBAN_DEMO_ACCOUNTS=off 停用）:\n${demoAccountsTable(named)}`,
    );
  } catch (error) {
    log(`could not list the demo accounts: ${(error as Error).message}`);
  } finally {
    if (db.isInitialized) await db.destroy();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // Whatever already started is stopped before exiting non-zero.
  void shutdown(1, error instanceof ConfigError ? `configuration error: ${message}` : `failed: ${message}`);
});
