import { DataSource } from 'typeorm';
import { PostgresDeliveryLog } from '@duban/persistence/notification/postgres-delivery-log';
import { PostgresInboxStore } from '@duban/persistence/notification/postgres-inbox-store';
import { describeDeliveryLogContract } from '@duban/notify/testing/delivery-log-contract';
import { describeInboxStoreContract } from '@duban/notify/testing/inbox-store-contract';
import { migratedDataSource } from '../support/migrated-data-source';
import { createThrowawayDatabase } from '../support/throwaway-database';

// The PostgreSQL implementations of the notify library's stores, held to the library's contracts.
let db: { url: string; drop: () => Promise<void> };
let ds: DataSource;

beforeAll(async () => {
  db = await createThrowawayDatabase('notify_stores');
  ds = await migratedDataSource(db.url);
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const fresh = async () => {
  await ds.query('TRUNCATE notification, notification_delivery');
};

describeDeliveryLogContract('PostgresDeliveryLog', async () => {
  await fresh();
  return new PostgresDeliveryLog(ds);
});

describeInboxStoreContract('PostgresInboxStore', async () => {
  await fresh();
  return new PostgresInboxStore(ds);
});
