import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { ApiClient } from '@duban/bench/support/api-client';
import { replicatedPlan } from '@duban/bench/support/bench-kit';
import { AppProcess } from '@duban/scripts/stack/app-process';
import { ThrowawayStack } from '@duban/scripts/stack/throwaway-stack';
import { TaskSnapshot } from '@duban/domain/task/task-types';
import { getStateQuery } from '@duban/domain/task/task-messages';

const ROOT = resolve(__dirname, '..', '..', '..');

/**
 * The whole system for one fault test, as separate OS processes so each part can be killed or
 * stopped: Temporal dev server keeping state in SQLite, embedded PostgreSQL, worker and API from
 * dist/ (npm run test:faults builds first).
 */
export class FaultSystem {
  readonly stack = new ThrowawayStack({ root: ROOT, temporalSqlite: true });
  worker!: AppProcess;
  apiProcess!: AppProcess;
  api!: ApiClient;
  /** Reconnects by itself after a PostgreSQL outage. */
  pg!: Pool;
  temporal!: Client;
  private connection?: Connection;

  constructor(private readonly workerEnv: NodeJS.ProcessEnv = {}) {}

  async start(): Promise<void> {
    await this.stack.startServices();
    this.worker = await this.stack.startWorker(this.workerEnv);
    this.apiProcess = await this.stack.startApi({ ACTION_TIMEOUT_MS: '10000' });
    this.api = new ApiClient(this.stack.apiUrl);
    this.pg = new Pool({ connectionString: this.stack.databaseUrl, max: 4 });
    this.pg.on('error', () => undefined);
    this.connection = await Connection.connect({ address: this.stack.temporalAddress });
    this.temporal = new Client({ connection: this.connection });
  }

  async restartWorker(): Promise<void> {
    this.worker = await this.stack.startWorker(this.workerEnv);
  }

  async close(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
    await this.pg?.end().catch(() => undefined);
    await this.stack.close();
  }

  /** Output of every app process so far: a test fails on an unhandled rejection or crash trace in it. */
  appOutput(): string {
    return `${this.worker?.output() ?? ''}\n${this.apiProcess?.output() ?? ''}`;
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await this.pg.query(sql, params);
    return Number(rows[0].n);
  }

  /** Imports the bundled plan replicated to at least `leaves` tasks and waits until every task is projected. */
  async importPlan(planId: string, leaves: number, timeoutMs = 300_000): Promise<number> {
    const token = await this.api.login('supervisor');
    // Without 签收: the fault suites act on the work at once (签收 has its own suites).
    const res = await this.api.importPlan(token, replicatedPlan(leaves), `planId=${planId}&receiptWorkdays=0`);
    if (res.status !== 201) throw new Error(`import answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
    const total = (res.body.counts as { leaves: number }).leaves;
    await eventually(
      async () =>
        (await this.count(`SELECT count(*) AS n FROM task WHERE plan_id = $1 AND is_leaf AND projected_version > 0`, [
          planId,
        ])) === total,
      timeoutMs,
    );
    return total;
  }

  state(taskId: string): Promise<TaskSnapshot> {
    return this.temporal.workflow.getHandle(taskId).query(getStateQuery);
  }
}

/** Polls until `probe` is true; a probe that throws (service down) counts as not yet. */
export async function eventually(probe: () => Promise<boolean>, timeoutMs = 120_000, everyMs = 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not reached within ${timeoutMs / 1000}s${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Signs of a crash in a process's output: Node's unhandled-rejection report, an uncaught exception. */
export const CRASH_PATTERN =
  /UnhandledPromiseRejection|unhandledRejection|Unhandled promise rejection|uncaughtException/i;

/** Progress on stderr at once (jest buffers console.log until the file ends). */
export function step(message: string): void {
  process.stderr.write(`[fault ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

let keySeq = 0;
export const idempotencyKey = (prefix: string) => `${prefix}-${process.pid}-${Date.now()}-${++keySeq}`;
