import { Module } from '@nestjs/common';
import { PersistenceModule } from '../../../libs/persistence/src/persistence.module';
import { TemporalWorkerService } from './temporal-worker.service';

/** The worker process: the read model's data source (for activities) and the Temporal worker. */
@Module({
  imports: [PersistenceModule.forRoot({ migrationsRun: true })],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
