import { describeDeliveryLogContract } from './delivery-log-contract';
import { InMemoryDeliveryLogForTests } from './in-memory-delivery-log';
import { InMemoryInboxStoreForTests } from './in-memory-inbox-store';
import { describeInboxStoreContract } from './inbox-store-contract';

// The test doubles must obey the same contract the PostgreSQL implementations will.
describeDeliveryLogContract('in-memory (tests only)', () => new InMemoryDeliveryLogForTests());
describeInboxStoreContract('in-memory (tests only)', () => new InMemoryInboxStoreForTests());
