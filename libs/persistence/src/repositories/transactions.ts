import { DataSource, EntityManager } from 'typeorm';
import { PlanWriter } from './plan-writer';
import { UnitRepository } from './unit-repository';
import { UserRepository } from './user-repository';

/** The repositories of one open transaction: what they write commits together or not at all. */
export interface TransactionScope {
  units: UnitRepository;
  users: UserRepository;
  plans: PlanWriter;
  /** Serialises this transaction with every other holding the same key, until it ends. */
  advisoryLock(key: number): Promise<void>;
}

/** Writers that exist only inside a transaction (so Nest does not provide them on their own). */
export const TRANSACTION_ONLY_WRITERS = [PlanWriter] as const;

/** Runs work in one database transaction over repositories bound to it (an import, the first start). */
export class Transactions {
  constructor(private readonly db: DataSource) {}

  run<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(scopeOf(manager)));
  }
}

function scopeOf(manager: EntityManager): TransactionScope {
  return {
    units: new UnitRepository(manager),
    users: new UserRepository(manager),
    plans: new PlanWriter(manager),
    advisoryLock: async (key) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [key]);
    },
  };
}
