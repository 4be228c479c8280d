import { startEmbeddedPostgres } from './embedded-postgres';
import { RunningService } from './running-service';

export interface PostgresServiceOptions {
  dataDir: string;
  port: number;
  database?: string;
}

/** Embedded PostgreSQL as a launcher service; `address` is the database URL handed to the apps. */
export async function startPostgresService(
  options: PostgresServiceOptions,
): Promise<RunningService & { adminUrl: string }> {
  const pg = await startEmbeddedPostgres(options);
  return { name: 'postgres', address: pg.url, adminUrl: pg.adminUrl, stop: () => pg.stop() };
}
