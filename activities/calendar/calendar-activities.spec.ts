import { ApplicationFailure } from '@temporalio/activity';
import { DEFAULT_POLICY } from '@duban/domain/task/task-types';
import { CALENDAR_REFUSED, createCalendarActivities } from './calendar-activities';

describe('calendar activities', () => {
  const a = createCalendarActivities();

  it('plans a stage due 2021-10-08 on workdays only', async () => {
    const plan = await a.planStageTimers({ dueAt: '2021-10-08T09:30:00.000Z', policy: DEFAULT_POLICY });
    expect(plan.reminders.map((r) => r.at)).toEqual([
      '2021-09-26T01:00:00.000Z',
      '2021-09-28T01:00:00.000Z',
      '2021-09-30T01:00:00.000Z',
      '2021-10-08T01:00:00.000Z',
    ]);
  });

  it('resolves a holiday due date to the end of the previous workday', async () => {
    expect(await a.resolveDueInstant({ date: '2021-10-05' })).toBe('2021-09-30T09:30:00.000Z');
  });

  it('refuses a year outside the calendar and a malformed instant for good (never retried)', async () => {
    const attempts = [
      () => a.resolveDueInstant({ date: '2131-01-05' }),
      () => a.planStageTimers({ dueAt: 'soon', policy: DEFAULT_POLICY }),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect((error as ApplicationFailure).nonRetryable).toBe(true);
      expect((error as ApplicationFailure).type).toBe(CALENDAR_REFUSED);
    }
  });
});
