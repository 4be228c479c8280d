import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadLogConfig } from '@duban/logging/log-config';
import { NestPinoLogger, processLogger } from '@duban/logging/process-logger';
import { loadNotifyConfig } from '@duban/notify/config/notify-config';
import { loadDatabasePoolSize, loadDatabaseUrl } from '@duban/persistence/database-config';
import { loadTemporalConfig } from '@duban/temporal/temporal-config';
import { TemporalWorkerService } from './temporal-worker.service';
import { loadWorkerConfig } from './worker-config';
import { WorkerModule } from './worker.module';

/** Worker process entry: hosts the Temporal worker for task workflows and their activities. */
async function main(): Promise<void> {
  // Every setting checked before anything starts: a bad one stops the start with one line naming it.
  loadWorkerConfig();
  loadDatabaseUrl();
  loadDatabasePoolSize();
  loadTemporalConfig();
  loadNotifyConfig();
  const nest = new NestPinoLogger(processLogger(loadLogConfig(), 'worker'));
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: nest });
  app.enableShutdownHooks();
  Logger.log('worker started', 'Bootstrap');
  // A worker that fails (lost server for good, broken bundle) takes the process down with it.
  await app.get(TemporalWorkerService).running?.catch(async (error: Error) => {
    console.error(`Worker failed: ${error.message}`);
    await app.close();
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Worker failed to start: ${message}`);
  if (!(error instanceof Error && error.name === 'ConfigError') && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
