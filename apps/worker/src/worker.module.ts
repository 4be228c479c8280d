import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotifyModule } from '../../../libs/notify/src/notify.module';
import { DELIVERY_LOG, INBOX_STORE } from '../../../libs/notify/src/notify.tokens';
import { PostgresDeliveryLog } from '../../../libs/persistence/src/notification/postgres-delivery-log';
import { PostgresInboxStore } from '../../../libs/persistence/src/notification/postgres-inbox-store';
import { PersistenceModule } from '../../../libs/persistence/src/persistence.module';
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
