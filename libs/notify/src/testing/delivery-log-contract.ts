import { DeliveryLog } from '../delivery-log';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The rules every DeliveryLog must follow, as Jest tests. Runs here against the in-memory log;
 * meant to be run by the persistence layer against its PostgreSQL log too (real clock, so the
 * lease is short and the tests wait for it). `fresh` must return a log with no rows.
 */
export function describeDeliveryLogContract(name: string, fresh: () => Promise<DeliveryLog> | DeliveryLog): void {
  const LEASE_MS = 300;
  let n = 0;
  // A new key per test, so implementations may share one table across tests.
  const nextKey = () => `contract/${Date.now()}/${++n}/催办/1`;

  describe(`DeliveryLog contract: ${name}`, () => {
    let log: DeliveryLog;
    beforeEach(async () => {
      log = await fresh();
    });

    it('claims a new key with attempt 1, then answers in-flight while the lease runs', async () => {
      const key = nextKey();
      expect(await log.claim(key, 'smtp', LEASE_MS)).toEqual({ outcome: 'claimed', attempt: 1 });
      expect(await log.claim(key, 'smtp', LEASE_MS)).toEqual({ outcome: 'in-flight', attempt: 1 });
    });

    it('keeps channels apart', async () => {
      const key = nextKey();
      await log.claim(key, 'smtp', LEASE_MS);
      expect(await log.claim(key, 'wecom', LEASE_MS)).toEqual({ outcome: 'claimed', attempt: 1 });
    });

    it('answers delivered after markDelivered, for good (idempotent)', async () => {
      const key = nextKey();
      await log.claim(key, 'smtp', LEASE_MS);
      await log.markDelivered(key, 'smtp');
      await log.markDelivered(key, 'smtp');
      await sleep(LEASE_MS + 100);
      expect(await log.claim(key, 'smtp', LEASE_MS)).toEqual({ outcome: 'delivered' });
    });

    it('lets a retry claim at once after markFailed, with the next attempt number', async () => {
      const key = nextKey();
      await log.claim(key, 'smtp', LEASE_MS);
      await log.markFailed(key, 'smtp', 1, '421 try again later');
      expect(await log.claim(key, 'smtp', LEASE_MS)).toEqual({ outcome: 'claimed', attempt: 2 });
    });

    it('takes over a sending claim older than the lease', async () => {
      const key = nextKey();
      await log.claim(key, 'dingtalk', LEASE_MS);
      await sleep(LEASE_MS + 100);
      expect(await log.claim(key, 'dingtalk', LEASE_MS)).toEqual({ outcome: 'claimed', attempt: 2 });
    });

    it('ignores markFailed from a superseded attempt, and after delivery', async () => {
      const key = nextKey();
      await log.claim(key, 'smtp', LEASE_MS);
      await sleep(LEASE_MS + 100);
      await log.claim(key, 'smtp', LEASE_MS); // attempt 2 holds the claim
      await log.markFailed(key, 'smtp', 1, 'late failure of attempt 1');
      expect(await log.claim(key, 'smtp', LEASE_MS)).toEqual({ outcome: 'in-flight', attempt: 2 });
      await log.markDelivered(key, 'smtp');
      await log.markFailed(key, 'smtp', 2, 'too late');
      expect(await log.claim(key, 'smtp', LEASE_MS)).toEqual({ outcome: 'delivered' });
    });

    it('grants exactly one of many concurrent claims', async () => {
      const key = nextKey();
      const claims = await Promise.all(Array.from({ length: 8 }, () => log.claim(key, 'inbox', LEASE_MS)));
      expect(claims.filter((c) => c.outcome === 'claimed')).toHaveLength(1);
      expect(claims.filter((c) => c.outcome === 'in-flight')).toHaveLength(7);
    });
  });
}
