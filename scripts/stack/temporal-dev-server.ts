import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { devServerSearchAttributeArgs } from '@duban/temporal/search-attributes';
import { startDownloadedDevServer } from './downloaded-dev-server';
import { RunningService } from './running-service';
import { stopChild } from './stop-child';
import { resolveTemporalCli } from './temporal-cli-path';
import { waitForPort } from './wait-for-port';

export interface TemporalDevServerOptions {
  /** Project root, to find the provisioned CLI. */
  root: string;
  port: number;
  /** Web UI port; omitted → headless (tests). */
  uiPort?: number;
  /** SQLite file that keeps workflows across restarts; omitted → in memory. */
  dbFile?: string;
  namespace?: string;
  startTimeoutMs?: number;
}

/**
 * `temporal server start-dev` on 127.0.0.1 with our search attributes registered, ready when its
 * frontend port answers. Without a local CLI it falls back to the SDK's download (online machines).
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningService> {
  const cli = resolveTemporalCli(options.root);
  if (!cli) return startDownloadedDevServer(options);
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  args.push('--namespace', options.namespace ?? 'default', '--log-level', 'error');
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  args.push(...devServerSearchAttributeArgs());
  // Own process group: a terminal Ctrl-C reaches only the launcher, which stops Temporal last.
  const child = spawn(cli, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`cannot run ${cli}: ${e.message}`)));
    child.once('exit', (code) =>
      reject(new Error(`temporal dev server exited (code ${code}): ${stderr.join('').trim().slice(-2000)}`)),
    );
  });
  exited.catch(() => undefined);
  try {
    await waitForPort(options.port, '127.0.0.1', options.startTimeoutMs ?? 90_000, exited);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { name: 'temporal', address: `127.0.0.1:${options.port}`, stop: () => stopChild(child) };
}
