import { DataSource } from 'typeorm';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { EvidenceRepository } from '@duban/persistence/repositories/evidence-repository';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { TaskQueryService } from './task-query.service';

/** The ledger's read side over one DataSource, outside Nest (benchmarks and the ledger tests). */
export function taskQueryOver(ds: DataSource): TaskQueryService {
  return new TaskQueryService(
    new TaskRepository(ds),
    new EvidenceRepository(ds),
    new UserRepository(ds),
    new CalendarStore(ds),
  );
}
