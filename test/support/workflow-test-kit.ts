import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, WorkerOptions, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createTimeSkippingEnv } from './time-skipping-env';

/** What every workflow test file shares: one bundle of workflows/, and small assertions. */

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** Bundles workflows/ once per test file (webpack output would drown the test log). */
export function bundleTaskWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
}

/** A worker for one test: the file's bundle on the test server's connection, with these activities. */
export function testWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  workflowBundle: WorkflowBundleWithSourceMap,
  activities: object,
  options: Partial<WorkerOptions> = {},
): Promise<Worker> {
  return Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities, ...options });
}

/**
 * Registers a suite's hooks: one workflow bundle for the file, a fresh time-skipping server per
 * test with its clock at `start`. Read `suite.env` and `suite.bundle` inside the tests.
 */
export function timeSkippingSuite(start: string): {
  env: TestWorkflowEnvironment;
  bundle: WorkflowBundleWithSourceMap;
} {
  const suite = {} as { env: TestWorkflowEnvironment; bundle: WorkflowBundleWithSourceMap };
  beforeAll(async () => {
    suite.bundle = await bundleTaskWorkflows();
  });
  beforeEach(async () => {
    suite.env = await createTimeSkippingEnv(start);
  });
  afterEach(async () => {
    await suite.env?.teardown();
  });
  return suite;
}

/** Timers fire within milliseconds of their instant; compare to the second. */
export const toSecond = (iso: string) => `${iso.slice(0, 19)}Z`;

/** Awaits an update that must be rejected by its validator; returns the rejection type. */
export async function updateRejection(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return (cause as ApplicationFailure).type ?? undefined;
  }
  throw new Error('expected the update to be rejected');
}

/**
 * Polls `probe` (a state query) until `ok` holds, for up to 20 s of real time: signals between
 * workflows arrive asynchronously, and a query does not let the test server skip time.
 */
export async function untilState<S>(probe: () => Promise<S>, ok: (s: S) => boolean): Promise<S> {
  for (let i = 0; i < 200; i++) {
    const s = await probe();
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached');
}
