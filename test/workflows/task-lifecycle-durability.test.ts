import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkdayCalendar } from '@duban/domain/calendar/workday-calendar';
import { buildTaskInput } from '@duban/domain/task/task-input';
import { TASK_WORKFLOW_TYPE, TaskAction, TaskActionArgs, taskWorkflowId } from '@duban/domain/task/task-types';
import { leafTasks, parsePlanText } from '@duban/workplan';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { actors, dueOctober8 } from '../support/task-fixtures';
import { createTimeSkippingEnv } from '../support/time-skipping-env';
import { bundleTaskWorkflows, testWorker } from '../support/workflow-test-kit';
import { getStateQuery, TaskLifecycleWorkflow, taskUpdate, taskUpdates } from '@duban/domain/task/task-messages';

jest.setTimeout(180_000);

const TASK_QUEUE = 'wf-durability';
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  bundle = await bundleTaskWorkflows();
});
afterEach(async () => {
  await env?.teardown();
});

const worker = (activities: ReturnType<typeof recordingActivities>['activities'], maxCachedWorkflows?: number) =>
  testWorker(env, TASK_QUEUE, bundle, activities, { maxCachedWorkflows });

describe('task lifecycle durability', () => {
  it('resumes after its worker is shut down mid-stage with no reminder lost or doubled', async () => {
    env = await createTimeSkippingEnv('2021-09-20T00:00:00Z');
    const input = dueOctober8('2.1');
    const first = recordingActivities();
    const handle = await env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
      taskQueue: TASK_QUEUE,
      workflowId: taskWorkflowId(input.planId, input.taskCode),
      args: [input],
    });
    // Worker 1 runs until the first two reminders are out (to 2021-09-29), then shuts down mid-stage.
    // It keeps no workflow cache: the Java test server never moves a task off a dead worker's
    // sticky queue (the real server does after stickyQueueScheduleToStartTimeout), so a cached
    // worker 1 would strand the next task there. Every task of worker 1 is replayed from history.
    const w1 = await worker(first.activities, 0);
    await w1.runUntil(env.sleep('9 days'));
    expect(first.notifications.filter((n) => n.kind === 'reminder')).toHaveLength(2);

    // A new worker (empty cache: it rebuilds the workflow from history) takes over.
    const second = recordingActivities();
    const w2 = await worker(second.activities);
    await w2.runUntil(async () => {
      await env.sleep('30 days');
      const s = await handle.query(getStateQuery);
      expect(s.escalations.map((e) => e.level)).toEqual([1, 2, 3]);
    });
    await maybeRecordHistory(handle, 'worker-restart-mid-stage');
    const all = [...first.notifications, ...second.notifications].filter((n) => n.kind !== 'action');
    const keys = all.map((n) => n.dedupKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(all.filter((n) => n.kind === 'reminder').map((n) => n.level)).toEqual([5, 3, 1, 0]);
    expect(all.filter((n) => n.kind === 'escalation').map((n) => n.level)).toEqual([1, 2, 3]);
  });

  it('runs a whole annual task of the bundled plan from start to 销号 and records its history', async () => {
    const text = readFileSync(
      join(__dirname, '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt'),
      'utf8',
    );
    env = await createTimeSkippingEnv('2021-05-01T00:00:00Z');
    const tree = parsePlanText(text);
    const leaf = leafTasks(tree).find((l) => l.item.code === '3.1.4')!; // 水气股 leads, 监测站 cooperates
    const input = buildTaskInput(leaf.item, {
      planId: 'xinjian-2021',
      planYear: 2021,
      issuedOn: tree.metadata.issuedOn,
      leadUnit: 'water-air',
      cooperatingUnits: ['monitoring'],
      calendar: new WorkdayCalendar(),
    });
    const rec = recordingActivities();
    const w = await worker(rec.activities);
    const handle = await env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
      taskQueue: TASK_QUEUE,
      workflowId: 'xinjian-2021/3.1.4',
      args: [input],
    });
    let n = 0;
    const act = <A extends TaskAction>(update: A, args: Omit<TaskActionArgs[A], 'requestId'>) =>
      handle.executeUpdate(taskUpdate(update), { args: [{ requestId: `r-${++n}`, ...args } as TaskActionArgs[A]] });
    const wallClock = Date.now();
    const result = await w.runUntil(async () => {
      for (const stage of input.stages.filter((st) => !st.closure)) {
        let s = await act('submit', { actor: actors.waterHandler, note: `${stage.name}已完成` });
        if (stage.requiresCooperation) {
          expect(s.stages.find((st) => st.key === stage.key)?.status).toBe('awaiting-cooperation');
          await act('cooperateFeedback', { actor: actors.monitoringHandler, note: '监测数据已提供' });
          s = await act('confirmCooperation', { actor: actors.monitoringHead });
        }
        expect(s.stages.find((st) => st.key === stage.key)?.status).toBe('submitted');
        await act('approve', { actor: actors.waterHead, note: '同意' });
      }
      await act('close', { actor: actors.supervisor, note: '同意销号' });
      return handle.result();
    });
    expect(result.status).toBe('closed');
    // Eight months of plan time (May to December) in seconds of wall-clock time.
    expect(Date.now() - wallClock).toBeLessThan(60_000);
    expect(result.stages.map((st: { status: string }) => st.status)).toEqual([
      ...input.stages.slice(0, -1).map(() => 'approved'),
      'closed',
    ]);
    expect(result.escalations).toEqual([]);

    await maybeRecordHistory(handle, 'annual-task-to-closure');
    const history = await handle.fetchHistory();
    expect(history.events?.length).toBeGreaterThan(20);
  });
});

describe('continue-as-new', () => {
  it('carries state, timers and processed request ids into the next run', async () => {
    env = await createTimeSkippingEnv('2021-09-20T00:00:00Z');
    const rec = recordingActivities();
    const w = await worker(rec.activities);
    // A tiny history limit: the workflow continues as new after almost every timer.
    const input = { ...dueOctober8('2.3'), limits: { historyEvents: 40 } };
    const handle = await env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
      taskQueue: TASK_QUEUE,
      workflowId: taskWorkflowId(input.planId, input.taskCode),
      args: [input],
    });
    const comment = { requestId: 'r-comment', actor: actors.waterHandler, text: '正在收集监测数据' };
    await w.runUntil(async () => {
      const first = await handle.executeUpdate(taskUpdates.comment, { args: [comment] });
      await env.sleep('30 days');
      const s = await handle.query(getStateQuery);
      expect(s.escalations.map((e) => e.level)).toEqual([1, 2, 3]);
      await maybeRecordHistory(handle, 'continue-as-new-last-run');
      // The same request id, several runs later: answered, not applied again.
      const again = await handle.executeUpdate(taskUpdates.comment, { args: [comment] });
      expect(again.version).toBe(s.version);
      expect(again.version).toBeGreaterThan(first.version);
      expect(again.events.filter((e) => e.requestId === 'r-comment').length).toBeLessThanOrEqual(1);
    });
    // The run now current is not the one we started: the workflow did continue as new.
    const current = await handle.describe();
    expect(current.runId).not.toBe(handle.firstExecutionRunId);
    const firstRun = await env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).fetchHistory();
    expect(firstRun.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    const reminders = rec.notifications.filter((n) => n.kind === 'reminder');
    expect(reminders.map((n) => n.level)).toEqual([5, 3, 1, 0]);
    expect(rec.notifications.filter((n) => n.kind === 'escalation').map((n) => n.level)).toEqual([1, 2, 3]);
    // Projections may repeat an event (the writer is idempotent by seq); it exists once.
    const comments = rec.projections.flatMap((p) => p.events).filter((e) => e.action === 'comment');
    expect(new Set(comments.map((e) => e.seq)).size).toBe(1);
    const started = rec.projections.flatMap((p) => p.events).find((e) => e.action === 'started');
    expect(started?.seq).toBe(1);
  });
});
