import { RetryableDeliveryError } from '../delivery-errors';
import { InMemoryInboxStoreForTests } from '../testing/in-memory-inbox-store';
import { sampleNotification } from '../testing/sample-notification';
import { InboxChannel } from './inbox-channel';

describe('InboxChannel', () => {
  it('writes one row per distinct recipient, and nothing new on a retry', async () => {
    const store = new InMemoryInboxStoreForTests();
    const channel = new InboxChannel(store);
    const n = sampleNotification();
    n.recipients.push({ unitCode: '水气股', role: 'handler' }); // the same unit-role twice
    await expect(channel.deliver(n)).resolves.toMatchObject({ outcome: 'sent', created: 3, existing: 0 });
    await expect(channel.deliver(n)).resolves.toMatchObject({ outcome: 'sent', created: 0, existing: 3 });
    expect(store.rows.size).toBe(3);
  });

  it('finishes the remaining rows on a retry after the store failed part-way', async () => {
    const store = new InMemoryInboxStoreForTests();
    const channel = new InboxChannel(store);
    const n = sampleNotification();
    await channel.deliver({ ...n, recipients: n.recipients.slice(0, 1) });
    store.failNext = 1;
    const err = await channel.deliver(n).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableDeliveryError);
    expect(err).toMatchObject({ channel: 'inbox', code: 'STORE' });
    await expect(channel.deliver(n)).resolves.toMatchObject({ created: 2, existing: 1 });
  });

  it('skips a notification without recipients', async () => {
    const channel = new InboxChannel(new InMemoryInboxStoreForTests());
    await expect(channel.deliver(sampleNotification({ recipients: [] }))).resolves.toMatchObject({
      outcome: 'skipped',
    });
  });
});
