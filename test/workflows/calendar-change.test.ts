import { closureStageSpec } from '@duban/domain/task/closure-stage';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { calendarActivitiesOver, createCalendarActivities } from '../../activities/calendar/calendar-activities';
import { calendarDataOf, seedYears } from '@duban/domain/calendar/calendar-data';
import { CalendarSource } from '@duban/domain/calendar/calendar-source';
import { WorkdayCalendar } from '@duban/domain/calendar/workday-calendar';
import { DEFAULT_POLICY, TASK_WORKFLOW_TYPE, TaskWorkflowInput } from '@duban/domain/task/task-types';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { createTimeSkippingEnv } from '../support/time-skipping-env';
import { bundleTaskWorkflows, toSecond, testWorker } from '../support/workflow-test-kit';
import { calendarChangedSignal, getStateQuery, TaskLifecycleWorkflow } from '@duban/domain/task/task-messages';

/**
 * Issue 14: next year works today, and a holiday notice re-plans running tasks. A stage due
 * Friday 2027-02-12 is planned on the provisional 2027 (statutory 春节 02-05 to 02-08 off, no
 * 调休); then the notice is entered — 春节 bridged to 02-11, Saturday 02-13 a make-up workday — and
 * the task's pending reminders and escalations move to the new workdays, none lost or doubled.
 */
jest.setTimeout(120_000);

const TASK_QUEUE = 'wf-calendar';
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  bundle = await bundleTaskWorkflows();
});
afterEach(async () => {
  const started = env;
  env = undefined as unknown as TestWorkflowEnvironment; // a test that starts none closes nothing
  await started?.teardown();
});

/** A policy with a reminder 10 workdays ahead, so one is sent before the notice arrives. */
const POLICY = { ...DEFAULT_POLICY, reminderOffsets: [10, 5, 3, 1, 0] };

function input(code: string): TaskWorkflowInput {
  return {
    planId: 'cal-2027',
    taskCode: code,
    title: '编制2027年大气污染防治实施方案',
    kind: 'annual',
    leadUnit: 'water-air',
    cooperatingUnits: [],
    stages: [
      {
        key: 'done',
        name: '完成',
        ownerUnit: 'water-air',
        dueAt: '2027-02-12T09:30:00.000Z',
        dueDate: '2027-02-12',
        requiresEvidence: false,
        requiresCooperation: false,
        closure: false,
      },
      closureStageSpec(),
    ],
    policy: POLICY,
  };
}

/** The 2027 notice of this test (a made-up one: the real notice is not out yet). */
const NOTICE_2027 = {
  year: 2027,
  status: 'official' as const,
  holidays: [
    '2027-01-01',
    ...['05', '06', '07', '08', '09', '10', '11'].map((d) => `2027-02-${d}`),
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
  ],
  makeupWorkdays: ['2027-02-13'],
};

const at9 = (date: string) => `${date}T01:00:00Z`; // 09:00 Shanghai

async function run(activities: ReturnType<typeof recordingActivities>['activities'], body: () => Promise<void>) {
  const worker = await testWorker(env, TASK_QUEUE, bundle, activities);
  await worker.runUntil(body);
}

describe('the workday calendar of a year without its notice (time-skipping server)', () => {
  it('plans 2027 provisionally: reminds and escalates on workdays around the statutory 春节', async () => {
    env = await createTimeSkippingEnv('2026-12-01T00:00:00Z');
    const rec = recordingActivities();
    await run(rec.activities, async () => {
      const handle = await env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: 'cal-2027/1.1',
        args: [input('1.1')],
      });
      await env.sleep('100 days');
      const s = await handle.query(getStateQuery);
      expect(s.events.filter((e) => e.action === 'reminder').map((e) => toSecond(e.at))).toEqual(
        ['2027-01-27', '2027-02-03', '2027-02-09', '2027-02-11', '2027-02-12'].map(at9),
      );
      expect(s.events.filter((e) => e.action === 'escalation').map((e) => toSecond(e.at))).toEqual(
        ['2027-02-15', '2027-02-17', '2027-02-19'].map(at9),
      );
    });
  });

  it('moves the pending reminders to the new workdays when the notice is entered; nothing lost or doubled', async () => {
    env = await createTimeSkippingEnv('2027-01-20T00:00:00Z');
    const rec = recordingActivities();
    let calendar = new WorkdayCalendar(calendarDataOf(seedYears(), 0));
    const source: CalendarSource = { calendar: async () => calendar };
    const activities = { ...rec.activities, ...createCalendarActivities(source) };
    await run(activities, async () => {
      const handle = await env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: 'cal-2027/1.2',
        args: [input('1.2')],
      });
      // The 10-workday reminder goes out on the provisional calendar (01-27)…
      await env.sleep('194 hours'); // to 01-28 02:00 Shanghai
      expect(rec.notifications.filter((n) => n.kind === 'reminder').map((n) => n.level)).toEqual([10]);
      // … then the notice is entered: revision 1 of the calendar.
      calendar = new WorkdayCalendar(calendarDataOf([...seedYears(), NOTICE_2027], 1));
      await handle.signal(calendarChangedSignal, { years: [2027], revision: 1 });
      await env.sleep('60 days');
      const s = await handle.query(getStateQuery);
      // 10 was sent before (not again); 5, 3, 1 and 0 fall on the notice's workdays.
      expect(s.events.filter((e) => e.action === 'reminder').map((e) => toSecond(e.at))).toEqual(
        ['2027-01-27', '2027-01-29', '2027-02-02', '2027-02-04', '2027-02-12'].map(at9),
      );
      // +1 is the make-up Saturday 02-13; +3 and +5 count it.
      expect(s.events.filter((e) => e.action === 'escalation').map((e) => toSecond(e.at))).toEqual(
        ['2027-02-13', '2027-02-16', '2027-02-18'].map(at9),
      );
      const keys = rec.notifications.filter((n) => n.kind !== 'action').map((n) => n.dedupKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(rec.notifications.filter((n) => n.kind === 'reminder').map((n) => n.level)).toEqual([10, 5, 3, 1, 0]);
      const change = s.events.find((e) => e.action === 'calendar-changed');
      expect(change?.detail).toContain('节假日安排更新，期限重新计算');
      expect(s.calendarRevision).toBe(1);
      // A repeated signal of the same revision changes nothing.
      const before = s.version;
      await handle.signal(calendarChangedSignal, { years: [2027], revision: 1 });
      await env.sleep('1 hour');
      expect((await handle.query(getStateQuery)).version).toBe(before);
      await maybeRecordHistory(handle, 'calendar-change-replans');
    });
  });

  it('moves a due date that the notice makes a day off to the workday before, and says so', async () => {
    env = await createTimeSkippingEnv('2027-01-04T00:00:00Z');
    const rec = recordingActivities();
    let calendar = new WorkdayCalendar(calendarDataOf(seedYears(), 0));
    const activities = { ...rec.activities, ...createCalendarActivities({ calendar: async () => calendar }) };
    const due10 = input('1.3');
    due10.stages[0] = { ...due10.stages[0], dueAt: '2027-02-10T09:30:00.000Z', dueDate: '2027-02-10' };
    await run(activities, async () => {
      const handle = await env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: 'cal-2027/1.3',
        args: [due10],
      });
      await env.sleep('1 day');
      calendar = new WorkdayCalendar(calendarDataOf([...seedYears(), NOTICE_2027], 2));
      await handle.signal(calendarChangedSignal, { years: [2027], revision: 2 });
      await env.sleep('1 hour');
      const s = await handle.query(getStateQuery);
      expect(s.stages[0].dueAt).toBe('2027-02-04T09:30:00.000Z');
      expect(s.events.find((e) => e.action === 'calendar-changed')?.detail).toContain('2027-02-10 → 2027-02-04');
    });
  });

  it('keeps the bundled calendar activities working for workflows with no calendar table', async () => {
    const a = calendarActivitiesOver(new WorkdayCalendar());
    expect(await a.resolveDueInstant({ date: '2027-02-07' })).toBe('2027-02-04T09:30:00.000Z');
  });
});
