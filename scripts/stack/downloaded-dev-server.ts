import { DubanLeadUnit, DubanPlanId, DubanStatus, DubanTrafficLight } from '@duban/temporal/search-attributes';
import { RunningService } from './running-service';
import type { TemporalDevServerOptions } from './temporal-dev-server';

/**
 * Last rung of the ladder (DESIGN §4): no temporal CLI on this machine, so the SDK downloads one
 * from temporal.io (needs internet) and runs it through @temporalio/testing.
 */
export async function startDownloadedDevServer(options: TemporalDevServerOptions): Promise<RunningService> {
  console.warn('[temporal] no temporal CLI found (run `npm run provision`); letting the SDK download it…');
  // Loaded only here: the testing package is needed for this fallback alone.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TestWorkflowEnvironment } = require('@temporalio/testing') as typeof import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: '127.0.0.1',
      port: options.port,
      ui: Boolean(options.uiPort),
      ...(options.uiPort ? { uiPort: options.uiPort } : {}),
      ...(options.dbFile ? { dbFilename: options.dbFile } : {}),
      namespace: options.namespace ?? 'default',
      searchAttributes: [DubanPlanId, DubanLeadUnit, DubanTrafficLight, DubanStatus],
    },
  });
  return { name: 'temporal', address: `127.0.0.1:${options.port}`, stop: () => env.teardown() };
}
