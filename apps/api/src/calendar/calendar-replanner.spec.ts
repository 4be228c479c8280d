import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { CalendarChange } from '@duban/domain/task/task-types';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { CalendarReplanner } from './calendar-replanner';

/** The replanner over a read model of `ids` and a client whose signal outcome is chosen per task. */
function replannerOver(ids: string[], outcome: (taskId: string) => 'ok' | 'ended' | 'down' = () => 'ok') {
  const asked: { first: number; last: number }[] = [];
  const signalled: { taskId: string; signal: string; change: unknown }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const tasks = {
    dueInYears: async (first: number, last: number) => {
      asked.push({ first, last });
      return ids;
    },
  } as unknown as TaskRepository;
  const client = {
    workflow: {
      getHandle: (taskId: string) => ({
        signal: async (def: { name: string }, change: unknown) => {
          inFlight++;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise((r) => setImmediate(r));
          inFlight--;
          const o = outcome(taskId);
          if (o === 'ended') throw new WorkflowNotFoundError('not found', taskId, undefined);
          if (o === 'down') throw new Error('connection refused');
          signalled.push({ taskId, signal: def.name, change });
        },
      }),
    },
  } as unknown as Client;
  return { replanner: new CalendarReplanner(tasks, client), asked, signalled, mostInFlight: () => mostInFlight };
}

const change = (years: number[]): CalendarChange => ({ years, revision: 3 });

describe('re-planning open tasks after a calendar change', () => {
  it('asks the read model for the span of the changed years and signals each task once', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `p/${i + 1}`);
    const w = replannerOver(ids);
    const result = await w.replanner.replan(change([2028, 2027]));
    expect(w.asked).toEqual([{ first: 2027, last: 2028 }]);
    expect(result).toEqual({ tasks: 40, signalled: 40, ended: 0, failed: [] });
    expect(w.signalled.map((s) => s.taskId).sort()).toEqual([...ids].sort());
    expect(new Set(w.signalled.map((s) => s.signal))).toEqual(new Set(['calendarChanged']));
    expect(w.signalled[0].change).toEqual(change([2028, 2027]));
    // Gentle on the server: at most 16 signals in flight.
    expect(w.mostInFlight()).toBeLessThanOrEqual(16);
    expect(w.mostInFlight()).toBeGreaterThan(1);
  });

  it('counts tasks whose workflow has ended apart from failures, and goes on past both', async () => {
    const w = replannerOver(['p/1', 'p/2', 'p/3'], (id) => (id === 'p/1' ? 'ended' : id === 'p/2' ? 'down' : 'ok'));
    const result = await w.replanner.replan(change([2027]));
    expect(result).toEqual({
      tasks: 3,
      signalled: 1,
      ended: 1,
      failed: [{ taskId: 'p/2', error: 'connection refused' }],
    });
  });

  it('does nothing when no open task has dates in the years', async () => {
    await expect(replannerOver([]).replanner.replan(change([2030]))).resolves.toEqual({
      tasks: 0,
      signalled: 0,
      ended: 0,
      failed: [],
    });
  });
});
