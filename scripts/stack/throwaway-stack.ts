import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, startAppProcess } from './app-process';
import { freePort } from './free-port';
import { startPostgresService } from './postgres-service';
import { RunningService } from './running-service';
import { startTemporalDevServer } from './temporal-dev-server';

export interface ThrowawayStackOptions {
  /** Project root (for the provisioned Temporal CLI and dist/). */
  root: string;
  /** Keep Temporal state in a SQLite file, so the dev server can be stopped and restarted. */
  temporalSqlite?: boolean;
}

/**
 * A whole duban system on free ports in a temp directory, for benchmarks and fault tests: Temporal
 * dev server, embedded PostgreSQL, and the worker and API as separate OS processes (built dist/).
 * Every part can be stopped and started again on the same port and data.
 */
export class ThrowawayStack {
  readonly base: string;
  readonly taskQueue = 'duban-tasks';
  temporal?: RunningService;
  postgres?: RunningService & { adminUrl: string };
  temporalPort = 0;
  pgPort = 0;
  apiPort = 0;
  private readonly apps = new Set<AppProcess>();

  constructor(private readonly options: ThrowawayStackOptions) {
    this.base = mkdtempSync(join(tmpdir(), 'duban-stack-'));
    // The embedded server runs as the `postgres` user when we are root: it must reach its data dir.
    chmodSync(this.base, 0o755);
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.temporalPort}`;
  }

  get databaseUrl(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.pgPort}/duban`;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async startServices(): Promise<void> {
    this.temporalPort ||= await freePort();
    this.pgPort ||= await freePort();
    this.apiPort ||= await freePort();
    await Promise.all([this.startTemporal(), this.startPostgres()]);
  }

  async startTemporal(): Promise<void> {
    this.temporal = await startTemporalDevServer({
      root: this.options.root,
      port: this.temporalPort,
      dbFile: this.options.temporalSqlite ? join(this.base, 'temporal.sqlite') : undefined,
    });
  }

  async stopTemporal(): Promise<void> {
    await this.temporal?.stop();
    this.temporal = undefined;
  }

  async startPostgres(): Promise<void> {
    this.postgres = await startPostgresService({ dataDir: join(this.base, 'postgres'), port: this.pgPort });
  }

  async stopPostgres(): Promise<void> {
    await this.postgres?.stop();
    this.postgres = undefined;
  }

  /** Environment of the worker and API processes. */
  appEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: this.temporalAddress,
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      DUBAN_DATA_DIR: join(this.base, 'data'),
      API_PORT: String(this.apiPort),
      API_HOST: '127.0.0.1',
      ...extra,
    };
  }

  async startWorker(extra: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    return this.track(
      await startAppProcess({
        name: 'worker',
        script: join(this.options.root, 'dist', 'apps', 'worker', 'src', 'main.js'),
        env: this.appEnv(extra),
        readyPattern: /polling task queue/,
      }),
    );
  }

  async startApi(extra: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    return this.track(
      await startAppProcess({
        name: 'api',
        script: join(this.options.root, 'dist', 'apps', 'api', 'src', 'main.js'),
        env: this.appEnv(extra),
        readyPattern: /API listening/,
      }),
    );
  }

  /** Stops the apps, then PostgreSQL and Temporal, and deletes the temp directory. */
  async close(): Promise<void> {
    for (const app of this.apps) await app.kill('SIGTERM').catch(() => undefined);
    await this.stopPostgres().catch(() => undefined);
    await this.stopTemporal().catch(() => undefined);
    rmSync(this.base, { recursive: true, force: true });
  }

  private track(app: AppProcess): AppProcess {
    this.apps.add(app);
    void app.exited.then(() => this.apps.delete(app));
    return app;
  }
}
