import { EntityManager } from 'typeorm';

/** Arbitrary constant ("dubn") naming the seeding critical section among all processes. */
export const SEED_ADVISORY_LOCK_KEY = 0x6475626e;

/**
 * Serialises seeding across processes that start together: held until the surrounding transaction
 * ends, so the second process sees what the first committed and does nothing twice.
 */
export async function takeSeedLock(manager: EntityManager): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('takeSeedLock needs a transaction');
  await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_ADVISORY_LOCK_KEY]);
}
