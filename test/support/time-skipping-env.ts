import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Temporal's time-skipping test server: the Java one that scripts/provision.sh resolved from Maven
 * Central (TEMPORAL_TEST_SERVER_PATH or .tools/bin), else the SDK's own download (online machines).
 */
let runtimeInstalled = false;

export async function createTimeSkippingEnv(startTime?: string): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    // Worker state changes at INFO would drown the test output.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const root = join(__dirname, '..', '..');
  const path = process.env.TEMPORAL_TEST_SERVER_PATH ?? join(root, '.tools', 'bin', 'temporal-test-server');
  if (existsSync(path)) {
    // Our launcher can start the clock in the past; the SDK's downloaded server starts at now.
    const extraArgs = startTime ? [`--start-time=${startTime}`] : [];
    return TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path }, extraArgs },
    });
  }
  if (startTime)
    throw new Error('a past start time needs the provisioned test server: run `bash scripts/provision.sh`');
  return TestWorkflowEnvironment.createTimeSkipping();
}
