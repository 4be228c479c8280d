import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { loadDatabaseUrl } from './database-config';
import { ALL_ENTITIES } from './entities';
import { REPOSITORIES, REPOSITORY_PROVIDERS } from './repositories/repository-providers';

/**
 * TypeORM over DATABASE_URL for the API and worker processes. The launcher (npm start, tests) sets
 * DATABASE_URL to the embedded PostgreSQL when the user did not point it elsewhere.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: { migrationsRun?: boolean } = {}): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => {
            const url = loadDatabaseUrl();
            return { ...dataSourceOptions(url), migrationsRun: options.migrationsRun ?? true };
          },
        }),
        TypeOrmModule.forFeature(ALL_ENTITIES),
      ],
      providers: REPOSITORY_PROVIDERS,
      exports: [TypeOrmModule, ...REPOSITORIES],
    };
  }
}
