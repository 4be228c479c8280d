import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadLogConfig } from '@duban/logging/log-config';
import { NestPinoLogger, processLogger } from '@duban/logging/process-logger';
import { loadNotifyConfig } from '@duban/notify/config/notify-config';
import { loadDatabasePoolSize, loadDatabaseUrl } from '@duban/persistence/database-config';
import { loadTemporalConfig } from '@duban/temporal/temporal-config';
import { loadSignInConfig } from './auth/sign-in-config';
import { apiConfig } from './config/api-config';

/** API process entry: HTTP on API_PORT (default 3000), OpenAPI at /api/docs. */
async function main(): Promise<void> {
  // A bad setting stops the start here, with one line naming it, before any module reads one.
  const { port, host } = apiConfig();
  loadDatabaseUrl();
  loadDatabasePoolSize();
  loadTemporalConfig();
  loadNotifyConfig();
  loadSignInConfig();
  const logConfig = loadLogConfig();
  const pino = processLogger(logConfig, 'api');
  const nest = new NestPinoLogger(pino);
  const { createApiApp } = await import('./create-api-app');
  const app = await createApiApp({ nest, pino, requests: logConfig.format === 'json' });
  await app.listen(port, host);
  Logger.log(`API listening on http://${host}:${port} (OpenAPI: /api/docs)`, 'Bootstrap');
}

main().catch((error: unknown) => {
  // One clear line for configuration problems; the stack only for the unexpected.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`API failed to start: ${message}`);
  if (!(error instanceof Error && error.name === 'ConfigError') && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
