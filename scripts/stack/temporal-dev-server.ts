import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SEARCH_ATTRIBUTES } from '../../libs/temporal/src/search-attributes';
import { waitForPort } from './ports';

export interface TemporalDevServerOptions {
  port: number;
  /** Web UI port; omitted → headless (tests). */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; omitted → in memory. */
  dbFile?: string;
  namespace?: string;
  root: string;
}

export interface RunningService {
  name: string;
  url: string;
  stop(): Promise<void>;
}

/** The temporal CLI that scripts/provision.sh found or built. */
export function temporalCliPath(root: string): string {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const manifest = join(root, '.tools', 'provisioned.json');
  if (existsSync(manifest)) {
    const path = JSON.parse(readFileSync(manifest, 'utf8')).temporalCli?.path as string | undefined;
    if (path && existsSync(path)) return path;
  }
  const local = join(root, '.tools', 'bin', 'temporal');
  if (existsSync(local)) return local;
  return 'temporal';
}

/** Starts `temporal server start-dev` with our search attributes registered, and waits for it. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningService> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    options.namespace ?? 'default',
    '--log-level',
    'error',
  ];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  const child = spawn(temporalCliPath(options.root), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`temporal dev server exited (${code}): ${stderr.join('').slice(-2000)}`)),
    ),
  );
  child.once('error', () => undefined);
  await Promise.race([waitForPort(options.port, '127.0.0.1', 90_000), exited]);
  return {
    name: 'temporal',
    url: `127.0.0.1:${options.port}`,
    stop: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL if the process has not exited after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
