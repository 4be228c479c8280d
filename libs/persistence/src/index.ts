export * from './entities';
export { dataSourceOptions } from './data-source-options';
export { PersistenceModule } from './persistence.module';
