import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkdayCalendar } from '../../libs/domain/src/calendar/workday-calendar';
import { buildTaskInput } from '../../libs/domain/src/task/task-input';
import { TaskSnapshot } from '../../libs/domain/src/task/task-types';
import { leafTasks, parsePlanText } from '../../libs/workplan/src';
import { recordingActivities } from '../support/recording-activities';
import { actors, dueOctober8 } from '../support/task-fixtures';
import { createTimeSkippingEnv } from '../support/time-skipping-env';

jest.setTimeout(180_000);

const TASK_QUEUE = 'wf-durability';
const HISTORIES = join(__dirname, '..', 'histories');
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

beforeAll(async () => {
  bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
});
afterEach(async () => {
  await env?.teardown();
});

const worker = (activities: ReturnType<typeof recordingActivities>['activities']) =>
  Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowBundle: bundle, activities });

describe('task lifecycle durability', () => {
  it('resumes after its worker is shut down mid-stage with no reminder lost or doubled', async () => {
    env = await createTimeSkippingEnv('2021-09-20T00:00:00Z');
    const input = dueOctober8('2.1');
    const first = recordingActivities();
    const handle = await env.client.workflow.start('taskLifecycleWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `${input.planId}/${input.taskCode}`,
      args: [input],
    });
    // Worker 1 runs until the first two reminders are out (to 2021-09-29), then shuts down mid-stage.
    const w1 = await worker(first.activities);
    await w1.runUntil(env.sleep('9 days'));
    expect(first.notifications.filter((n) => n.kind === 'reminder')).toHaveLength(2);

    // A new worker (empty cache: it rebuilds the workflow from history) takes over.
    const second = recordingActivities();
    const w2 = await worker(second.activities);
    await w2.runUntil(async () => {
      await env.sleep('30 days');
      const s = await handle.query<TaskSnapshot>('getState');
      expect(s.escalations.map((e) => e.level)).toEqual([1, 2, 3]);
    });
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
    const handle = await env.client.workflow.start('taskLifecycleWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: 'xinjian-2021/3.1.4',
      args: [input],
    });
    let n = 0;
    const act = (update: string, args: object) =>
      handle.executeUpdate<TaskSnapshot, [object]>(update, { args: [{ requestId: `r-${++n}`, ...args }] });
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
    expect(result.stages.map((st: { status: string }) => st.status)).toEqual([
      ...input.stages.slice(0, -1).map(() => 'approved'),
      'closed',
    ]);
    expect(result.escalations).toEqual([]);

    mkdirSync(HISTORIES, { recursive: true });
    const history = await handle.fetchHistory();
    if (process.env.RECORD_HISTORIES === '1') {
      writeFileSync(join(HISTORIES, 'annual-task-to-closure.json'), JSON.stringify(history));
    }
    expect(history.events?.length).toBeGreaterThan(20);
  });
});
