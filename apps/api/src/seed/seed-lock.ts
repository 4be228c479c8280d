import { TransactionScope } from '@duban/persistence/repositories/transactions';

/** Arbitrary constant ("dubn") naming the seeding critical section among all processes. */
export const SEED_ADVISORY_LOCK_KEY = 0x6475626e;

/**
 * Serialises seeding across processes that start together: held until the surrounding transaction
 * ends, so the second process sees what the first committed and does nothing twice.
 */
export function takeSeedLock(tx: TransactionScope): Promise<void> {
  return tx.advisoryLock(SEED_ADVISORY_LOCK_KEY);
}
