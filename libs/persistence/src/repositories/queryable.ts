import { DataSource, EntityManager } from 'typeorm';

/** What a repository runs its SQL on: the pool, or the manager of an open transaction. */
export type Queryable = DataSource | EntityManager;
