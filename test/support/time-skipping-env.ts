import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

let runtimeInstalled = false;

/**
 * Where the Java time-skipping test server is: TEMPORAL_TEST_SERVER_PATH (must exist when set),
 * else .tools/bin/temporal-test-server (scripts/provision.sh puts it there), else undefined and
 * the SDK downloads its own (online machines only).
 */
export function testServerPath(): string | undefined {
  const fromEnv = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`TEMPORAL_TEST_SERVER_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const provisioned = join(__dirname, '..', '..', '.tools', 'bin', 'temporal-test-server');
  return existsSync(provisioned) ? provisioned : undefined;
}

/** A fresh time-skipping server, its clock at `startTime` when given (our launcher supports it). */
export async function createTimeSkippingEnv(startTime?: string): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    // Worker state changes at INFO would drown the test output.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const path = testServerPath();
  if (path) {
    const extraArgs = startTime ? [`--start-time=${startTime}`] : [];
    return TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path }, extraArgs },
    });
  }
  // The SDK's downloaded server starts its clock at now: tests pinned to 2021 cannot run on it.
  if (startTime)
    throw new Error('a past start time needs the provisioned test server: run `bash scripts/provision.sh`');
  return TestWorkflowEnvironment.createTimeSkipping();
}
