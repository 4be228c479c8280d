import { DataSourceOptions } from 'typeorm';
import { loadDatabasePoolSize } from './database-config';
import { ALL_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * TypeORM options for the read model. The schema comes only from migrations (never `synchronize`);
 * `migrationsRun` applies pending ones when a process starts.
 */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error'],
    extra: { max: loadDatabasePoolSize(), connectionTimeoutMillis: 5000 },
    ...overrides,
  } as DataSourceOptions;
}
