import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError } from '@duban/domain/errors/config-error';
import { dataSourceOptions } from '../data-source-options';
import { loadDatabaseUrl, validateDatabaseUrl } from '../database-config';

/**
 * `npm run migrate`: applies the pending migrations to the PostgreSQL DATABASE_URL names, each in
 * its own transaction, and prints what it applied. The API and the worker do the same when they
 * start; this is for an operator who migrates before rolling out new processes.
 */
export async function migrate(url: string, log: (line: string) => void = console.log): Promise<string[]> {
  const source = new DataSource({ ...dataSourceOptions(validateDatabaseUrl(url)), migrationsRun: false });
  await source.initialize();
  try {
    const applied = await source.runMigrations({ transaction: 'each' });
    log(
      applied.length
        ? `已执行 ${applied.length} 个迁移 / applied: ${applied.map((m) => m.name).join(', ')}`
        : '数据库已是最新 / nothing to migrate',
    );
    return applied.map((m) => m.name);
  } finally {
    await source.destroy();
  }
}

if (require.main === module) {
  Promise.resolve()
    .then(() => migrate(loadDatabaseUrl()))
    .catch((error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : `迁移失败 / migration failed: ${String(error)}`);
      process.exit(1);
    });
}
