import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ApiHarness, startApiHarness } from '../support/api-harness';

jest.setTimeout(180_000);

const PLAN = readFileSync(
  join(__dirname, '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt'),
  'utf8',
);
let h: ApiHarness;
let db: DataSource;
let token: string;

beforeAll(async () => {
  h = await startApiHarness('planimport');
  db = h.app.get(DataSource);
  token = await h.login('supervisor');
});

afterAll(async () => {
  await h?.close();
});

const upload = (text: string, query: string) =>
  h
    .http()
    .post(`/plans/import?${query}`)
    .set('Authorization', `Bearer ${token}`)
    .attach('file', Buffer.from(text), 'plan.txt');

const count = async (table: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

describe('plan import: all or nothing, idempotent, revisions confirmed', () => {
  it('stops on unknown units with every name and line, writing nothing', async () => {
    const text = PLAN.replace(
      '(责任单位:水气股)\n\n2.配合推进碳交易工作',
      '(责任单位:碳达峰办公室)\n\n2.配合推进碳交易工作',
    );
    const res = await upload(text, 'planId=import-2021');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UNKNOWN_UNITS');
    expect(res.body.details.unknownUnits).toEqual([{ name: '碳达峰办公室', lines: [52] }]);
    expect(await count('plan')).toBe(0);
    expect(await count('task')).toBe(0);
    expect(await count('indicator')).toBe(0);
  });

  it('creates the unknown unit on request, in the same transaction as the plan', async () => {
    const text = PLAN.replace(
      '(责任单位:水气股)\n\n2.配合推进碳交易工作',
      '(责任单位:碳达峰办公室)\n\n2.配合推进碳交易工作',
    );
    const res = await upload(text, 'planId=import-2021&createUnknownUnits=true');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'new', applied: true, createdUnits: ['碳达峰办公室'] });
    expect(await count('task')).toBe(48);
    expect(await count('indicator')).toBeGreaterThanOrEqual(14);
    const [unit] = await db.query(`SELECT code FROM org_unit WHERE name = '碳达峰办公室'`);
    const [task] = await db.query(`SELECT lead_unit FROM task WHERE id = 'import-2021/2.1'`);
    expect(task.lead_unit).toBe(unit.code);
  });

  it('shows a revision as a diff and applies it only when confirmed', async () => {
    const revised = PLAN.replace(
      '(责任单位:水气股)\n\n2.配合推进碳交易工作',
      '(责任单位:碳达峰办公室)\n\n2.配合推进碳交易工作',
    )
      .replace('3.建立健全应对气候变化管理体系。', '3.建立健全应对气候变化管理和考核体系。')
      .replace(/4\.加强生态环境保护铁军建设。[^\n]*\n/, '')
      .replace('年均浓34微克/立方米以下', '年均浓33微克/立方米以下');
    // A reading entered before the revision must survive it, on the same indicator.
    const [pm25] = await db.query(
      `SELECT id FROM indicator WHERE plan_id = 'import-2021' AND target_code = '1' AND seq = 1`,
    );
    const reading = await h
      .http()
      .post(`/targets/${pm25.id}/readings`)
      .set('Authorization', `Bearer ${token}`)
      .send({ period: '2021-01', value: 41 });
    expect(reading.status).toBe(201);
    const preview = await upload(revised, 'planId=import-2021');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ status: 'changed', applied: false, requiresConfirmation: true });
    expect(preview.body.diff.changed.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['2.3']));
    expect(preview.body.diff.removed.map((c: { code: string }) => c.code)).toEqual(['9.4']);
    const [before] = await db.query(
      `SELECT t.title, p.revision FROM plan p JOIN task t ON t.plan_id = p.id WHERE t.id = 'import-2021/2.3'`,
    );
    expect(before.title).toBe('建立健全应对气候变化管理体系');

    const applied = await upload(revised, 'planId=import-2021&confirm=true');
    expect(applied.body).toMatchObject({ status: 'changed', applied: true });
    const [after] = await db.query(
      `SELECT t.title, p.revision FROM plan p JOIN task t ON t.plan_id = p.id WHERE t.id = 'import-2021/2.3'`,
    );
    expect(after).toEqual({ title: '建立健全应对气候变化管理和考核体系', revision: 2 });
    const [revisedPm25] = await db.query(
      `SELECT i.id, i.value::float AS value, count(r.id)::int AS readings
         FROM indicator i LEFT JOIN kpi_reading r ON r.indicator_id = i.id
        WHERE i.plan_id = 'import-2021' AND i.target_code = '1' AND i.seq = 1 GROUP BY i.id`,
    );
    expect(revisedPm25).toEqual({ id: pm25.id, value: 33, readings: 1 });

    const removed = await h.app.get(DataSource).query(`SELECT status FROM task WHERE id = 'import-2021/9.4'`);
    expect(['removed', 'cancelled']).toContain(removed[0].status);

    // The same revision again: nothing changes.
    const again = await upload(revised, 'planId=import-2021&confirm=true');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'unchanged', applied: false });
  });

  it('refuses documents that are not plans with a 4xx and writes nothing', async () => {
    const plans = await count('plan');
    for (const [body, name] of [
      [Buffer.alloc(0), 'empty.txt'],
      [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'a.bin'],
      [Buffer.from('2021年工作总结\n一、基本情况\n今年工作顺利。'), 'summary.txt'],
      [Buffer.from('{"schemaVersion": 1, "metadata": {'), 'plan.json'],
    ] as const) {
      const res = await h
        .http()
        .post('/plans/import')
        .set('Authorization', `Bearer ${token}`)
        .attach('file', body, name);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.message).toBeTruthy();
    }
    const big = await h
      .http()
      .post('/plans/import')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.alloc(11 * 1024 * 1024, 0x41), 'big.txt');
    expect(big.status).toBe(413);
    expect(await count('plan')).toBe(plans);
  });
});
