import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rectificationListWorkbook } from '@duban/workplan/testing/rectification-list-workbook';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';

/**
 * Issue 18: an inspection's 20-problem list imported from Excel (merged category cells, the
 * bureau's own names for its units) becomes 20 rows of the ledger, one number each (一件一号),
 * each a rectification of its own (方案 → 实施 → 验收 → 销号) with its lead unit's 签收 first;
 * a unit sees and acts on its own problems only.
 */
jest.setTimeout(180_000);

const PLAN = 'zg-list-2027';
let h: ApiHarness;
let db: DataSource;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

beforeAll(async () => {
  h = await startApiHarness('zg-list');
  db = h.app.get(DataSource);
  for (const who of [
    'supervisor',
    'water-air.head',
    'water-air.handler',
    'ecology.head',
    'ecology.handler',
    'monitoring.head',
  ])
    tokens[who] = await h.login(who);
  const res = await h
    .http()
    .post(`/plans/import?planId=${PLAN}`)
    .set(as('supervisor'))
    .attach('file', await rectificationListWorkbook(), '督察反馈问题整改清单.xlsx');
  expect(res.status).toBe(201);
});

afterAll(async () => {
  await h?.close();
});

describe('a 20-problem 整改清单 from Excel', () => {
  it('is 20 rows of the ledger, each a rectification of its own, 督察整改 by its title', async () => {
    const rows: { code: string; kind: string; source_kind: string; lead_unit: string; stage: string }[] =
      await eventually(async () => {
        const r = await db.query(
          `SELECT code, kind, source_kind, lead_unit, current_stage_key AS stage FROM task
            WHERE plan_id = $1 AND is_leaf ORDER BY ordinal`,
          [PLAN],
        );
        return r.length === 20 && r.every((t: { stage: string | null }) => t.stage) ? r : null;
      });
    expect(new Set(rows.map((r) => r.code)).size).toBe(20);
    expect(rows.every((r) => r.kind === 'rectification' && r.source_kind === 'inspection')).toBe(true);
    // The bureau's names resolved to its units: 执法大队 → 执法分局, 环境监测站 → 监测站.
    const leads = rows.reduce<Record<string, number>>(
      (n, r) => ({ ...n, [r.lead_unit]: (n[r.lead_unit] ?? 0) + 1 }),
      {},
    );
    expect(leads).toEqual({ 'water-air': 5, enforcement: 7, ecology: 5, monitoring: 3 });
    // Each waits for its unit head's 签收 first.
    expect(rows.every((r) => r.stage === 'receipt')).toBe(true);
    const ledger = await h.http().get(`/tasks?planId=${PLAN}&pageSize=50`).set(as('supervisor'));
    expect(ledger.body.total).toBe(20);
    const inspection = await h.http().get(`/tasks?source=inspection&planId=${PLAN}`).set(as('supervisor'));
    expect(inspection.body.total).toBe(20);
  });

  it('each has its own stages: 整改方案 → 整改实施 → 验收 → 销号, evidence required', async () => {
    const ledger = await h.http().get(`/tasks?planId=${PLAN}&pageSize=50`).set(as('supervisor'));
    const first = ledger.body.items[0];
    const detail = await h.http().get(`/tasks/${first.id}`).set(as('supervisor'));
    expect(detail.body.stages.map((s: { name: string }) => s.name)).toEqual(['整改方案', '整改实施', '验收', '销号']);
    expect(
      detail.body.task.snapshot.stages.slice(0, 3).every((s: { requiresEvidence: boolean }) => s.requiresEvidence),
    ).toBe(true);
  });

  it('a unit sees its own problems only, and cannot act on another unit’s', async () => {
    const own = await h.http().get(`/tasks?planId=${PLAN}&pageSize=50`).set(as('ecology.handler'));
    expect(own.body.total).toBe(5);
    expect(own.body.items.every((t: { leadUnit: string }) => t.leadUnit === 'ecology')).toBe(true);
    const all = await h.http().get(`/tasks?planId=${PLAN}&pageSize=50`).set(as('supervisor'));
    const waterAir = all.body.items.find((t: { leadUnit: string }) => t.leadUnit === 'water-air');
    const ecology = all.body.items.find((t: { leadUnit: string }) => t.leadUnit === 'ecology');
    expect((await h.http().get(`/tasks/${waterAir.id}`).set(as('ecology.head'))).status).toBe(404);
    const foreign = await h
      .http()
      .post(`/tasks/${waterAir.id}/acknowledge`)
      .set(as('ecology.head'))
      .set('Idempotency-Key', randomUUID())
      .send({});
    expect(foreign.status).toBe(404);
    const upload = await h
      .http()
      .post(`/tasks/${waterAir.id}/evidence`)
      .set(as('ecology.handler'))
      .attach('file', Buffer.from('x'), 'x.txt');
    expect(upload.status).toBe(404);
    // Its own: the head acknowledges, then its handler may work on it.
    const ack = await h
      .http()
      .post(`/tasks/${ecology.id}/acknowledge`)
      .set(as('ecology.head'))
      .set('Idempotency-Key', randomUUID())
      .send({ note: '已签收' });
    expect(ack.status).toBe(200);
    await eventually(async () => {
      const d = await h.http().get(`/tasks/${ecology.id}`).set(as('ecology.handler'));
      return d.body.task.currentStageKey === 'rectify-plan';
    });
    const evidence = await h
      .http()
      .post(`/tasks/${ecology.id}/evidence`)
      .set(as('ecology.handler'))
      .attach('file', Buffer.from('整改方案'), '整改方案.txt');
    expect(evidence.status).toBe(201);
  });
});
