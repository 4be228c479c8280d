import { WorkflowHandle } from '@temporalio/client';
import { TASK_WORKFLOW_TYPE, TaskAction, TaskActionArgs } from '@duban/domain/task/task-types';
import { reopenedRun } from '@duban/domain/task/task-reopening';
import {
  getStateQuery,
  problemReopenedSignal,
  TaskLifecycleWorkflow,
  taskUpdate,
} from '@duban/domain/task/task-messages';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { actors, rectificationTask } from '../support/task-fixtures';
import { testWorker, timeSkippingSuite, updateRejection, untilState } from '../support/workflow-test-kit';

jest.setTimeout(180_000);

/**
 * An inspection's problem list as a ledger (整改台账) at full size, and a problem that comes back
 * (反弹回潮): reopened under its own number, its history going on where it stopped.
 */
const TASK_QUEUE = 'wf-reopen';
const suite = timeSkippingSuite('2021-09-01T00:00:00Z');

let n = 0;
const act = <A extends TaskAction>(handle: WorkflowHandle, update: A, args: Omit<TaskActionArgs[A], 'requestId'>) =>
  handle.executeUpdate(taskUpdate(update), { args: [{ requestId: `r-${++n}`, ...args } as TaskActionArgs[A]] });

function startTask(code: string) {
  return suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
    taskQueue: TASK_QUEUE,
    workflowId: `wf-test/${code}`,
    args: [rectificationTask(code)],
  });
}

/** Evidence and submission by the unit, its head's approval, the office's 销号. */
async function rectify(problem: WorkflowHandle, evidence: string) {
  await act(problem, 'submit', { actor: actors.waterHandler, note: '已整改', evidenceIds: [evidence] });
  await act(problem, 'approve', { actor: actors.waterHead });
  await act(problem, 'close', { actor: actors.supervisor, note: '核实后销号' });
}

describe('rectification ledger at full size, and 反弹回潮', () => {
  it('runs 20 problems each on its own and closes the task only after the last', async () => {
    const rec = recordingActivities();
    const worker = await testWorker(suite.env, TASK_QUEUE, suite.bundle, rec.activities);
    await worker.runUntil(async () => {
      const task = await startTask('6.1');
      const ids = Array.from({ length: 20 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
      for (const [i, id] of ids.entries()) {
        await act(task, 'addProblem', {
          actor: actors.supervisor,
          problemId: id,
          title: `反馈问题第 ${i + 1} 项`,
          dueDate: '2021-09-30',
        });
      }
      await act(task, 'submit', { actor: actors.waterHandler, note: '整改方案已印发', evidenceIds: ['ev-plan'] });
      await act(task, 'approve', { actor: actors.waterHead });
      for (const id of ids.slice(0, 19))
        await rectify(suite.env.client.workflow.getHandle(`wf-test/6.1/problem/${id}`), `ev-${id}`);
      await untilState(
        () => task.query(getStateQuery),
        (s) => s.problems.filter((p) => p.status === 'closed').length === 19,
      );
      expect(await updateRejection(act(task, 'close', { actor: actors.supervisor }))).toBe('INVALID_STATE');
      await rectify(suite.env.client.workflow.getHandle('wf-test/6.1/problem/P20'), 'ev-P20');
      await untilState(
        () => task.query(getStateQuery),
        (s) => s.problems.every((p) => p.status === 'closed'),
      );
      expect((await act(task, 'close', { actor: actors.supervisor, note: '20 个问题全部销号' })).status).toBe('closed');
      // Each problem projected its own row: its own task id, once per version.
      const problemIds = new Set(rec.projections.filter((p) => p.parent).map((p) => p.taskId));
      expect(problemIds.size).toBe(20);
    });
  });

  it('reopens a closed problem under its number: its history goes on, the task waits for it again', async () => {
    const rec = recordingActivities();
    const worker = await testWorker(suite.env, TASK_QUEUE, suite.bundle, rec.activities);
    await worker.runUntil(async () => {
      const task = await startTask('6.2');
      for (const [id, title] of [
        ['P1', '城区段污水直排'],
        ['P2', '堆场扬尘未覆盖'],
      ])
        await act(task, 'addProblem', { actor: actors.supervisor, problemId: id, title, dueDate: '2021-09-30' });
      const p1 = suite.env.client.workflow.getHandle<TaskLifecycleWorkflow>('wf-test/6.2/problem/P1');
      await rectify(p1, 'ev-1');
      const closed = await p1.result(); // after its grace hour: the run has ended
      await untilState(
        () => task.query(getStateQuery),
        (s) => s.problems[0].status === 'closed',
      );

      // A later inspection finds the discharge again: the office reopens P1 (what POST …/reopen does).
      const lastSeq = Math.max(...closed.events.map((e) => e.seq));
      const { input, carried } = reopenedRun(closed, {
        reason: '省级督察“回头看”再次发现直排',
        dueDate: '2021-11-30',
        dueAt: '2021-11-30T09:30:00.000Z',
        actor: actors.supervisor,
        at: new Date(Date.now()).toISOString(),
        lastSeq,
      });
      const reopened = await suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: p1.workflowId,
        args: [input, carried] as unknown as [typeof input],
      });
      await task.signal(problemReopenedSignal, { problemId: 'P1', reason: '省级督察“回头看”再次发现直排' });
      const again = await untilState(
        () => reopened.query(getStateQuery),
        (s) => s.stages[0].plannedRevision === s.stages[0].dueRevision,
      );
      expect(again).toMatchObject({
        taskId: 'wf-test/6.2/problem/P1',
        status: 'active',
        currentStageKey: 'rectify',
        parent: { workflowId: 'wf-test/6.2', problemId: 'P1' },
      });
      expect(again.stages[0]).toMatchObject({ status: 'open', dueAt: '2021-11-30T09:30:00.000Z', submission: null });
      expect(again.stages[0].reminders.length).toBeGreaterThan(0); // planned anew for the new deadline
      expect(again.version).toBeGreaterThan(closed.version);
      expect(again.events[0]).toMatchObject({ seq: lastSeq + 1, action: 'reopen' });
      // The read model gets the reopened state as a newer version, events numbered after the old ones.
      const p1Projections = rec.projections.filter((p) => p.taskId === 'wf-test/6.2/problem/P1');
      const lastOld = p1Projections.findIndex((p) => p.version === closed.version);
      expect(p1Projections.slice(lastOld + 1).every((p) => p.version > closed.version)).toBe(true);

      const parent = await untilState(
        () => task.query(getStateQuery),
        (s) => s.problems[0].status === 'open',
      );
      expect(parent.events.at(-1)).toMatchObject({
        action: 'problem-reopened',
        detail: 'P1：城区段污水直排（省级督察“回头看”再次发现直排）',
      });
      // A repeated signal changes nothing.
      await task.signal(problemReopenedSignal, { problemId: 'P1', reason: '重复' });
      await rectify(suite.env.client.workflow.getHandle('wf-test/6.2/problem/P2'), 'ev-2');
      await act(task, 'submit', { actor: actors.waterHandler, note: '整改完成', evidenceIds: ['ev-t'] });
      await act(task, 'approve', { actor: actors.waterHead });
      await untilState(
        () => task.query(getStateQuery),
        (s) => s.problems[1].status === 'closed',
      );
      expect(await updateRejection(act(task, 'close', { actor: actors.supervisor }))).toBe('INVALID_STATE');

      await rectify(reopened, 'ev-1b');
      await untilState(
        () => task.query(getStateQuery),
        (s) => s.problems.every((p) => p.status === 'closed'),
      );
      const final = await task.query(getStateQuery);
      expect(final.events.filter((e) => e.action === 'problem-reopened')).toHaveLength(1);
      expect((await act(task, 'close', { actor: actors.supervisor })).status).toBe('closed');
      await maybeRecordHistory(reopened, 'rectification-problem-reopened');
      await maybeRecordHistory(task, 'rectification-ledger-with-reopen');
    });
  });
});
