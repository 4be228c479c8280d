import { DataSource } from 'typeorm';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { repositoriesOver } from '@duban/persistence/repositories/repository-providers';
import { TaskQueryService } from './task-query.service';

/** The ledger's read side over one DataSource, outside Nest (benchmarks and the ledger tests). */
export function taskQueryOver(ds: DataSource): TaskQueryService {
  const r = repositoriesOver(ds);
  return new TaskQueryService(r.tasks, r.evidence, r.users, new CalendarStore(ds));
}
