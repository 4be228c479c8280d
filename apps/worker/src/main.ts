import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

/** Worker process entry: hosts the Temporal worker for task workflows and their activities. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: false });
  app.enableShutdownHooks();
  Logger.log('worker started', 'Bootstrap');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Worker failed to start: ${message}`);
  if (!(error instanceof Error && error.name === 'ConfigError') && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
