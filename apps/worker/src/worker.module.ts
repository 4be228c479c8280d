import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotifyModule } from '@duban/notify/notify.module';
import { DELIVERY_LOG, INBOX_STORE } from '@duban/notify/notify.tokens';
import { PostgresDeliveryLog } from '@duban/persistence/notification/postgres-delivery-log';
import { PostgresInboxStore } from '@duban/persistence/notification/postgres-inbox-store';
import { PersistenceModule } from '@duban/persistence/persistence.module';
import { TemporalWorkerService } from './temporal-worker.service';

/**
 * The worker process: the read model's data source and the notifier (channels, inbox and delivery
 * log on PostgreSQL) from Nest's container, handed to the activities of the Temporal worker.
 */
@Module({
  imports: [
    PersistenceModule.forRoot({ migrationsRun: true }),
    NotifyModule.forRoot({
      providers: [
        { provide: INBOX_STORE, useFactory: (db: DataSource) => new PostgresInboxStore(db), inject: [DataSource] },
        { provide: DELIVERY_LOG, useFactory: (db: DataSource) => new PostgresDeliveryLog(db), inject: [DataSource] },
      ],
    }),
  ],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
