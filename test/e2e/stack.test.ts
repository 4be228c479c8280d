import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { connectTemporalClient } from '@duban/temporal/temporal-connection';
import { loadTemporalConfig } from '@duban/temporal/temporal-config';
import { SEARCH_ATTRIBUTES } from '@duban/temporal/search-attributes';
import { freePort } from '../../scripts/stack/free-port';
import { startPostgresService } from '../../scripts/stack/postgres-service';
import { RunningService } from '../../scripts/stack/running-service';
import { startTemporalDevServer } from '../../scripts/stack/temporal-dev-server';
import { canConnect } from '../../scripts/stack/wait-for-port';

jest.setTimeout(180_000);

/**
 * The local stack `npm start` runs, started through the same modules on ports of its own (so it
 * never meets the services scripts/test.sh started for the other e2e tests).
 */
describe('local stack services (real Temporal dev server and embedded PostgreSQL)', () => {
  const root = resolve(__dirname, '..', '..');
  let base: string;
  let temporal: RunningService | undefined;
  let postgres: RunningService | undefined;
  let pgPort: number;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'duban-stack-'));
    chmodSync(base, 0o755); // the embedded server runs as `postgres` when we are root
    const [temporalPort, port] = [await freePort(), await freePort()];
    pgPort = port;
    [temporal, postgres] = await Promise.all([
      startTemporalDevServer({ root, port: temporalPort, dbFile: join(base, 'temporal.sqlite') }),
      startPostgresService({ dataDir: join(base, 'postgres'), port: pgPort }),
    ]);
  });

  afterAll(async () => {
    await postgres?.stop();
    await temporal?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('Temporal answers and has our search attributes registered', async () => {
    const config = loadTemporalConfig({ TEMPORAL_ADDRESS: temporal!.address });
    const connection = await connectTemporalClient(config);
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({
        namespace: config.namespace,
      });
      for (const name of Object.keys(SEARCH_ATTRIBUTES)) expect(Object.keys(customAttributes ?? {})).toContain(name);
    } finally {
      await connection.close();
    }
  });

  it('PostgreSQL answers with the duban database, and keeps data across a restart', async () => {
    const query = async (url: string, sql: string) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    expect(await query(postgres!.address, 'SELECT current_database() AS db')).toEqual([{ db: 'duban' }]);
    await query(postgres!.address, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('督办')`);

    await postgres!.stop();
    expect(await canConnect(pgPort)).toBe(false);
    postgres = await startPostgresService({ dataDir: join(base, 'postgres'), port: pgPort });
    expect(await query(postgres.address, 'SELECT note FROM kept')).toEqual([{ note: '督办' }]);
  });

  it('stops both services and frees their ports', async () => {
    const temporalPort = Number(temporal!.address.split(':')[1]);
    await postgres!.stop();
    await temporal!.stop();
    expect(await canConnect(pgPort)).toBe(false);
    expect(await canConnect(temporalPort)).toBe(false);
    postgres = temporal = undefined;
  });
});
