import { InboxStore } from '../inbox-store';
import { sampleNotification } from './sample-notification';

/**
 * The rules every InboxStore must follow, as Jest tests; run here against the in-memory store and
 * meant for the persistence layer's PostgreSQL store too. `fresh` must return an empty store.
 */
export function describeInboxStoreContract(name: string, fresh: () => Promise<InboxStore> | InboxStore): void {
  let n = 0;
  const nextKey = () => `contract/${Date.now()}/${++n}/督办/2`;

  describe(`InboxStore contract: ${name}`, () => {
    let store: InboxStore;
    beforeEach(async () => {
      store = await fresh();
    });

    it('creates a row once per recipient, then reports it exists', async () => {
      const note = sampleNotification({ dedupKey: nextKey() });
      const [person, unitHead, unitRole] = note.recipients;
      expect(await store.saveOnce(note, person)).toBe('created');
      expect(await store.saveOnce(note, person)).toBe('exists');
      expect(await store.saveOnce(note, unitHead)).toBe('created');
      expect(await store.saveOnce(note, unitRole)).toBe('created');
      expect(await store.saveOnce(note, { ...unitRole })).toBe('exists');
    });

    it('keeps notifications apart by dedup key', async () => {
      const a = sampleNotification({ dedupKey: nextKey() });
      const b = sampleNotification({ dedupKey: nextKey() });
      expect(await store.saveOnce(a, a.recipients[2])).toBe('created');
      expect(await store.saveOnce(b, b.recipients[2])).toBe('created');
    });

    it('creates exactly one row under concurrent saves', async () => {
      const note = sampleNotification({ dedupKey: nextKey() });
      const results = await Promise.all(Array.from({ length: 6 }, () => store.saveOnce(note, note.recipients[0])));
      expect(results.filter((r) => r === 'created')).toHaveLength(1);
    });
  });
}
