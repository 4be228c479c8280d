import { head, otherHead, supervisor } from '@duban/domain/task/task-snapshot.fixtures';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { TaskEntity, TaskEventEntity } from '@duban/persistence/entities';
import { EvidenceRepository } from '@duban/persistence/repositories/evidence-repository';
import { LedgerPageRequest, TaskRepository } from '@duban/persistence/repositories/task-repository';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { SEARCH_COUNT_CAP, TaskQueryService } from './task-query.service';

const task = (over: Partial<TaskEntity> = {}) =>
  ({ id: 'p/1', leadUnit: 'water-air', cooperatingUnits: [], nextDueAt: null, ...over }) as TaskEntity;
const events = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(900 - i) }) as TaskEventEntity);

/** The service over in-memory repositories; the requests it makes of them are recorded. */
function serviceIn(world: { row?: TaskEntity; count?: number; timeline?: TaskEventEntity[] } = {}) {
  const asked: { ledger: LedgerPageRequest[]; timeline: { before?: string; limit: number }[]; reads: string[] } = {
    ledger: [],
    timeline: [],
    reads: [],
  };
  const read =
    <T>(name: string, value: T) =>
    async () => {
      asked.reads.push(name);
      return value;
    };
  const tasks = {
    find: async () => world.row ?? null,
    ledgerPage: async (r: LedgerPageRequest) => {
      asked.ledger.push(r);
      return { items: [task({ nextDueAt: new Date('2027-03-01T09:30:00Z') }), task()], count: world.count ?? 2 };
    },
    timeline: async (_id: string, page: { before?: string; limit: number }) => {
      asked.timeline.push(page);
      return (world.timeline ?? []).slice(0, page.limit);
    },
    stages: read('stages', [{ key: 'work', dueAt: new Date('2026-06-01T09:30:00Z') }]),
    comments: read('comments', []),
    escalations: read('escalations', []),
    lights: read('lights', []),
  } as unknown as TaskRepository;
  const evidence = { allOfTask: read('evidence', []) } as unknown as EvidenceRepository;
  const users = { displayNames: async () => new Map() } as unknown as UserRepository;
  // 2027 has no holiday notice yet: what falls in it is provisional.
  const calendars = {
    calendar: async () => ({ statusOf: (year: number) => (year === 2027 ? 'provisional' : 'official') }),
  } as unknown as CalendarStore;
  return { service: new TaskQueryService(tasks, evidence, users, calendars), asked };
}

describe('TaskQueryService', () => {
  it('lists within the actor’s units, one page at a time, with the provisional deadlines marked', async () => {
    const { service, asked } = serviceIn({ count: 41 });
    const page = await service.list(head, { planId: 'p', page: 3, pageSize: 20, sort: 'dueAt', order: 'desc' });
    expect(asked.ledger).toEqual([
      {
        scope: { all: false, units: ['water-air'] },
        filter: { planId: 'p' },
        sort: 'dueAt',
        order: 'desc',
        offset: 40,
        limit: 20,
        countCap: null,
      },
    ]);
    expect(page).toMatchObject({ total: 41, totalIsLowerBound: false, page: 3, pageSize: 20 });
    expect(page.items.map((t) => (t as TaskEntity & { nextDueProvisional: boolean }).nextDueProvisional)).toEqual([
      true,
      false,
    ]);
    await service.list(supervisor, {});
    expect(asked.ledger[1]).toMatchObject({ scope: { all: true }, sort: 'code', order: 'asc', offset: 0, limit: 20 });
  });

  it('counts a text search only up to the cap and says “more than”', async () => {
    const { service, asked } = serviceIn({ count: SEARCH_COUNT_CAP + 1 });
    const page = await service.list(supervisor, { q: '污染' });
    expect(asked.ledger[0]).toMatchObject({ filter: { q: '污染' }, countCap: SEARCH_COUNT_CAP });
    expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, totalIsLowerBound: true });
  });

  it('shows a task only to who may see it, and reads nothing else of a hidden one', async () => {
    const { service, asked } = serviceIn({ row: task() });
    await expect(service.detail(otherHead, 'p/1')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(asked.reads).toEqual([]);
    await expect(serviceIn().service.detail(supervisor, 'p/1')).rejects.toMatchObject({ status: 404 });
  });

  it('pages the timeline back from the newest, within 1 to 500 events a page', async () => {
    const { service, asked } = serviceIn({ row: task(), timeline: events(120) });
    const first = await service.detail(head, 'p/1');
    expect(first.timeline).toHaveLength(100);
    expect(first.timelineNext).toBe('801'); // the oldest shown: the next page starts below it
    expect(asked.reads.sort()).toEqual(['comments', 'escalations', 'evidence', 'lights', 'stages']);
    const last = await service.detail(head, 'p/1', { before: '801', limit: 50 });
    expect(last.timelineNext).toBe('851');
    await service.detail(head, 'p/1', { limit: 0 });
    await service.detail(head, 'p/1', { limit: 100_000 });
    // One more than the page is read, to know whether an older page exists.
    expect(asked.timeline).toEqual([
      { before: undefined, limit: 101 },
      { before: '801', limit: 51 },
      { before: undefined, limit: 2 },
      { before: undefined, limit: 501 },
    ]);
    expect(first.stages[0]).toMatchObject({ key: 'work', dueProvisional: false });
  });
});
