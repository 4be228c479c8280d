import { TaskEntity } from '@duban/persistence/entities';
import { TaskListQuery } from '../../tasks/task-list.query';
import { ledgerBody, LedgerViewInput } from './ledger.view';

const task = (i: number) =>
  Object.assign(new TaskEntity(), {
    id: `p/1.${i}`,
    code: `1.${i}`,
    title: `任务${i}`,
    leadUnit: 'water-air',
    cooperatingUnits: [],
    trafficLight: 'green',
    status: 'active',
    nextDueAt: null,
    escalationLevel: 0,
  });

const view = (over: Partial<LedgerViewInput>): string =>
  ledgerBody({
    query: Object.assign(new TaskListQuery(), { q: '污染', pageSize: 2, page: 1 }),
    items: [task(1), task(2)],
    total: 2,
    plans: [],
    units: [],
    problems: [],
    ...over,
  }).toString();

describe('ledger page total and pager', () => {
  it('shows an exact total and no next page on the last page', () => {
    const page = view({ total: 2 });
    expect(page).toContain('共 <strong>2</strong> 项任务，第 1 / 1 页');
    expect(page).not.toContain('rel="next"');
  });

  it('shows a capped search count as "1000+" and keeps a next page while full pages come', () => {
    const query = Object.assign(new TaskListQuery(), { q: '污染', pageSize: 2, page: 600 });
    const page = view({ total: 1000, totalIsLowerBound: true, query });
    expect(page).toContain('共 <strong>1000+</strong> 项任务，第 600 / 600+ 页');
    expect(page).toContain('rel="next"');
  });

  it('ends the pager past the cap when a page comes back short', () => {
    const query = Object.assign(new TaskListQuery(), { q: '污染', pageSize: 2, page: 700 });
    const page = view({ total: 1000, totalIsLowerBound: true, query, items: [task(1)] });
    expect(page).not.toContain('rel="next"');
  });
});
