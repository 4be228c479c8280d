import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApiApp } from './create-api-app';

/** API process entry: HTTP on API_PORT (default 3000), OpenAPI at /api/docs. */
async function main(): Promise<void> {
  const app = await createApiApp();
  const port = Number(process.env.API_PORT ?? 3000);
  const host = process.env.API_HOST ?? '127.0.0.1';
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
