import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@duban/persistence/data-source-options';

/** A TypeORM data source on the given database with every migration applied. */
export async function migratedDataSource(url: string): Promise<DataSource> {
  const ds = new DataSource({ ...dataSourceOptions(url), migrationsRun: true });
  await ds.initialize();
  return ds;
}
