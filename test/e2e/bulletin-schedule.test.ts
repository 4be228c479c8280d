import { Client, ScheduleHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ensureBulletinSchedule } from '../../apps/api/src/bulletins/bulletin-schedule';
import { TEMPORAL_CLIENT } from '../../apps/api/src/temporal/temporal-client.provider';
import { parseBulletinSchedule } from '@duban/domain/bulletin/bulletin-schedule-spec';
import { isoWeekOf } from '@duban/domain/bulletin/iso-week';
import { shanghaiDate, weekday } from '@duban/domain/calendar/shanghai-time';
import { WorkdayCalendar } from '@duban/domain/calendar/workday-calendar';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';

jest.setTimeout(180_000);

// Schedules are not implemented by the Java time-skipping server: this runs on the real dev server.
const PLAN_ID = 'kpi-sched-2021';
let h: ApiHarness;
let db: DataSource;
let client: Client;
let schedule: ScheduleHandle;

beforeAll(async () => {
  h = await startApiHarness('bulletinschedule');
  db = h.app.get(DataSource);
  client = h.app.get<Client>(TEMPORAL_CLIENT);
  const token = await h.login('supervisor');
  await h.importPlan(PLAN_ID, token);
});

afterAll(async () => {
  await schedule?.delete().catch(() => undefined);
  await h?.close();
});

const bulletins = async (): Promise<{ week: string; as_of: string }[]> =>
  db.query(`SELECT week, content->>'asOf' AS as_of FROM bulletin WHERE plan_id = $1 ORDER BY week`, [PLAN_ID]);

/** Runs the schedule now and waits for that run to finish. */
async function triggerAndWait(): Promise<void> {
  const before = (await schedule.describe()).info.recentActions.length;
  await schedule.trigger('ALLOW_ALL');
  const action = await eventually(async () => {
    const recent = (await schedule.describe()).info.recentActions;
    return recent.length > before ? recent[recent.length - 1] : undefined;
  });
  await client.workflow.getHandle(action.action.workflow.workflowId).result();
}

describe('weekly bulletin schedule (Temporal dev server)', () => {
  it('is created once and updated in place on the next start', async () => {
    const taskQueue = process.env.TEMPORAL_TASK_QUEUE!;
    const spec = parseBulletinSchedule(undefined);
    const first = await ensureBulletinSchedule(client, { taskQueue, spec, planId: PLAN_ID });
    const again = await ensureBulletinSchedule(client, { taskQueue, spec, planId: PLAN_ID });
    expect(first).toEqual({ scheduleId: `duban-weekly-bulletin-${PLAN_ID}`, outcome: 'created' });
    expect(again).toEqual({ scheduleId: `duban-weekly-bulletin-${PLAN_ID}`, outcome: 'updated' });
    schedule = client.schedule.getHandle(first.scheduleId);
  });

  it('fires on Mondays at 09:00 Asia/Shanghai only', async () => {
    const d = await schedule.describe();
    expect(d.spec.timezone).toBe('Asia/Shanghai');
    const next = d.info.nextActionTimes;
    expect(next.length).toBeGreaterThanOrEqual(5);
    for (const t of next) {
      expect(weekday(shanghaiDate(t))).toBe(1);
      expect(t.toISOString().slice(11, 19)).toBe('01:00:00'); // 09:00 in Shanghai (UTC+8)
    }
    // Consecutive runs are exactly one week apart: no Monday skipped, nothing in between.
    for (let i = 1; i < next.length; i++) expect(next[i].getTime() - next[i - 1].getTime()).toBe(7 * 86_400_000);
  });

  it('still issues the bulletin on a Monday that is a statutory holiday (2026-10-05, National Day)', async () => {
    expect(new WorkdayCalendar().isWorkday('2026-10-05')).toBe(false);
    // Replays the schedule over the first week of October 2026: one action, Monday 09:00 Shanghai.
    await schedule.backfill({
      start: new Date('2026-09-29T00:00:00Z'),
      end: new Date('2026-10-06T00:00:00Z'),
      overlap: 'ALLOW_ALL',
    });
    const rows = await eventually(async () => {
      const r = await bulletins();
      return r.length > 0 ? r : undefined;
    });
    expect(rows).toEqual([{ week: '2026-W41', as_of: '2026-10-05T01:00:00.000Z' }]);
  });

  it('triggered on demand twice in one week, it stores that week once', async () => {
    await triggerAndWait();
    await triggerAndWait();
    const week = isoWeekOf(shanghaiDate(new Date())).week;
    const rows = await bulletins();
    expect(rows.map((r) => r.week)).toEqual(['2026-W41', week].sort());
  });
});
