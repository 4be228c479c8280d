import { head, supervisor } from '@duban/domain/task/task-snapshot.fixtures';
import { FigureScope, LedgerFigures, UnitLightRow } from '@duban/persistence/repositories/ledger-figures';
import { DashboardService } from './dashboard.service';

const unit = (unitCode: string, over: Partial<UnitLightRow>): UnitLightRow => ({
  unit: unitCode,
  unitName: unitCode,
  total: 0,
  green: 0,
  yellow: 0,
  red: 0,
  none: 0,
  escalated: 0,
  done: 0,
  ...over,
});

describe('the overview (督办总览)', () => {
  it('adds the units up, with each unit’s and the whole’s completion rate, over the actor’s scope', async () => {
    const asked: FigureScope[] = [];
    const figures = {
      byLeadUnit: async (s: FigureScope) => {
        asked.push(s);
        return [
          unit('water-air', { total: 8, green: 3, yellow: 1, red: 2, none: 2, escalated: 2, done: 2 }),
          unit('ecology', { total: 2, red: 1, none: 1, done: 1 }),
          unit('new-unit', {}),
        ];
      },
      overdue: async (s: FigureScope) => {
        asked.push(s);
        return [];
      },
      bySource: async (s: FigureScope) => {
        asked.push(s);
        return [{ source: 'workplan', total: 10, green: 3, yellow: 1, red: 3, none: 3, escalated: 2, done: 3 }];
      },
    } as unknown as LedgerFigures;
    const view = await new DashboardService(figures).overview(head, 'p');
    // Every figure is asked for the same scope: the head's own unit, the plan chosen.
    expect(asked).toEqual([
      { scope: { all: false, units: ['water-air'] }, planId: 'p' },
      { scope: { all: false, units: ['water-air'] }, planId: 'p' },
      { scope: { all: false, units: ['water-air'] }, planId: 'p' },
    ]);
    expect(view.bySource.map((r) => [r.source, r.total])).toEqual([['workplan', 10]]);
    expect(view.totals).toEqual({ total: 10, green: 3, yellow: 1, red: 3, escalated: 2, done: 3, completionRate: 0.3 });
    expect(view.byUnit.map((u) => [u.unit, u.completionRate])).toEqual([
      ['water-air', 0.25],
      ['ecology', 0.5],
      ['new-unit', 0], // no tasks: 0, not NaN
    ]);
    await new DashboardService(figures).overview(supervisor);
    expect(asked[3]).toEqual({ scope: { all: true }, planId: undefined });
  });
});
