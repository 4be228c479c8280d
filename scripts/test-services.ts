import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './stack/free-port';
import { startPostgresService } from './stack/postgres-service';
import { RunningService } from './stack/running-service';
import { startTemporalDevServer } from './stack/temporal-dev-server';

/**
 * Throwaway services for the e2e suite (scripts/test.sh): an in-memory Temporal dev server and an
 * embedded PostgreSQL in a temp directory, each on a free port. Writes
 * `{ "TEMPORAL_ADDRESS": …, "DATABASE_URL": … }` to the file named by argv[2] once both answer, then
 * waits; SIGTERM/SIGINT stop both and delete the data.
 * Usage: node dist/scripts/test-services.js <output.json>
 */
async function main(): Promise<void> {
  const output = process.argv[2];
  if (!output) throw new Error('usage: test-services <output.json>');
  const root = resolve(__dirname, '..', '..');
  const base = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
  // The embedded server runs as the `postgres` user when we are root: it must reach its data dir.
  chmodSync(base, 0o755);
  const services: RunningService[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const s of [...services].reverse())
      await s.stop().catch((e: Error) => console.error(`[services] ${e.message}`));
    rmSync(base, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  const [temporalPort, pgPort] = [await freePort(), await freePort()];
  // Both start together; allSettled so a failure of one still lets us stop the other.
  const [temporal, postgres] = await Promise.allSettled([
    startTemporalDevServer({ root, port: temporalPort }),
    startPostgresService({ dataDir: join(base, 'postgres'), port: pgPort }),
  ]);
  for (const r of [temporal, postgres]) if (r.status === 'fulfilled') services.push(r.value);
  if (temporal.status === 'rejected' || postgres.status === 'rejected') {
    for (const r of [temporal, postgres]) if (r.status === 'rejected') console.error(`[services] ${r.reason}`);
    return stop(1);
  }
  const env = { TEMPORAL_ADDRESS: temporal.value.address, DATABASE_URL: postgres.value.address };
  writeFileSync(output, JSON.stringify(env, null, 2));
  console.log(`[services] Temporal ${env.TEMPORAL_ADDRESS}, PostgreSQL 127.0.0.1:${pgPort} (data ${base})`);
}

main().catch((error: Error) => {
  console.error(`[services] failed: ${error.message}`);
  process.exit(1);
});
