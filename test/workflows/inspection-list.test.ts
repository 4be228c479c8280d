import { WorkflowHandle } from '@temporalio/client';

import { listedProblemInput, listTaskInput } from '@duban/domain/items/inspection-list';
import { getStateQuery, TaskLifecycleWorkflow, taskUpdate } from '@duban/domain/task/task-messages';
import { TASK_WORKFLOW_TYPE, TaskAction, TaskActionArgs, TaskWorkflowInput } from '@duban/domain/task/task-types';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { actors, rectificationTask } from '../support/task-fixtures';
import { testWorker, timeSkippingSuite, updateRejection, untilState } from '../support/workflow-test-kit';

jest.setTimeout(240_000);

const TASK_QUEUE = 'wf-inspection-list';
const suite = timeSkippingSuite('2021-09-01T00:00:00Z');
const importer = { by: actors.supervisor.userId, role: 'supervisor', unit: null, at: '2021-09-01T00:00:00.000Z' };

/** Twenty problems of two units, each with its unit's 签收 of one workday. */
function rows(): TaskWorkflowInput[] {
  return Array.from({ length: 20 }, (_, i) => {
    const unit = i % 2 === 0 ? 'water-air' : 'monitoring';
    const base = rectificationTask(`${Math.floor(i / 10) + 1}.${i + 1}`);
    return {
      ...base,
      title: `督察反馈问题 ${i + 1}`,
      leadUnit: unit,
      stages: base.stages.map((st) => (st.closure ? st : { ...st, ownerUnit: unit })),
      policy: { ...base.policy, receiptWorkdays: 1 },
    };
  });
}

describe('an inspection list (整改清单) of 20 problems', () => {
  it('runs each problem on its own, after its own unit’s 签收, and closes the list only at the end', async () => {
    const rec = recordingActivities();
    const worker = await testWorker(suite.env, TASK_QUEUE, suite.bundle, rec.activities);
    await worker.runUntil(async () => {
      const problems = rows();
      const listInput = listTaskInput('某区督察反馈问题整改清单', problems, importer);
      const start = (input: TaskWorkflowInput, id: string) =>
        suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
          taskQueue: TASK_QUEUE,
          workflowId: id,
          args: [input],
        });
      const list = await start(listInput, 'wf-test/ZG');
      const handles = await Promise.all(
        problems.map((p) => start(listedProblemInput('wf-test/ZG', p), `wf-test/${p.taskCode}`)),
      );
      let n = 0;
      const act = <A extends TaskAction>(h: WorkflowHandle, update: A, args: Omit<TaskActionArgs[A], 'requestId'>) =>
        h.executeUpdate(taskUpdate(update), { args: [{ requestId: `r-${++n}`, ...args } as TaskActionArgs[A]] });

      const first = await list.query(getStateQuery);
      expect(first.problems.map((p) => [p.problemId, p.workflowId, p.status])).toEqual(
        problems.map((p) => [p.taskCode, `wf-test/${p.taskCode}`, 'open']),
      );
      expect(first.receipt).toBeUndefined();

      // Every action goes in before any wait on a result: waiting lets the test server skip time,
      // and an update racing the timers it skips to is what the time-skipping server mishandles.
      const unitOf = (i: number) =>
        i % 2 === 0
          ? { head: actors.waterHead, handler: actors.waterHandler, other: actors.monitoringHead }
          : { head: actors.monitoringHead, handler: actors.monitoringHandler, other: actors.waterHead };
      for (const [i, h] of handles.entries()) {
        // Its own unit acknowledges it (the other unit's head cannot), then works on it.
        if (i < 2)
          expect(await updateRejection(act(h, 'acknowledge', { actor: unitOf(i).other }))).toBe('FORBIDDEN_UNIT');
        await act(h, 'acknowledge', { actor: unitOf(i).head, note: '已签收' });
        await act(h, 'submit', { actor: unitOf(i).handler, note: '已整改', evidenceIds: [`ev-${i}`] });
        await act(h, 'approve', { actor: unitOf(i).head });
      }
      for (const h of handles.slice(0, -1)) await act(h, 'close', { actor: actors.supervisor, note: '同意销号' });
      await untilState(
        () => list.query(getStateQuery),
        (s) => s.problems.filter((p) => p.status === 'closed').length === handles.length - 1,
      );
      expect(await updateRejection(act(list, 'close', { actor: actors.supervisor }))).toBe('INVALID_STATE');
      await act(handles.at(-1)!, 'close', { actor: actors.supervisor, note: '同意销号' });
      for (const h of handles) expect((await h.result()).status).toBe('closed');
      const ready = await untilState(
        () => list.query(getStateQuery),
        (s) => s.problems.every((p) => p.status === 'closed'),
      );
      expect(ready.events.filter((e) => e.action === 'problem-closed')).toHaveLength(handles.length);
      const closed = await act(list, 'close', { actor: actors.supervisor, note: '整改清单全部销号' });
      expect(closed.status).toBe('closed');
      await list.result();
      await maybeRecordHistory(list, 'inspection-list');
      await maybeRecordHistory(handles[0], 'inspection-list-problem');
    });
  });
});
