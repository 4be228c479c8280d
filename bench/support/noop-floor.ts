import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { percentiles, Percentiles, round, sleepMs, waitUntil } from './bench-kit';
import { finishSignal, openWorkflow, startOnceWorkflow, timerWorkflow, touchUpdate } from './noop-workflows';

const QUEUE = 'bench-noop-floor';
/** The importer starts workflows 32 at a time (TemporalTaskWorkflowStarter); the floor does the same. */
const START_CONCURRENCY = 32;

/**
 * No-op workflows on the benchmark's own Temporal server, with a worker inside the benchmark
 * process: the floor each figure is divided by.
 */
export class NoopFloor {
  private running?: Promise<void>;

  private constructor(
    private readonly reachedAt: Map<string, number[]>,
    private readonly client: Client,
    private readonly worker: Worker,
    private readonly connections: { close(): Promise<void> }[],
  ) {}

  static async start(address: string, maxCachedWorkflows = 2000): Promise<NoopFloor> {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // already installed in this process
    }
    const native = await NativeConnection.connect({ address });
    const connection = await Connection.connect({ address });
    const reachedAt = new Map<string, number[]>();
    const worker = await Worker.create({
      connection: native,
      taskQueue: QUEUE,
      workflowsPath: require.resolve('./noop-workflows'),
      activities: {
        async reached(id: string) {
          const list = reachedAt.get(id) ?? [];
          list.push(Date.now());
          reachedAt.set(id, list);
        },
      },
      maxCachedWorkflows,
    });
    const floor = new NoopFloor(reachedAt, new Client({ connection }), worker, [native, connection]);
    floor.running = worker.run();
    return floor;
  }

  /** Fan-out floor: n no-op workflows started 32 at a time; starts/s and time until every one ran its activity. */
  async fanOut(n: number, prefix = `floor-fanout-${Date.now()}`) {
    const started = Date.now();
    await inParallel(n, START_CONCURRENCY, (i) =>
      this.client.workflow.start(startOnceWorkflow, {
        taskQueue: QUEUE,
        workflowId: `${prefix}-${i}`,
        args: [`${prefix}-${i}`],
      }),
    );
    const startMs = Date.now() - started;
    await waitUntil('floor fan-out', async () => this.countReached(prefix) >= n, 30 * 60_000, 100);
    const allReachedMs = Date.now() - started;
    return { workflows: n, startsPerSecond: round((n * 1000) / startMs), startMs, allReachedMs };
  }

  /** Sign-off floor: `users` concurrent clients each sending `each` updates to an open no-op workflow. */
  async updateLatency(users: number, each: number): Promise<Percentiles> {
    const prefix = `floor-open-${Date.now()}`;
    const handles = await Promise.all(
      Array.from({ length: users }, (_, i) =>
        this.client.workflow.start(openWorkflow, { taskQueue: QUEUE, workflowId: `${prefix}-${i}` }),
      ),
    );
    const samples: number[] = [];
    await Promise.all(
      handles.map(async (h) => {
        for (let k = 0; k < each; k++) {
          const t = performance.now();
          await h.executeUpdate(touchUpdate, { args: [k] });
          samples.push(performance.now() - t);
        }
      }),
    );
    await Promise.all(handles.map((h) => h.signal(finishSignal)));
    return percentiles(samples);
  }

  /** Timer floor: n workflows sleeping until the same instant; lag from it to their activity, lost and doubled. */
  async timerStorm(n: number, leadMs: number) {
    const prefix = `floor-timer-${Date.now()}`;
    const at = Date.now() + leadMs;
    await inParallel(n, START_CONCURRENCY, (i) =>
      this.client.workflow.start(timerWorkflow, {
        taskQueue: QUEUE,
        workflowId: `${prefix}-${i}`,
        args: [`${prefix}-${i}`, at],
      }),
    );
    if (Date.now() > at) throw new Error('the floor timer storm could not start its workflows before the instant');
    await waitUntil('floor timer storm', async () => this.countReached(prefix) >= n, 10 * 60_000 + leadMs, 200);
    await sleepMs(2_000); // a doubled activity would show up now
    const lags: number[] = [];
    let doubled = 0;
    for (const [id, times] of this.reachedAt) {
      if (!id.startsWith(prefix)) continue;
      lags.push(times[0] - at);
      if (times.length > 1) doubled++;
    }
    return { tasks: n, lagMs: percentiles(lags), lost: n - lags.length, doubled };
  }

  /** Footprint floor: RSS growth of this process per 1,000 open no-op workflows held in its worker cache. */
  async footprint(n: number) {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const prefix = `floor-held-${Date.now()}`;
    await inParallel(n, START_CONCURRENCY, (i) =>
      this.client.workflow.start(openWorkflow, { taskQueue: QUEUE, workflowId: `${prefix}-${i}` }),
    );
    // Each workflow must have run its first task (and so be in the cache) before we measure.
    await inParallel(n, START_CONCURRENCY, (i) =>
      this.client.workflow.getHandle(`${prefix}-${i}`).executeUpdate(touchUpdate, { args: [i] }),
    );
    await sleepMs(2_000);
    global.gc?.();
    const after = process.memoryUsage().rss;
    return {
      workflows: n,
      rssBeforeMiB: round(before / 2 ** 20),
      rssAfterMiB: round(after / 2 ** 20),
      mibPer1000: round(((after - before) / 2 ** 20 / n) * 1000, 2),
    };
  }

  private countReached(prefix: string): number {
    let count = 0;
    for (const id of this.reachedAt.keys()) if (id.startsWith(prefix)) count++;
    return count;
  }

  async close(): Promise<void> {
    this.worker.shutdown();
    await this.running?.catch(() => undefined);
    for (const c of this.connections) await c.close().catch(() => undefined);
  }
}

/** Runs task(0..n-1) with at most `concurrency` in flight. */
export async function inParallel(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
}
