import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { BulletinContent, StoredBulletinRef } from '@duban/domain/bulletin/bulletin-content';
import { BulletinActivities, WeeklyBulletinWorkflow } from '@duban/domain/bulletin/bulletin-workflow-contract';
import { isoWeekOf } from '@duban/domain/bulletin/iso-week';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { createTimeSkippingEnv } from '../support/time-skipping-env';
import { bundleTaskWorkflows, testWorker } from '../support/workflow-test-kit';
import { BULLETIN_WORKFLOW_TYPE } from '@duban/domain/bulletin/bulletin-schedule-spec';

jest.setTimeout(120_000);

const TASK_QUEUE = 'bulletin-wf-test';
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
/**
 * A plain client: the environment's client skips time while it awaits a result, and with nothing
 * else scheduled it jumps years ahead. These workflows have no timers; real time is enough.
 */
let client: Client;

beforeAll(async () => {
  bundle = await bundleTaskWorkflows();
  env = await createTimeSkippingEnv('2021-10-11T01:00:00Z');
  client = new Client({ connection: env.connection });
});
afterAll(async () => {
  await env?.teardown();
});

/**
 * Recording activities: the figures are a fixed week (their SQL runs against PostgreSQL in
 * test/e2e/bulletin.test.ts); the store keeps the real rule — one bulletin per plan and ISO week.
 */
function recording() {
  const stored = new Map<string, string>();
  const computedAt: string[] = [];
  const delivered: { id: string; week: string; title: string; body: string }[] = [];
  const activities: BulletinActivities = {
    async computeBulletin({ planId, at }) {
      computedAt.push(at);
      const { week, monday } = isoWeekOf(shanghaiDate(at));
      const content: BulletinContent = {
        planId: planId ?? 'latest',
        planTitle: '2021年工作要点',
        week,
        weekStart: monday,
        asOf: at,
        since: new Date(Date.parse(at) - 7 * 86_400_000).toISOString(),
        units: [
          {
            unit: 'water-air',
            unitName: '水气股',
            total: 2,
            done: 0,
            onTrack: 0,
            dueSoon: 0,
            overdue: 2,
            escalated: 2,
          },
        ],
        totals: { total: 2, done: 0, onTrack: 0, dueSoon: 0, overdue: 2, escalated: 2 },
        overdue: [],
        newEscalations: [],
        targets: [],
      };
      return content;
    },
    async storeBulletin(content): Promise<StoredBulletinRef> {
      const key = `${content.planId}/${content.week}`;
      const existing = stored.get(key);
      if (existing) return { id: existing, planId: content.planId, week: content.week, created: false };
      stored.set(key, `b${stored.size + 1}`);
      return { id: stored.get(key)!, planId: content.planId, week: content.week, created: true };
    },
    async deliverBulletin(args) {
      delivered.push({ id: args.id, week: args.week, title: args.title, body: args.body });
    },
  };
  return { activities, stored, delivered, computedAt };
}

describe('weekly bulletin workflow (time-skipping server)', () => {
  it('stores and delivers a week once, however often it is generated', async () => {
    const rec = recording();
    const worker = await testWorker(env, TASK_QUEUE, bundle, rec.activities);
    await worker.runUntil(async () => {
      const run = (n: number) =>
        client.workflow.execute<WeeklyBulletinWorkflow>(BULLETIN_WORKFLOW_TYPE, {
          taskQueue: TASK_QUEUE,
          workflowId: `bulletin-test-${n}`,
          args: [{ planId: 'kpi-2021' }],
        });
      const first = await run(1);
      await env.sleep('2 hours'); // still Monday 2021-10-11, week 41
      const second = await run(2);
      expect(first).toEqual({ id: 'b1', planId: 'kpi-2021', week: '2021-W41', created: true });
      expect(second).toEqual({ id: 'b1', planId: 'kpi-2021', week: '2021-W41', created: false });
      await env.sleep('7 days');
      expect(await run(3)).toEqual({ id: 'b2', planId: 'kpi-2021', week: '2021-W42', created: true });
    });
    expect([...rec.stored.keys()]).toEqual(['kpi-2021/2021-W41', 'kpi-2021/2021-W42']);
    expect(rec.delivered.map((d) => d.week)).toEqual(['2021-W41', '2021-W42']);
    expect(rec.delivered[0].title).toBe('督办通报 2021年第41周：2021年工作要点');
    expect(rec.delivered[0].body).toContain('水气股：逾期 2 项，督办中 2 项');
    expect(rec.computedAt[0].slice(0, 13)).toBe('2021-10-11T01');
  });

  it('reports for the instant it is given (a past week generated on demand)', async () => {
    const rec = recording();
    const worker = await testWorker(env, `${TASK_QUEUE}-2`, bundle, rec.activities);
    const ref = await worker.runUntil(
      client.workflow.execute<WeeklyBulletinWorkflow>(BULLETIN_WORKFLOW_TYPE, {
        taskQueue: `${TASK_QUEUE}-2`,
        workflowId: 'bulletin-test-at',
        args: [{ planId: 'kpi-2021', at: '2021-10-04T01:00:00Z' }], // Monday inside the National Day holiday
      }),
    );
    expect(ref).toEqual({ id: 'b1', planId: 'kpi-2021', week: '2021-W40', created: true });
    expect(rec.delivered).toHaveLength(1);
  });
});
