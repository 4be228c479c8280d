import { applyTimerPlan } from './timer-states';
import { StageTimerPlan } from './task-types';

const plan: StageTimerPlan = {
  reminders: [
    { offsetWorkdays: 5, at: '2021-09-26T01:00:00.000Z' },
    { offsetWorkdays: 3, at: '2021-09-28T01:00:00.000Z' },
    { offsetWorkdays: 0, at: '2021-10-08T01:00:00.000Z' },
  ],
  escalations: [
    { level: 1, to: 'unit-head', at: '2021-10-09T01:00:00.000Z' },
    { level: 2, to: 'deputy-director', at: '2021-10-12T01:00:00.000Z' },
  ],
  yellowFrom: '2021-09-27T16:00:00.000Z',
};
const fresh = { reminders: [], ladder: [], dueRevision: 0, plannedRevision: -1 };

describe('applyTimerPlan', () => {
  it('skips reminders already past when planned, keeps late escalations pending', () => {
    const t = applyTimerPlan(fresh, plan, Date.parse('2021-10-10T00:00:00Z'));
    expect(t.reminders.map((r) => r.state)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(t.ladder.map((e) => e.state)).toEqual(['pending', 'pending']);
  });

  it('keeps a reminder due at the very instant of planning: it is sent, not skipped', () => {
    const t = applyTimerPlan(fresh, plan, Date.parse(plan.reminders[1].at));
    expect(t.reminders.map((r) => r.state)).toEqual(['skipped', 'pending', 'pending']);
  });

  it('keeps what fired when the same schedule is planned again (resume)', () => {
    const before = applyTimerPlan(fresh, plan, Date.parse('2021-09-01T00:00:00Z'));
    before.reminders[0].state = 'fired';
    before.ladder[0].state = 'fired';
    const again = applyTimerPlan(
      { ...before, dueRevision: 0, plannedRevision: 0 },
      plan,
      Date.parse('2021-10-10T00:00:00Z'),
    );
    expect(again.reminders.map((r) => r.state)).toEqual(['fired', 'skipped', 'skipped']);
    expect(again.ladder.map((e) => e.state)).toEqual(['fired', 'pending']);
  });

  it('starts clean for a new due revision (extension): new keys, new schedule', () => {
    const before = applyTimerPlan(fresh, plan, Date.parse('2021-09-01T00:00:00Z'));
    before.reminders[0].state = 'fired';
    const moved = applyTimerPlan(
      { ...before, dueRevision: 1, plannedRevision: 0 },
      plan,
      Date.parse('2021-09-01T00:00:00Z'),
    );
    expect(moved.reminders.map((r) => r.state)).toEqual(['pending', 'pending', 'pending']);
  });
});
