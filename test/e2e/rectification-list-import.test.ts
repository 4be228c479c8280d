import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rectificationListWorkbook } from '@duban/workplan/testing/rectification-list-workbook';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';
import { launchChromium, listenOnFreePort, signIn } from '../support/browser';

/**
 * Issue 18: an inspection's 20-problem list imported from Excel (merged category cells, the
 * bureau's own names for its units) becomes one rectification task for the list (ZG) whose ledger
 * holds 20 problems, each a row of the ledger with its own number (一件一号), a rectification of
 * its own (方案 → 实施 → 验收 → 销号) with its lead unit's 签收 first; a unit sees and acts on
 * its own problems only.
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
            WHERE plan_id = $1 AND is_leaf AND parent_code = 'ZG' ORDER BY ordinal`,
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
    // The 20 problems and, first, the list's own task.
    const ledger = await h.http().get(`/tasks?planId=${PLAN}&pageSize=50`).set(as('supervisor'));
    expect(ledger.body.total).toBe(21);
    expect(ledger.body.items[0]).toMatchObject({ code: 'ZG', kind: 'rectification' });
    const inspection = await h.http().get(`/tasks?source=inspection&planId=${PLAN}`).set(as('supervisor'));
    expect(inspection.body.total).toBe(21);
  });

  it('one task holds the list: its ledger lists the 20 problems with their lights, 销号 waits for them', async () => {
    const list = await eventually(async () => {
      const d = await h.http().get(`/tasks/${PLAN}/ZG`).set(as('supervisor'));
      return d.status === 200 && d.body.task.snapshot?.problems?.length === 20 ? d.body : null;
    });
    expect(list.task).toMatchObject({ leadUnit: 'enforcement', currentStageKey: 'closure' });
    expect(list.task.cooperatingUnits.sort()).toEqual(['ecology', 'monitoring', 'water-air']);
    expect(Object.keys(list.problemLights)).toHaveLength(20);
    expect(list.task.awaiting).toEqual([]);
    const close = await h
      .http()
      .post(`/tasks/${PLAN}/ZG/close`)
      .set(as('supervisor'))
      .set('Idempotency-Key', randomUUID())
      .send({ note: '销号' });
    expect(close.status).toBe(409);
    expect(JSON.stringify(close.body)).toContain('20 个问题未销号');
  });

  it('in the browser: the list’s page lists its problems with their lights; each leads to its page and back', async () => {
    const base = await listenOnFreePort(h.app);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await signIn(page, base, 'ecology.head');
      await page.goto(`${base}/ui/tasks/${PLAN}/ZG`);
      await expect(page.locator('#problem-table tr[data-problem]').count()).resolves.toBe(20);
      const lights = await page.locator('#problem-table td[data-col=light]').allInnerTexts();
      expect(lights.every((l) => /绿|黄|红/.test(l))).toBe(true);
      // An own problem opens; the list's link on it leads back.
      const ownCode = (
        await db.query(
          `SELECT code FROM task WHERE plan_id = $1 AND parent_code = 'ZG' AND lead_unit = 'ecology' ORDER BY ordinal LIMIT 1`,
          [PLAN],
        )
      )[0].code as string;
      await page.click(`#problem-table tr[data-problem="${ownCode}"] a`);
      await page.waitForURL(`**/ui/tasks/${PLAN}/${ownCode}`);
      await page.click('#task-parent a');
      await page.waitForURL(`**/ui/tasks/${PLAN}/ZG`);
    } finally {
      await browser.close();
    }
  });

  it('each has its own stages: 整改方案 → 整改实施 → 验收 → 销号, evidence required', async () => {
    const ledger = await h.http().get(`/tasks?planId=${PLAN}&pageSize=50`).set(as('supervisor'));
    const first = ledger.body.items.find((t: { code: string }) => t.code !== 'ZG');
    const detail = await h.http().get(`/tasks/${first.id}`).set(as('supervisor'));
    expect(detail.body.stages.map((s: { name: string }) => s.name)).toEqual(['整改方案', '整改实施', '验收', '销号']);
    expect(
      detail.body.task.snapshot.stages.slice(0, 3).every((s: { requiresEvidence: boolean }) => s.requiresEvidence),
    ).toBe(true);
  });

  it('a unit sees its own problems only, and cannot act on another unit’s', async () => {
    // Its own five problems, and the list they belong to (where it cooperates).
    const own = await h.http().get(`/tasks?planId=${PLAN}&pageSize=50`).set(as('ecology.handler'));
    expect(own.body.total).toBe(6);
    const problems = own.body.items.filter((t: { code: string }) => t.code !== 'ZG');
    expect(problems.every((t: { leadUnit: string }) => t.leadUnit === 'ecology')).toBe(true);
    expect(problems).toHaveLength(5);
    const all = await h.http().get(`/tasks?planId=${PLAN}&pageSize=50`).set(as('supervisor'));
    const rowsOnly = all.body.items.filter((t: { code: string }) => t.code !== 'ZG');
    const waterAir = rowsOnly.find((t: { leadUnit: string }) => t.leadUnit === 'water-air');
    const ecology = rowsOnly.find((t: { leadUnit: string }) => t.leadUnit === 'ecology');
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
