import { calendarChangedSignal, getStateQuery, problemClosedSignal, taskUpdate, taskUpdates } from './task-messages';
import { CALENDAR_CHANGED_SIGNAL, GET_STATE_QUERY, PROBLEM_CLOSED_SIGNAL, TASK_ACTIONS } from './task-types';

describe('the task workflow contract', () => {
  it('has one update per action, named as the action (recorded histories name them so)', () => {
    expect(Object.keys(taskUpdates).sort()).toEqual([...TASK_ACTIONS].sort());
    for (const action of TASK_ACTIONS) {
      expect(taskUpdates[action].name).toBe(action);
      expect(taskUpdate(action)).toBe(taskUpdates[action]);
    }
  });

  it('names its query and signals as the recorded histories do', () => {
    expect([getStateQuery.name, calendarChangedSignal.name, problemClosedSignal.name]).toEqual([
      GET_STATE_QUERY,
      CALENDAR_CHANGED_SIGNAL,
      PROBLEM_CLOSED_SIGNAL,
    ]);
    expect([GET_STATE_QUERY, CALENDAR_CHANGED_SIGNAL, PROBLEM_CLOSED_SIGNAL]).toEqual([
      'getState',
      'calendarChanged',
      'problemClosed',
    ]);
  });
});
