import { WorkflowHandle } from '@temporalio/client';

import { TASK_WORKFLOW_TYPE, TaskAction, TaskActionArgs } from '@duban/domain/task/task-types';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { actors, dueOctober8, rectificationTask } from '../support/task-fixtures';
import { toSecond, updateRejection, testWorker, timeSkippingSuite, untilState } from '../support/workflow-test-kit';
import { getStateQuery, TaskLifecycleWorkflow, taskUpdate, taskUpdates } from '@duban/domain/task/task-messages';

jest.setTimeout(120_000);

const TASK_QUEUE = 'wf-ledger';
const suite = timeSkippingSuite('2021-09-01T00:00:00Z');

describe('rectification ledger (整改台账): one child workflow per problem', () => {
  it('closes the task only after every problem is closed', async () => {
    const rec = recordingActivities();
    const worker = await testWorker(suite.env, TASK_QUEUE, suite.bundle, rec.activities);
    await worker.runUntil(async () => {
      const input = rectificationTask('5.1');
      const task = await suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: 'wf-test/5.1',
        args: [input],
      });
      let n = 0;
      const act = <A extends TaskAction>(
        handle: WorkflowHandle,
        update: A,
        args: Omit<TaskActionArgs[A], 'requestId'>,
      ) =>
        handle.executeUpdate(taskUpdate(update), { args: [{ requestId: `r-${++n}`, ...args } as TaskActionArgs[A]] });
      const add = (problemId: string, title: string, dueDate: string, actor = actors.supervisor) =>
        act(task, 'addProblem', { actor, problemId, title, dueDate });

      expect(await updateRejection(add('P1', '污水直排', '2021-09-30', actors.waterHandler))).toBe('FORBIDDEN_ROLE');
      await add('P1', '城区段污水直排', '2021-09-30');
      // Due on a National Day holiday: moved back to the last workday before it, 17:30.
      const added = await add('P2', '堆场扬尘未覆盖', '2021-10-03', actors.waterHead);
      expect(added.problems.map((p) => [p.problemId, p.workflowId, p.dueAt, p.status])).toEqual([
        ['P1', 'wf-test/5.1/problem/P1', '2021-09-30T09:30:00.000Z', 'open'],
        ['P2', 'wf-test/5.1/problem/P2', '2021-09-30T09:30:00.000Z', 'open'],
      ]);
      expect(await updateRejection(add('P2', '重复登记', '2021-10-08'))).toBe('BAD_INPUT');

      // To 2021-09-25: each problem got its 5-workday reminder on Fri 09-24 (09-26 is a 调休 Sunday).
      await suite.env.sleep('24 days');

      // The task's own stage is done, but P1 and P2 are still open: no 销号 yet.
      await act(task, 'submit', { actor: actors.waterHandler, note: '整改完成', evidenceIds: ['ev-1'] });
      await act(task, 'approve', { actor: actors.waterHead, note: '同意' });
      expect(await updateRejection(act(task, 'close', { actor: actors.supervisor }))).toBe('INVALID_STATE');

      // Each problem is a workflow of its own: evidence, head's approval, supervisor's 销号.
      for (const id of ['P1', 'P2']) {
        const problem = suite.env.client.workflow.getHandle(`wf-test/5.1/problem/${id}`);
        expect(await updateRejection(act(problem, 'submit', { actor: actors.waterHandler, note: '已整改' }))).toBe(
          'BAD_INPUT',
        ); // evidence is required
        await act(problem, 'submit', { actor: actors.waterHandler, note: '已整改', evidenceIds: [`ev-${id}`] });
        await act(problem, 'approve', { actor: actors.waterHead });
        if (id === 'P1') {
          await act(problem, 'close', { actor: actors.supervisor, note: '同意销号' });
          await untilState(
            () => task.query(getStateQuery),
            (s) => s.problems[0].status === 'closed',
          );
          expect(await updateRejection(act(task, 'close', { actor: actors.supervisor }))).toBe('INVALID_STATE');
        } else {
          await act(problem, 'close', { actor: actors.supervisor, note: '同意销号' });
        }
        expect((await problem.result()).status).toBe('closed');
      }
      const ready = await untilState(
        () => task.query(getStateQuery),
        (s) => s.problems.every((p) => p.status === 'closed'),
      );
      expect(ready.events.filter((e) => e.action === 'problem-closed').map((e) => e.detail)).toEqual([
        'P1：城区段污水直排',
        'P2：堆场扬尘未覆盖',
      ]);
      const closed = await act(task, 'close', { actor: actors.supervisor, note: '整改台账全部销号' });
      expect(closed.status).toBe('closed');
      await task.result();
      await maybeRecordHistory(task, 'rectification-ledger');
    });
    // The problems reminded their own handlers, under their own task ids, once each.
    const problemReminders = rec.notifications.filter((n) => n.kind === 'reminder' && n.taskId.includes('/problem/'));
    expect(problemReminders.map((n) => [n.taskId, n.level, toSecond(n.sentAt)]).sort()).toEqual([
      ['wf-test/5.1/problem/P1', 5, '2021-09-24T01:00:00Z'],
      ['wf-test/5.1/problem/P2', 5, '2021-09-24T01:00:00Z'],
    ]);
  });

  it('keeps a ledger only on rectification tasks', async () => {
    const rec = recordingActivities();
    const worker = await testWorker(suite.env, TASK_QUEUE, suite.bundle, rec.activities);
    await worker.runUntil(async () => {
      const task = await suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: 'wf-test/5.2',
        args: [dueOctober8('5.2')],
      });
      const type = await updateRejection(
        task.executeUpdate(taskUpdates.addProblem, {
          args: [{ requestId: 'r-1', actor: actors.supervisor, problemId: 'P1', title: 'x', dueDate: '2021-09-30' }],
        }),
      );
      expect(type).toBe('INVALID_STATE');
    });
  });
});
