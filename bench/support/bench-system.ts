import { Client as PgClient } from 'pg';
import { AppProcess } from '../../scripts/stack/app-process';
import { ThrowawayStack } from '../../scripts/stack/throwaway-stack';
import { ApiClient } from './api-client';
import { log, repoRoot } from './bench-kit';
import { NoopFloor } from './noop-floor';

/**
 * The whole system for one benchmark: its own Temporal dev server and embedded PostgreSQL on free
 * ports, the worker and API as separate processes (as in production), an API client, a PostgreSQL
 * client for reading the projection, and the no-op floor on the same server.
 */
export interface BenchSystem {
  stack: ThrowawayStack;
  worker: AppProcess;
  apiProcess: AppProcess;
  api: ApiClient;
  pg: PgClient;
  floor: NoopFloor;
  close(): Promise<void>;
}

/** Systems still running, stopped when the benchmark is interrupted (Ctrl-C, timeout). */
const open = new Set<() => Promise<void>>();

export async function startBenchSystem(
  bench: string,
  options: { workerEnv?: NodeJS.ProcessEnv; floorCache?: number } = {},
): Promise<BenchSystem> {
  const stack = new ThrowawayStack({ root: repoRoot() });
  const closing: (() => Promise<void>)[] = [() => stack.close()];
  const close = async () => {
    open.delete(close);
    for (const step of closing.reverse()) await step().catch((e: Error) => log(bench, `while closing: ${e.message}`));
  };
  open.add(close);
  try {
    log(bench, 'starting Temporal dev server and PostgreSQL');
    await stack.startServices();
    const worker = await stack.startWorker({ WORKER_LOG_LEVEL: 'ERROR', ...options.workerEnv });
    const apiProcess = await stack.startApi();
    log(bench, `worker (pid ${worker.pid}) and API up at ${stack.apiUrl}`);
    const pg = new PgClient({ connectionString: stack.databaseUrl });
    await pg.connect();
    closing.push(() => pg.end());
    const floor = await NoopFloor.start(stack.temporalAddress, options.floorCache);
    closing.push(() => floor.close());
    return { stack, worker, apiProcess, api: new ApiClient(stack.apiUrl), pg, floor, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs a benchmark body, always stopping its system; a failure exits non-zero. */
export function runBench(bench: string, body: () => Promise<void>): void {
  const started = Date.now();
  const interrupted = async (signal: string) => {
    log(bench, `${signal}: stopping`);
    for (const close of [...open]) await close();
    process.exit(130);
  };
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  body().then(
    () => {
      log(bench, `done in ${Math.round((Date.now() - started) / 1000)} s`);
      process.exit(0);
    },
    (error: Error) => {
      console.error(`${bench} failed: ${error.stack ?? error.message}`);
      process.exit(1);
    },
  );
}
