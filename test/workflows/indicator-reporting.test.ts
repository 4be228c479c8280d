import { Context } from '@temporalio/activity';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createReadingTimerActivities } from '../../activities/kpi/reading-timer-activities';
import {
  INDICATOR_WORKFLOW_TYPE,
  IndicatorActivities,
  IndicatorSettingsSignal,
  indicatorWorkflowId,
  IndicatorWorkflowInput,
  ReadingSignal,
} from '@duban/domain/kpi/indicator-workflow-contract';
import { NotificationRequest } from '@duban/domain/task/task-types';
import { createTimeSkippingEnv } from '../support/time-skipping-env';
import { bundleTaskWorkflows, toSecond, testWorker } from '../support/workflow-test-kit';
import { pm25Definition } from '@duban/domain/kpi/indicator.fixtures';
import {
  IndicatorReportingWorkflow,
  indicatorSettingsSignal,
  indicatorStateQuery,
  readingEnteredSignal,
} from '@duban/domain/kpi/indicator-messages';

jest.setTimeout(120_000);

const TASK_QUEUE = 'kpi-wf-test';
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  bundle = await bundleTaskWorkflows();
});
beforeEach(async () => {
  env = await createTimeSkippingEnv('2021-09-15T00:00:00Z');
});
afterEach(async () => {
  await env?.teardown();
});

const pm25 = pm25Definition({ indicatorId: '00000000-0000-0000-0000-000000000001' });

/** Real calendar activity; the read model and channels replaced by recorders (tested in e2e). */
function recording(existing: ReadingSignal[]) {
  const notifications: (NotificationRequest & { sentAt: string })[] = [];
  const reminders: { period: string; kind: string; level: number; at: string }[] = [];
  const activities: IndicatorActivities = {
    ...createReadingTimerActivities(),
    async listIndicatorReadings() {
      return existing;
    },
    async recordIndicatorReminder(args) {
      reminders.push({ period: args.period, kind: args.kind, level: args.level, at: args.at });
    },
    async notify(request) {
      const scheduled = Context.current().info.currentAttemptScheduledTimestampMs;
      notifications.push({ ...request, sentAt: new Date(scheduled).toISOString() });
    },
  };
  return { activities, notifications, reminders };
}

const sleepUntil = async (iso: string) => env.sleep(Date.parse(iso) - (await env.currentTimeMs()));
const months = (values: number[]): ReadingSignal[] =>
  values.map((value, i) => ({ period: `2021-${String(i + 1).padStart(2, '0')}`, value }));

describe('indicator reporting workflow (time-skipping server, clock from 2021-09-15)', () => {
  it('turns PM2.5 red at 36 by September with the needed remaining average, and reminds missing readings on workdays', async () => {
    // Jan–Aug average 33.25 (yellow, within 5 % of ≤34); a September of 58 brings the mean to 36.
    const rec = recording(months([36, 35, 34, 33, 32, 30, 32, 34]));
    const worker = await testWorker(env, TASK_QUEUE, bundle, rec.activities);
    const input: IndicatorWorkflowInput = { definition: pm25, margin: 0.05 };
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<IndicatorReportingWorkflow>(INDICATOR_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: indicatorWorkflowId('kpi-2021', '1', 1),
        args: [input],
      });
      const state = () => handle.query(indicatorStateQuery);
      await sleepUntil('2021-09-16T00:00:00Z');
      expect((await state()).light).toBe('yellow');

      // September's reading is due on the 5th workday after 09-30: 10-08, 10-09 (调休), 10-11, 10-12, 10-13.
      await sleepUntil('2021-10-14T03:00:00Z');
      await handle.signal(readingEnteredSignal, { period: '2021-09', value: 58 });
      await env.sleep('1 hour');
      const s = await state();
      expect(s.light).toBe('red');
      expect(s.standing?.ytd).toBe(36);
      expect(s.standing?.neededRemaining).toBe(28); // (34 × 12 − 36 × 9) / 3
      expect(s.standing?.lightReason).toContain('剩余3期均值需≤28微克/立方米才能达标');

      // October's reading (due 11-05, the 5th workday after 10-31) never comes.
      await sleepUntil('2021-11-20T00:00:00Z');
    });
    const sent = (kind: string, period: string) =>
      rec.notifications
        .filter((n) => n.kind === kind && n.dedupKey.includes(`/${period}/`))
        .map((n) => toSecond(n.sentAt));
    expect(sent('reminder', '2021-09')).toEqual([
      '2021-10-09T01:00:00Z', // Saturday 09:00 Shanghai, a 调休 workday: 3 workdays before the due day
      '2021-10-13T01:00:00Z', // the due day
    ]);
    expect(sent('escalation', '2021-09')).toEqual(['2021-10-14T01:00:00Z']); // the reading came that morning
    expect(sent('reminder', '2021-10')).toEqual(['2021-11-02T01:00:00Z', '2021-11-05T01:00:00Z']);
    expect(sent('escalation', '2021-10')).toEqual([
      '2021-11-08T01:00:00Z', // Monday, 1 workday after the due Friday: 监测站 head
      '2021-11-10T01:00:00Z', // 分管领导
      '2021-11-12T01:00:00Z', // 督查室
    ]);
    const oct = rec.notifications.filter((n) => n.dedupKey.includes('/2021-10/reminder/'));
    expect(oct[0].recipients).toEqual([
      { unitCode: 'monitoring', role: 'handler' },
      { unitCode: 'monitoring', role: 'unit-head' },
    ]);
    expect(oct[0].title).toBe('催办：细颗粒物(PM2.5)年均浓度 2021-10 数据未报送');
    expect(rec.reminders.filter((r) => r.period === '2021-10').map((r) => [r.kind, r.level])).toEqual([
      ['reminder', 3],
      ['reminder', 0],
      ['escalation', 1],
      ['escalation', 2],
      ['escalation', 3],
    ]);
    // The early warnings: yellow at start, red when September came in.
    const warnings = rec.notifications.filter((n) => n.dedupKey.includes('/warning/'));
    expect(warnings.map((w) => [w.title, toSecond(w.sentAt).slice(0, 13)])).toEqual([
      ['指标预警（黄灯）：细颗粒物(PM2.5)年均浓度', '2021-09-15T00'],
      ['指标预警（红灯）：细颗粒物(PM2.5)年均浓度', '2021-10-14T03'],
    ]);
    expect(warnings[1].body).toContain('28');
  });

  it('continues as new between periods with its readings, and keeps reminding', async () => {
    const rec = recording(months([36, 35, 34, 33, 32, 30, 32, 34]));
    const worker = await testWorker(env, TASK_QUEUE, bundle, rec.activities);
    // A tiny history limit: the workflow continues as new after every period it waited for.
    const input: IndicatorWorkflowInput = { definition: pm25, margin: 0.05, historyEvents: 1 };
    const id = indicatorWorkflowId('kpi-2021', '1', 2);
    await worker.runUntil(async () => {
      const first = await env.client.workflow.start<IndicatorReportingWorkflow>(INDICATOR_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: id,
        args: [input],
      });
      await sleepUntil('2021-10-14T03:00:00Z');
      await first.signal(readingEnteredSignal, { period: '2021-09', value: 58 });
      await sleepUntil('2021-11-20T00:00:00Z');
      const { status } = await env.client.workflow.getHandle(id, first.firstExecutionRunId).describe();
      expect(status.name).toBe('CONTINUED_AS_NEW');
      const s = await env.client.workflow.getHandle(id).query(indicatorStateQuery);
      expect(s.readings.map((r) => r.period)).toEqual(months([0, 0, 0, 0, 0, 0, 0, 0, 0]).map((r) => r.period));
      expect(s.standing?.ytd).toBe(36);
      expect(s.periodIndex).toBeGreaterThanOrEqual(10); // waiting for November
    });
    const oct = rec.notifications.filter((n) => n.dedupKey.includes('/2021-10/')).map((n) => toSecond(n.sentAt));
    expect(oct).toEqual([
      '2021-11-02T01:00:00Z',
      '2021-11-05T01:00:00Z',
      '2021-11-08T01:00:00Z',
      '2021-11-10T01:00:00Z',
      '2021-11-12T01:00:00Z',
    ]);
  });

  it('follows a new owner at once and restarts the year on a new reporting period', async () => {
    const rec = recording(months([30, 30, 30, 30, 30, 30, 30, 30, 30]));
    const worker = await testWorker(env, TASK_QUEUE, bundle, rec.activities);
    const id = indicatorWorkflowId('kpi-2021', '1', 3);
    await worker.runUntil(async () => {
      const first = await env.client.workflow.start<IndicatorReportingWorkflow>(INDICATOR_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: id,
        args: [{ definition: pm25, margin: 0.05 } satisfies IndicatorWorkflowInput],
      });
      await sleepUntil('2021-09-20T00:00:00Z');
      const settings: IndicatorSettingsSignal = {
        ownerUnit: 'water-air',
        period: 'monthly',
        method: 'mean-of-monthly-means',
        margin: 0.05,
      };
      await first.signal(indicatorSettingsSignal, settings);
      // October goes missing: its reminders go to the new owner.
      await sleepUntil('2021-11-03T00:00:00Z');
      await first.signal(indicatorSettingsSignal, { ...settings, period: 'quarterly' });
      await sleepUntil('2022-01-20T00:00:00Z');
      const { status } = await env.client.workflow.getHandle(id, first.firstExecutionRunId).describe();
      expect(status.name).toBe('CONTINUED_AS_NEW');
    });
    const oct = rec.notifications.filter((n) => n.dedupKey.includes('/2021-10/'));
    expect(oct.map((n) => toSecond(n.sentAt))).toEqual(['2021-11-02T01:00:00Z']); // before the period change
    expect(oct[0].recipients).toEqual([
      { unitCode: 'water-air', role: 'handler' },
      { unitCode: 'water-air', role: 'unit-head' },
    ]);
    // Quarterly: Q1–Q3 lie in the past (their timers are not sent late); Q4 is due on the 5th
    // workday of 2022 after the New Year holiday (01-04 … 01-10), reminded 3 workdays before.
    const q4 = (kind: string) =>
      rec.notifications
        .filter((n) => n.kind === kind && n.dedupKey.includes('/2021-Q4/'))
        .map((n) => toSecond(n.sentAt));
    expect(q4('reminder')).toEqual(['2022-01-05T01:00:00Z', '2022-01-10T01:00:00Z']);
    expect(q4('escalation')).toEqual(['2022-01-11T01:00:00Z', '2022-01-13T01:00:00Z', '2022-01-17T01:00:00Z']);
    expect(rec.notifications.filter((n) => /\/2021-Q[123]\//.test(n.dedupKey))).toEqual([]);
  });
});
