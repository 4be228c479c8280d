import { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { spawnApp, stopChild } from './stack/app-process';
import { ConfigError } from './stack/config-error';
import { startEmbeddedPostgres } from './stack/embedded-postgres-service';
import { assertPortFree, waitForPort } from './stack/ports';
import { dataPath, loadStackConfig } from './stack/stack-config';
import { RunningService, startTemporalDevServer } from './stack/temporal-dev-server';

/**
 * `npm start`: Temporal dev server (SQLite under .data/), embedded PostgreSQL (under .data/), the
 * worker and the API, in one command. External TEMPORAL_ADDRESS / DATABASE_URL replace the local
 * services. Ctrl-C stops everything, apps first; data stays for the next start.
 */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const config = loadStackConfig(process.env, root);
  const services: RunningService[] = [];
  const apps: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping…');
    await Promise.all(apps.map((c) => stopChild(c)));
    for (const s of services.reverse())
      await s.stop().catch((e: Error) => console.error(`[start] ${s.name}: ${e.message}`));
    console.log('[start] stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  await assertPortFree('API_PORT', config.apiPort);
  if (!config.temporal.external) {
    await assertPortFree('TEMPORAL_DEV_PORT', config.temporal.port);
    await assertPortFree('TEMPORAL_UI_PORT', config.temporal.uiPort);
  }
  if (!config.database.external) await assertPortFree('DUBAN_PG_PORT', config.database.port);

  console.log('[start] starting Temporal and PostgreSQL…');
  const [temporal, postgres] = await Promise.all([
    config.temporal.external
      ? Promise.resolve(null)
      : startTemporalDevServer({
          root,
          port: config.temporal.port,
          uiPort: config.temporal.uiPort,
          dbFile: dataPath(config, 'temporal.sqlite'),
        }),
    config.database.external
      ? Promise.resolve(null)
      : startEmbeddedPostgres({ dataDir: dataPath(config, 'postgres'), port: config.database.port }),
  ]).catch(async (error) => {
    await stopAll(1);
    throw error;
  });
  if (temporal) services.push(temporal);
  if (postgres) services.push(postgres);

  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: config.temporal.external ? config.temporal.address : temporal!.url,
    DATABASE_URL: config.database.external ? config.database.url : postgres!.url,
    DUBAN_DATA_DIR: config.dataDir,
    API_PORT: String(config.apiPort),
  };
  const dist = join(root, 'dist', 'apps');
  for (const [name, script] of [
    ['worker', join(dist, 'worker', 'src', 'main.js')],
    ['api', join(dist, 'api', 'src', 'main.js')],
  ] as const) {
    const child = spawnApp(name, script, env);
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`[start] ${name} exited with code ${code}; stopping everything`);
        void stopAll(1);
      }
    });
    apps.push(child);
  }
  await waitForPort(config.apiPort, '127.0.0.1', 120_000);
  const api = `http://127.0.0.1:${config.apiPort}`;
  console.log(`
[start] 督办台账 is up
  API             ${api}
  OpenAPI docs    ${api}/api/docs
  Dashboard       ${api}/
  Health          ${api}/health
  Temporal        ${env.TEMPORAL_ADDRESS}${config.temporal.external ? '' : `   Web UI http://127.0.0.1:${config.temporal.uiPort}`}
  PostgreSQL      ${config.database.external ? '(DATABASE_URL)' : `embedded, data in ${dataPath(config, 'postgres')}`}
Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`[start] configuration error: ${error.message}`);
  else console.error(`[start] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
