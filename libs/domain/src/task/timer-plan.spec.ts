import { WorkdayCalendar } from '../calendar/workday-calendar';
import { planStageTimers } from './timer-plan';
import { DEFAULT_POLICY } from './task-types';

describe('stage timer plan', () => {
  // Planned inside each test, so a mutation of the planner is active while it runs.
  const planDefault = () => planStageTimers('2021-10-08T09:30:00.000Z', DEFAULT_POLICY, new WorkdayCalendar());

  it('reminds 5, 3 and 1 workdays before and on the due day, at 09:00 Shanghai, on workdays only', () => {
    expect(planDefault().reminders).toEqual([
      { offsetWorkdays: 5, at: '2021-09-26T01:00:00.000Z' }, // Sunday 调休 workday
      { offsetWorkdays: 3, at: '2021-09-28T01:00:00.000Z' },
      { offsetWorkdays: 1, at: '2021-09-30T01:00:00.000Z' }, // before the National Day week
      { offsetWorkdays: 0, at: '2021-10-08T01:00:00.000Z' },
    ]);
  });

  it('climbs the ladder +1, +3, +5 workdays after the due day', () => {
    expect(planDefault().escalations).toEqual([
      { level: 1, to: 'unit-head', at: '2021-10-09T01:00:00.000Z' }, // Saturday 调休 workday
      { level: 2, to: 'deputy-director', at: '2021-10-12T01:00:00.000Z' },
      { level: 3, to: 'supervisor', at: '2021-10-14T01:00:00.000Z' },
    ]);
  });

  it('turns yellow three workdays before the due day', () => {
    expect(planDefault().yellowFrom).toBe('2021-09-27T16:00:00.000Z'); // start of 2021-09-28 in Shanghai
  });

  it('follows a per-task policy', () => {
    const custom = planStageTimers(
      '2021-10-08T09:30:00.000Z',
      { ...DEFAULT_POLICY, reminderOffsets: [2], ladder: [] },
      new WorkdayCalendar(),
    );
    expect(custom.reminders).toEqual([{ offsetWorkdays: 2, at: '2021-09-29T01:00:00.000Z' }]);
    expect(custom.escalations).toEqual([]);
  });

  it('orders reminders latest-first and the ladder by level, whatever order the policy lists them in', () => {
    const shuffled = planStageTimers(
      '2021-10-08T09:30:00.000Z',
      {
        ...DEFAULT_POLICY,
        reminderOffsets: [1, 5, 1, 3],
        ladder: [
          { level: 3, to: 'supervisor', afterWorkdays: 5 },
          { level: 1, to: 'unit-head', afterWorkdays: 1 },
        ],
      },
      new WorkdayCalendar(),
    );
    expect(shuffled.reminders.map((r) => r.offsetWorkdays)).toEqual([5, 3, 1]);
    expect(shuffled.escalations.map((e) => e.level)).toEqual([1, 3]);
  });
});
