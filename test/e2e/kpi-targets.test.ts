import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../apps/api/src/temporal/temporal-client.provider';

import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';
import { indicatorStateQuery } from '@duban/domain/kpi/indicator-messages';

jest.setTimeout(180_000);

const PLAN_ID = 'kpi-2021';
let h: ApiHarness;
let db: DataSource;
let supervisor: string;

interface Standing {
  indicatorId: string;
  targetCode: string;
  seq: number;
  name: string;
  ownerUnit: string | null;
  ownerUnitName: string | null;
  method: string;
  methodText: string;
  period: string;
  ytd: number | null;
  light: string;
  lightReason: string;
  neededRemaining: number | null;
  missingPeriods: string[];
  qualitative: boolean;
}

beforeAll(async () => {
  h = await startApiHarness('kpitargets');
  db = h.app.get(DataSource);
  supervisor = await h.login('supervisor');
  await h.importPlan(PLAN_ID, supervisor);
});

afterAll(async () => {
  await h?.close();
});

const targets = async (asOf = '2021-10-15'): Promise<Standing[]> => {
  const res = await h
    .http()
    .get(`/targets?planId=${PLAN_ID}&asOf=${asOf}`)
    .set('Authorization', `Bearer ${supervisor}`);
  expect(res.status).toBe(200);
  return res.body.indicators;
};
const find = (list: Standing[], code: string, seq: number) => list.find((s) => s.targetCode === code && s.seq === seq)!;
const readings = async () => (await db.query(`SELECT count(*)::int AS n FROM kpi_reading`))[0].n as number;
const csv = (token: string, text: string) =>
  h
    .http()
    .post(`/targets/readings/upload?planId=${PLAN_ID}`)
    .set('Authorization', `Bearer ${token}`)
    .attach('file', Buffer.from(text), 'readings.csv');

describe('KPI targets and readings (real API, worker, Temporal, PostgreSQL)', () => {
  it('lists the plan indicators with owner, period and method defaults, and starts one workflow per numeric indicator', async () => {
    const list = await targets();
    const pm25 = find(list, '1', 1);
    expect(pm25).toMatchObject({
      ownerUnit: 'monitoring',
      ownerUnitName: '监测站',
      period: 'monthly',
      method: 'mean-of-monthly-means',
      light: 'none',
    });
    expect(pm25.methodText).toBe('年均值 = 已报各月均值的算术平均');
    expect(find(list, '2', 1).method).toBe('ratio-of-days');
    expect(find(list, '9', 1)).toMatchObject({ method: 'cumulative-count', ownerUnit: null });
    expect(find(list, '6', 0).qualitative).toBe(true);
    const client = h.app.get<Client>(TEMPORAL_CLIENT);
    const d = await client.workflow.getHandle(`${PLAN_ID}/kpi/1.1`).describe();
    expect(d.type).toBe('indicatorReportingWorkflow');
    await expect(client.workflow.getHandle(`${PLAN_ID}/kpi/6.0`).describe()).rejects.toThrow();
  });

  it('rejects a CSV with bad rows as a whole, naming each row, and writes nothing', async () => {
    const res = await csv(
      supervisor,
      [
        'indicator,period,value,unit',
        '1.1,2021-01,40,μg/m³',
        '1.1,2021-02,38,μg/m³',
        '1.1,2021-03,36,mg/m³',
        '7.7,2021-03,1,个',
        '1.1,2021-13,30,μg/m³',
        '1.1,2021-02,38,μg/m³',
      ].join('\n'),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CSV_ROWS_INVALID');
    expect(res.body.details.rows.map((r: { row: number }) => r.row)).toEqual([4, 5, 6, 7]);
    expect(res.body.message).toContain('第 4 行');
    expect(await readings()).toBe(0);
  });

  it('stores a valid CSV: PM2.5 at 36 by September is red with the needed remaining average', async () => {
    const values = [40, 38, 36, 35, 34, 33, 34, 36, 38];
    const text = [
      '指标,期间,数值,单位',
      ...values.map((v, i) => `1.1,2021-${String(i + 1).padStart(2, '0')},${v},微克/立方米`),
    ].join('\n');
    const res = await csv(supervisor, text);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ planId: PLAN_ID, written: 9 });
    const pm25 = find(await targets('2021-10-15'), '1', 1);
    expect(pm25).toMatchObject({ ytd: 36, light: 'red', neededRemaining: 28, missingPeriods: [] });
    expect(pm25.lightReason).toContain('剩余3期均值需≤28');
    expect(find(await targets('2021-11-15'), '1', 1).missingPeriods).toEqual(['2021-10']);
  });

  it('enters one reading as the owner unit, refuses other units and bad values', async () => {
    const pm25 = find(await targets(), '1', 1);
    const handler = await h.login('monitoring.handler');
    const ok = await h
      .http()
      .post(`/targets/${pm25.indicatorId}/readings`)
      .set('Authorization', `Bearer ${handler}`)
      .send({ period: '2021-10', value: 22, unit: 'ug/m3' });
    expect(ok.status).toBe(201);
    expect(ok.body.readings).toHaveLength(10);
    expect(ok.body.ytd).toBe(34.6);
    const other = await h.login('water-air.handler');
    const denied = await h
      .http()
      .post(`/targets/${pm25.indicatorId}/readings`)
      .set('Authorization', `Bearer ${other}`)
      .send({ period: '2021-11', value: 22 });
    expect(denied.status).toBe(403);
    const bad = await h
      .http()
      .post(`/targets/${pm25.indicatorId}/readings`)
      .set('Authorization', `Bearer ${handler}`)
      .send({ period: '2021-Q4', value: -3 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.problems).toHaveLength(2);
    const days = find(await targets(), '2', 1);
    const ratio = await h
      .http()
      .post(`/targets/${days.indicatorId}/readings`)
      .set('Authorization', `Bearer ${handler}`)
      .send({ period: '2021-01', goodDays: 28, validDays: 31 });
    expect(ratio.status).toBe(201);
    expect(ratio.body).toMatchObject({ ytd: 90.32, light: 'yellow' });
    expect(await readings()).toBe(11);
  });

  it('lets a supervisor rate a qualitative target with a note', async () => {
    const q = find(await targets(), '6', 0);
    const handler = await h.login('general.handler');
    const denied = await h
      .http()
      .put(`/targets/${q.indicatorId}/status`)
      .set('Authorization', `Bearer ${handler}`)
      .send({ status: 'at-risk', note: 'x' });
    expect(denied.status).toBe(403);
    const res = await h
      .http()
      .put(`/targets/${q.indicatorId}/status`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ status: 'at-risk', note: '碳排放强度下降进度偏慢' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ light: 'yellow', lightReason: '督查室评定：存在风险（碳排放强度下降进度偏慢）' });
    expect(res.body.qualitativeStatus).toMatchObject({ status: 'at-risk', by: 'supervisor' });
    const bad = await h
      .http()
      .put(`/targets/${q.indicatorId}/status`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ status: 'fine' });
    expect(bad.status).toBe(400);
  });

  it('lets a supervisor set an owner unit, period and margin; a bad value is refused', async () => {
    const facilities = find(await targets(), '9', 1);
    expect(facilities.ownerUnit).toBeNull();
    const res = await h
      .http()
      .put(`/targets/${facilities.indicatorId}/settings`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ ownerUnit: 'ecology', reportingPeriod: 'quarterly', warningMargin: 0.1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ownerUnit: 'ecology', ownerUnitName: '生态股', period: 'quarterly' });
    // The running reporting workflow follows: a new period restarts its year (a new run).
    const workflow = h.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(`${PLAN_ID}/kpi/9.1`);
    const followed = await eventually(async () => {
      const s = await workflow.query(indicatorStateQuery).catch(() => null);
      return s?.events.some((e) => e.action === 'settings') && s.standing?.period === 'quarterly' ? s : null;
    });
    expect(followed.standing?.ownerUnit).toBe('ecology');
    const unknown = await h
      .http()
      .put(`/targets/${facilities.indicatorId}/settings`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ ownerUnit: 'nope' });
    expect(unknown.status).toBe(400);
    const bad = await h
      .http()
      .put(`/targets/${facilities.indicatorId}/settings`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ reportingPeriod: 'weekly' });
    expect(bad.status).toBe(400);
    const handler = await h.login('ecology.handler');
    const ok = await csv(handler, 'indicator,period,value,unit\n9.1,2021-Q1,10,个\n9.1,2021-Q2,12,个\n');
    expect(ok.status).toBe(201);
    const after = find(await targets('2021-07-05'), '9', 1);
    // Pace 25 by June; 22 is within the indicator's own 10 % margin (5 of 50), so yellow, not red.
    expect(after).toMatchObject({ ytd: 22, light: 'yellow', neededRemaining: 28 });
  });
});
