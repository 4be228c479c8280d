import { DataSource } from 'typeorm';
import { SEARCH_COUNT_CAP, TaskQueryService } from '../../apps/api/src/tasks/task-query.service';
import { taskQueryOver } from '../../apps/api/src/tasks/task-query-over';
import { TaskListQuery } from '../../apps/api/src/tasks/task-list.query';
import { ActorRef } from '@duban/domain/access/actor';
import { seedLedger } from '../../bench/support/ledger-fixture';
import { migratedDataSource } from '../support/migrated-data-source';
import { createThrowawayDatabase } from '../support/throwaway-database';

const TASKS = 1500; // more than SEARCH_COUNT_CAP, so a broad search stops counting
const supervisor: ActorRef = { userId: 'sup', role: 'supervisor', unitCode: null };
const query = (q: Partial<TaskListQuery>) => Object.assign(new TaskListQuery(), q);

/**
 * The ledger's total on a real PostgreSQL: exact for filters, capped for a broad text search (a
 * substring test on every row), and the pages past the cap still reachable.
 */
describe('ledger search count (real PostgreSQL)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let tasks: TaskQueryService;

  beforeAll(async () => {
    db = await createThrowawayDatabase('ledger_search');
    ds = await migratedDataSource(db.url);
    // Every body says 污染防治; one title in seven says 加强污染防治.
    await seedLedger(ds, TASKS, 'cap');
    tasks = taskQueryOver(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('counts every task exactly when there is no text search', async () => {
    const page = await tasks.list(supervisor, query({ planId: 'cap', pageSize: 50 }));
    expect(page).toMatchObject({ total: TASKS, totalIsLowerBound: false });
    expect(page.items).toHaveLength(50);
  });

  it('says "more than the cap" for a search matching every task, and still serves later pages', async () => {
    const first = await tasks.list(supervisor, query({ q: '污染', pageSize: 50 }));
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP, totalIsLowerBound: true });
    const pastCap = await tasks.list(supervisor, query({ q: '污染', pageSize: 50, page: 30 }));
    expect(pastCap.items).toHaveLength(50);
    expect(pastCap.items.map((t) => t.code)).toContain('1.1500');
  });

  it('counts a narrower search exactly', async () => {
    const page = await tasks.list(supervisor, query({ q: '加强污染', pageSize: 50 }));
    const expected = Math.floor(TASKS / 7);
    expect(page).toMatchObject({ total: expected, totalIsLowerBound: false });
    expect(page.items.every((t) => t.title.includes('加强污染防治'))).toBe(true);
  });
});
