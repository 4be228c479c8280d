import { Worker } from '@temporalio/worker';
import { TASK_WORKFLOW_TYPE, TaskWorkflowInput, taskWorkflowId } from '@duban/domain/task/task-types';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { actors, dueOctober8 } from '../support/task-fixtures';
import { toSecond, updateRejection, timeSkippingSuite } from '../support/workflow-test-kit';
import { getStateQuery, TaskLifecycleWorkflow, taskUpdates } from '@duban/domain/task/task-messages';

jest.setTimeout(120_000);

const TASK_QUEUE = 'wf-test';
// A fresh server per test, its clock at 2021-09-01: before the stage's first reminder (2021-09-26).
const suite = timeSkippingSuite('2021-09-01T00:00:00Z');

async function newWorker(activities: ReturnType<typeof recordingActivities>['activities']) {
  return Worker.create({
    connection: suite.env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: suite.bundle,
    activities,
  });
}

function start(input: TaskWorkflowInput) {
  return suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
    taskQueue: TASK_QUEUE,
    workflowId: taskWorkflowId(input.planId, input.taskCode),
    args: [input],
  });
}

const state = (id: string) => suite.env.client.workflow.getHandle(id).query(getStateQuery);

describe('task lifecycle workflow (time-skipping server)', () => {
  it('reminds on workdays only at the planned instants, then climbs the ladder once per level', async () => {
    const rec = recordingActivities();
    const worker = await newWorker(rec.activities);
    const input = dueOctober8('1.1');
    await worker.runUntil(async () => {
      const handle = await start(input);
      await suite.env.sleep('50 days');
      await maybeRecordHistory(handle, 'overdue-escalation-ladder');
      const s = await handle.query(getStateQuery);
      expect(s.events.filter((e) => e.action === 'reminder').map((e) => toSecond(e.at))).toEqual([
        '2021-09-26T01:00:00Z', // Sunday, a 调休 workday: 5 workdays before
        '2021-09-28T01:00:00Z',
        '2021-09-30T01:00:00Z', // 1 workday before: the National Day week is skipped
        '2021-10-08T01:00:00Z',
      ]);
      expect(s.events.filter((e) => e.action === 'escalation').map((e) => toSecond(e.at))).toEqual([
        '2021-10-09T01:00:00Z', // Saturday, a 调休 workday: +1
        '2021-10-12T01:00:00Z', // +3
        '2021-10-14T01:00:00Z', // +5
      ]);
      expect(s.escalations.map((e) => [e.level, e.to, e.resolvedAt])).toEqual([
        [1, 'unit-head', null],
        [2, 'deputy-director', null],
        [3, 'supervisor', null],
      ]);
      expect(s.trafficLight).toBe('red');
    });
    const reminders = rec.notifications.filter((n) => n.kind === 'reminder');
    expect(reminders.map((n) => toSecond(n.sentAt))).toEqual([
      '2021-09-26T01:00:00Z',
      '2021-09-28T01:00:00Z',
      '2021-09-30T01:00:00Z',
      '2021-10-08T01:00:00Z',
    ]);
    expect(
      reminders.every(
        (n) => n.recipients.some((r) => r.role === 'handler') && n.recipients.some((r) => r.role === 'unit-head'),
      ),
    ).toBe(true);
    const escalations = rec.notifications.filter((n) => n.kind === 'escalation');
    expect(escalations.map((n) => [n.level, n.recipients[0].role])).toEqual([
      [1, 'unit-head'],
      [2, 'deputy-director'],
      [3, 'supervisor'],
    ]);
    // The light went green → yellow → red in the projections.
    const lights = rec.projections.map((p) => p.trafficLight).filter((l, i, a) => l !== a[i - 1]);
    expect(lights).toEqual(['green', 'yellow', 'red']);
  });

  it('lets only the lead unit head approve, never the submitter, and applies a request id once', async () => {
    const rec = recordingActivities();
    const worker = await newWorker(rec.activities);
    await worker.runUntil(async () => {
      const handle = await start(dueOctober8('1.2'));
      const submitted = await handle.executeUpdate(taskUpdates.submit, {
        args: [{ requestId: 'r-submit', actor: actors.waterHandler, note: '已完成蓝天保卫战年度调度' }],
      });
      expect(submitted.stages[0].status).toBe('submitted');

      expect(
        await updateRejection(
          handle.executeUpdate(taskUpdates.approve, { args: [{ requestId: 'r-eco', actor: actors.ecologyHead }] }),
        ),
      ).toBe('FORBIDDEN_UNIT');
      expect(
        await updateRejection(
          handle.executeUpdate(taskUpdates.approve, { args: [{ requestId: 'r-self', actor: actors.waterHandler }] }),
        ),
      ).toBe('FORBIDDEN_ROLE');

      const first = await handle.executeUpdate(taskUpdates.approve, {
        args: [{ requestId: 'r-approve', actor: actors.waterHead, note: '同意' }],
      });
      const again = await handle.executeUpdate(taskUpdates.approve, {
        args: [{ requestId: 'r-approve', actor: actors.waterHead, note: '同意' }],
      });
      expect(first.stages[0].status).toBe('approved');
      expect(first.currentStageKey).toBe('closure');
      expect(again.version).toBe(first.version);
      const s = await state('wf-test/1.2');
      expect(s.events.filter((e) => e.action === 'approve')).toHaveLength(1);
      expect(rec.notifications.filter((n) => n.title.startsWith('【已通过】'))).toHaveLength(1);
    });
  });

  it('refuses a head the approval of a stage they submitted themselves (promoted after submitting)', async () => {
    const rec = recordingActivities();
    const worker = await newWorker(rec.activities);
    await worker.runUntil(async () => {
      const handle = await start(dueOctober8('1.4'));
      await handle.executeUpdate(taskUpdates.submit, {
        args: [{ requestId: 'r-1', actor: actors.waterHandler, note: '已完成' }],
      });
      // Same person, now 股长 of the unit: still may not sign off their own work.
      const promoted = { ...actors.waterHandler, role: 'unit-head' as const };
      expect(
        await updateRejection(
          handle.executeUpdate(taskUpdates.approve, { args: [{ requestId: 'r-2', actor: promoted }] }),
        ),
      ).toBe('SELF_APPROVAL');
      const s = await state('wf-test/1.4');
      expect(s.stages[0].status).toBe('submitted');
    });
  });

  it('pauses timers while suspended and re-plans on resume: no reminder sent late, none twice', async () => {
    const rec = recordingActivities();
    const worker = await newWorker(rec.activities);
    await worker.runUntil(async () => {
      const handle = await start(dueOctober8('1.5'));
      await suite.env.sleep('26 days'); // 2021-09-27: the 5-workday reminder (09-26) is out
      await handle.executeUpdate(taskUpdates.suspend, {
        args: [{ requestId: 'r-s', actor: actors.supervisor, reason: '等待上级统一部署' }],
      });
      await suite.env.sleep('5 days'); // 2021-10-02: the 3- and 1-workday reminders fell in the pause
      let s = await handle.query(getStateQuery);
      expect(s.status).toBe('suspended');
      expect(s.trafficLight).toBe('none');
      const resumed = await handle.executeUpdate(taskUpdates.resume, {
        args: [{ requestId: 'r-r', actor: actors.supervisor, note: '恢复办理' }],
      });
      expect(resumed.status).toBe('active');
      await suite.env.sleep('30 days');
      s = await handle.query(getStateQuery);
      expect(s.stages[0].reminders.map((r) => [r.offsetWorkdays, r.state])).toEqual([
        [5, 'fired'],
        [3, 'skipped'],
        [1, 'skipped'],
        [0, 'fired'],
      ]);
      expect(s.escalations.map((e) => e.level)).toEqual([1, 2, 3]);
      await maybeRecordHistory(handle, 'suspend-resume-replans');
    });
    expect(rec.notifications.filter((n) => n.kind === 'reminder').map((n) => toSecond(n.sentAt))).toEqual([
      '2021-09-26T01:00:00Z',
      '2021-10-08T01:00:00Z',
    ]);
    expect(rec.notifications.filter((n) => n.kind === 'escalation').map((n) => toSecond(n.sentAt))).toEqual([
      '2021-10-09T01:00:00Z',
      '2021-10-12T01:00:00Z',
      '2021-10-14T01:00:00Z',
    ]);
  });

  it('moves every pending timer when a deputy director approves an extension', async () => {
    const rec = recordingActivities();
    const worker = await newWorker(rec.activities);
    await worker.runUntil(async () => {
      const handle = await start(dueOctober8('1.3'));
      await suite.env.sleep('27 days'); // 2021-09-28: two reminders out
      await handle.executeUpdate(taskUpdates.requestExtension, {
        args: [{ requestId: 'r-ext', actor: actors.waterHandler, newDueDate: '2021-10-15', reason: '需等待监测数据' }],
      });
      expect(
        await updateRejection(
          handle.executeUpdate(taskUpdates.decideExtension, {
            args: [{ requestId: 'r-d0', actor: actors.waterHead, approve: true }],
          }),
        ),
      ).toBe('FORBIDDEN_ROLE');
      const decided = await handle.executeUpdate(taskUpdates.decideExtension, {
        args: [{ requestId: 'r-d1', actor: actors.deputyA, approve: true }],
      });
      expect(decided.stages[0].dueAt).toBe('2021-10-15T09:30:00.000Z');
      await suite.env.sleep('30 days');
      const s = await handle.query(getStateQuery);
      const escalations = s.events.filter((e) => e.action === 'escalation').map((e) => toSecond(e.at));
      expect(escalations).toEqual(['2021-10-18T01:00:00Z', '2021-10-20T01:00:00Z', '2021-10-22T01:00:00Z']);
      const reminders = rec.notifications.filter((n) => n.kind === 'reminder').map((n) => n.dedupKey);
      expect(new Set(reminders).size).toBe(reminders.length);
      await maybeRecordHistory(handle, 'extension-moves-timers');
    });
  });

  it('an approved extension past a later stage’s deadline moves that stage too (patch extension-moves-later-stages)', async () => {
    const rec = recordingActivities();
    const worker = await newWorker(rec.activities);
    await worker.runUntil(async () => {
      const input = dueOctober8('1.4');
      input.stages.splice(1, 0, {
        ...input.stages[0],
        key: 'report',
        name: '阶段报告',
        dueAt: '2021-10-12T09:30:00.000Z',
      });
      const handle = await start(input);
      await suite.env.sleep('27 days'); // 2021-09-28
      await handle.executeUpdate(taskUpdates.requestExtension, {
        args: [{ requestId: 'r-ext', actor: actors.waterHandler, newDueDate: '2021-10-15', reason: '需等待监测数据' }],
      });
      const decided = await handle.executeUpdate(taskUpdates.decideExtension, {
        args: [{ requestId: 'r-d1', actor: actors.deputyA, approve: true }],
      });
      expect(decided.stages.map((st) => [st.key, st.dueAt])).toEqual([
        ['done', '2021-10-15T09:30:00.000Z'],
        ['report', '2021-10-15T09:30:00.000Z'],
        ['closure', null],
      ]);
      await suite.env.sleep('2 days');
      const s = await handle.query(getStateQuery);
      expect(s.events.find((e) => e.action === 'extension-approved')?.detail).toContain('后续阶段阶段报告一并延至');
      await maybeRecordHistory(handle, 'extension-moves-later-stages');
    });
  });
});
