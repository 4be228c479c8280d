import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';

/**
 * Issue 14 end to end, today (December 2026): a 2027 plan imports on the provisional 2027
 * calendar, an extension into 2028 is decided at once, and entering the 2027 notice re-plans the
 * running tasks and lifts the provisional mark.
 */
jest.setTimeout(240_000);

const PLAN_2027 = join(__dirname, '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2027-draft.txt');
const PLAN = 'cal-2027';
// 3.2 入河排污口整治: 水气股 leads (deputy.a oversees it), due 2027-09-30.
const TASK = `/tasks/${PLAN}/3.2`;

let h: ApiHarness;
let db: DataSource;
const tokens = new Map<string, string>();
const bearer = (u: string) => ({ Authorization: `Bearer ${tokens.get(u)}` });
let seq = 0;
const key = () => `cal-${Date.now()}-${++seq}`;

/** A made-up 2027 notice in the State Council's wording (the real one is not out yet). */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至11日（农历正月初六、周四）放假调休，共7天。2月13日（周六）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。`;

beforeAll(async () => {
  h = await startApiHarness('calendar');
  db = h.app.get(DataSource);
  for (const u of ['supervisor', 'admin', 'water-air.handler', 'deputy.a']) tokens.set(u, await h.login(u));
});

afterAll(async () => {
  await h?.close();
});

describe('the calendar as managed data', () => {
  it('lists the package years as official and next year as provisional', async () => {
    const years = await h.http().get('/calendar/years').set(bearer('supervisor'));
    expect(years.status).toBe(200);
    const byYear = new Map(years.body.map((y: { year: number; status: string }) => [y.year, y.status]));
    expect(byYear.get(2026)).toBe('official');
    expect(byYear.get(2027)).toBe('provisional');
    const health = await h.http().get('/health');
    expect(health.body.calendar).toEqual({ lastOfficialYear: 2026, missingNotice: 2027 });
  });

  it('imports a 2027 plan today, every 2027 date marked provisional', async () => {
    const res = await h
      .http()
      .post(`/plans/import?planId=${PLAN}&receiptWorkdays=0`)
      .set(bearer('supervisor'))
      .attach('file', readFileSync(PLAN_2027), 'xinjian-2027-draft.txt');
    expect(res.status).toBe(201);
    expect(res.body.workflows).toMatchObject({ started: 22, failed: 0 });
    await eventually(async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND projected_version > 1`,
        [PLAN],
      );
      return n === 22;
    });
    const detail = await h.http().get(TASK).set(bearer('water-air.handler'));
    const dueIn2027 = detail.body.stages.filter((s: { dueAt: string | null }) => s.dueAt?.startsWith('2027'));
    expect(dueIn2027.length).toBeGreaterThan(0);
    expect(dueIn2027.every((s: { dueProvisional: boolean }) => s.dueProvisional)).toBe(true);
  });

  it('decides an extension into 2028 in under a second each way; the new date is provisional', async () => {
    let started = Date.now();
    const request = await h
      .http()
      .post(`${TASK}/request-extension`)
      .set(bearer('water-air.handler'))
      .set('Idempotency-Key', key())
      .send({ newDueDate: '2028-01-28', reason: '等待上级批复' });
    expect(request.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    started = Date.now();
    const decide = await h
      .http()
      .post(`${TASK}/decide-extension`)
      .set(bearer('deputy.a'))
      .set('Idempotency-Key', key())
      .send({ approve: true });
    expect(decide.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    const stage = decide.body.snapshot.stages.find(
      (s: { key: string }) => s.key === decide.body.snapshot.currentStageKey,
    );
    // 2028-01-28 falls in the statutory 春节 of 2028 (除夕 01-25 to 初三 01-28): due the workday before.
    expect(stage.dueAt).toBe('2028-01-24T09:30:00.000Z');
    const detail = await h.http().get(TASK).set(bearer('water-air.handler'));
    expect(detail.body.stages.find((s: { key: string }) => s.key === stage.key).dueProvisional).toBe(true);
    expect(detail.body.task.snapshot.pendingExtension).toBeNull();
  });

  it('refuses an extension the calendar cannot serve before anything is recorded', async () => {
    const res = await h
      .http()
      .post(`${TASK}/request-extension`)
      .set(bearer('water-air.handler'))
      .set('Idempotency-Key', key())
      .send({ newDueDate: '2100-01-29', reason: '太远' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('2000–2099');
  });

  it('refuses a notice with errors, in Chinese, and stores nothing', async () => {
    const bad = await h
      .http()
      .put('/calendar/years/2027')
      .set(bearer('admin'))
      .send({ holidays: ['2027-01-01', '2027-02-05'], makeupWorkdays: ['2027-02-10', '2027-02-05'] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CALENDAR_INVALID');
    expect(bad.body.details.errors.join('\n')).toContain('2027-02-10 不是周六或周日');
    expect(bad.body.details.errors.join('\n')).toContain('不能既放假又调休上班');
    expect(
      (await h.http().put('/calendar/years/2027').set(bearer('supervisor')).send({ noticeText: NOTICE_2027 })).status,
    ).toBe(403);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM calendar_year WHERE year = 2027`);
    expect(n).toBe(0);
  });

  it('enters the 2027 notice: audited, the open tasks re-planned and no longer provisional', async () => {
    const res = await h
      .http()
      .put('/calendar/years/2027')
      .set(bearer('admin'))
      .send({ noticeText: NOTICE_2027, issuedOn: '2026-11-20', docNumber: '国办发明电〔2026〕9号' });
    expect(res.status).toBe(200);
    expect(res.body.holidays).toHaveLength(27);
    expect(res.body.makeupWorkdays).toEqual([
      '2027-02-13',
      '2027-02-20',
      '2027-04-25',
      '2027-05-08',
      '2027-09-26',
      '2027-10-09',
    ]);
    expect(res.body.replanned.signalled).toBeGreaterThanOrEqual(20);
    expect(res.body.replanned.failed).toEqual([]);
    const audit = await db.query(`SELECT actor_user_id, before, after FROM audit_log WHERE action = 'calendar-year'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after.source.docNumber).toBe('国办发明电〔2026〕9号');
    // Every signalled task records the change on its timeline.
    await eventually(async () => {
      const [{ n }] = await db.query(
        `SELECT count(DISTINCT task_id)::int AS n FROM task_event WHERE plan_id = $1 AND action = 'calendar-changed'`,
        [PLAN],
      );
      return n === res.body.replanned.signalled;
    });
    const detail = await h.http().get(`/tasks/${PLAN}/1.1`).set(bearer('supervisor'));
    expect(detail.body.stages.filter((s: { dueProvisional: boolean }) => s.dueProvisional)).toEqual([]);
    const health = await h.http().get('/health');
    expect(health.body.calendar).toEqual({ lastOfficialYear: 2027, missingNotice: null });
  });
});
