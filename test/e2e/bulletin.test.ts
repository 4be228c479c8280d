import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';

jest.setTimeout(240_000);

const PLAN_ID = 'kpi-bulletin-2021';
let h: ApiHarness;
let db: DataSource;
let supervisor: string;
let leaves = 0;
const out = mkdtempSync(join(tmpdir(), 'duban-bulletin-'));

/** Binary body of a supertest response. */
const binary = (
  res: { on: (e: string, cb: (c?: Buffer) => void) => void },
  cb: (err: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  h = await startApiHarness('bulletin');
  db = h.app.get(DataSource);
  supervisor = await h.login('supervisor');
  await h.importPlan(PLAN_ID, supervisor);
  // Every task workflow has projected its first state (the bulletin reads the projection).
  await eventually(async () => {
    const [r] = await db.query(
      `SELECT count(*) FILTER (WHERE projected_version > 0)::int AS projected, count(*)::int AS leaves
         FROM task WHERE plan_id = $1 AND is_leaf`,
      [PLAN_ID],
    );
    leaves = r.leaves;
    return r.leaves > 0 && r.projected === r.leaves;
  }, 90_000);
  const pm25: { id: string }[] = await db.query(
    `SELECT id FROM indicator WHERE plan_id = $1 AND target_code = '1' AND seq = 1`,
    [PLAN_ID],
  );
  const csv = [
    'indicator,period,value',
    ...[40, 38, 36, 35, 34, 33, 34, 36, 38].map((v, i) => `1.1,2021-0${i + 1},${v}`),
  ];
  const up = await h
    .http()
    .post(`/targets/readings/upload?planId=${PLAN_ID}`)
    .set('Authorization', `Bearer ${supervisor}`)
    .attach('file', Buffer.from(csv.join('\n')), 'r.csv');
  expect(up.status).toBe(201);
  expect(pm25).toHaveLength(1);
});

afterAll(async () => {
  await h?.close();
});

const generate = () =>
  h
    .http()
    .post('/bulletins/generate')
    .set('Authorization', `Bearer ${supervisor}`)
    .send({ planId: PLAN_ID, at: '2021-10-11T01:00:00Z' });

describe('weekly bulletin (real API, worker, Temporal, PostgreSQL, Chromium)', () => {
  let id: string;

  it('generates a week once: the second generation stores nothing and returns the same id', async () => {
    const first = await generate();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ planId: PLAN_ID, week: '2021-W41', created: true });
    id = first.body.id;
    const second = await generate();
    expect(second.body).toEqual({ ...first.body, created: false });
    const rows = await db.query(`SELECT count(*)::int AS n FROM bulletin WHERE plan_id = $1`, [PLAN_ID]);
    expect(rows[0].n).toBe(1);
    const handler = await h.login('water-air.handler');
    const denied = await h
      .http()
      .post('/bulletins/generate')
      .set('Authorization', `Bearer ${handler}`)
      .send({ planId: PLAN_ID });
    expect(denied.status).toBe(403);
  });

  it('holds per-unit figures, the overdue list, target status, and was delivered once', async () => {
    const list = await h.http().get(`/bulletins?planId=${PLAN_ID}`).set('Authorization', `Bearer ${supervisor}`);
    expect(list.body.map((b: { id: string }) => b.id)).toContain(id);
    const res = await h.http().get(`/bulletins/${id}`).set('Authorization', `Bearer ${supervisor}`);
    expect(res.status).toBe(200);
    const c = res.body.content;
    expect(c.week).toBe('2021-W41');
    const sum = (k: string) => c.units.reduce((a: number, u: Record<string, number>) => a + u[k], 0);
    expect(sum('total')).toBe(leaves);
    expect(c.totals.total).toBe(leaves);
    expect(sum('done') + sum('onTrack') + sum('dueSoon') + sum('overdue')).toBe(leaves);
    expect(c.units.map((u: { unitName: string }) => u.unitName)).toContain('水气股');
    // The overdue list agrees with the projection at that instant, each with days and unit.
    const [overdue] = await db.query(
      `SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND is_leaf AND next_due_at < '2021-10-11T01:00:00Z'
         AND status NOT IN ('completed', 'closed', 'cancelled', 'suspended')`,
      [PLAN_ID],
    );
    expect(c.overdue).toHaveLength(overdue.n);
    for (const o of c.overdue) {
      expect(o.daysOverdue).toBe(Math.floor((Date.parse('2021-10-11T01:00:00Z') - Date.parse(o.dueAt)) / 86_400_000));
      expect(o.unitName).toBeTruthy();
    }
    const pm25 = c.targets.find(
      (t: { targetCode: string; name: string }) => t.targetCode === '1' && t.name.includes('PM2.5'),
    );
    expect(pm25).toMatchObject({ light: 'red', ytd: 36, neededRemaining: 28, ownerUnitName: '监测站' });
    const [inbox] = await db.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'bulletin' AND dedup_key = $1`,
      [`bulletin/${PLAN_ID}/2021-W41`],
    );
    expect(inbox.n).toBeGreaterThan(0);
  });

  it('lists the tasks escalated in the seven days before the bulletin, each once at its highest rung', async () => {
    // The 2021 deadlines are long past on this server's clock, so the task workflows escalate now,
    // up the whole ladder at once: wait until the projected escalations stop changing (an
    // escalation projected after the bulletin read its figures would be missing from it).
    let last = -1;
    let quietPolls = 0;
    await eventually(async () => {
      const [r] = await db.query(
        `SELECT count(*)::int AS n FROM escalation e JOIN task t ON t.id = e.task_id WHERE t.plan_id = $1`,
        [PLAN_ID],
      );
      quietPolls = r.n > 0 && r.n === last ? quietPolls + 1 : 0;
      last = r.n;
      if (quietPolls < 5) await new Promise((done) => setTimeout(done, 400));
      return quietPolls >= 5;
    }, 90_000);
    const res = await h
      .http()
      .post('/bulletins/generate')
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ planId: PLAN_ID });
    expect(res.body.created).toBe(true);
    const c = (await h.http().get(`/bulletins/${res.body.id}`).set('Authorization', `Bearer ${supervisor}`)).body
      .content;
    const raised: { task_id: string; level: number }[] = await db.query(
      `SELECT e.task_id, max(e.level)::int AS level FROM escalation e JOIN task t ON t.id = e.task_id
        WHERE t.plan_id = $1 AND e.raised_at >= $2 AND e.raised_at < $3 GROUP BY e.task_id`,
      [PLAN_ID, c.since, c.asOf],
    );
    expect(raised.length).toBeGreaterThan(0);
    const byTask = (rows: { taskId?: string; task_id?: string; level: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.taskId ?? r.task_id, r.level]));
    expect(byTask(c.newEscalations)).toEqual(byTask(raised));
    expect(c.newEscalations).toHaveLength(raised.length); // no task twice
    for (const e of c.newEscalations) {
      expect(Date.parse(e.raisedAt)).toBeGreaterThanOrEqual(Date.parse(c.since));
      expect(e.unitName).toBeTruthy();
    }
  });

  it('exports Excel with the unit figures', async () => {
    const res = await h
      .http()
      .get(`/bulletins/${id}.xlsx`)
      .set('Authorization', `Bearer ${supervisor}`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各单位情况', '逾期清单', '本周新增督办', '目标指标', '说明']);
    const units = wb.getWorksheet('各单位情况')!;
    const names = units.getColumn(1).values.filter(Boolean);
    expect(names).toContain('水气股');
    expect(names).toContain('合计');
  });

  it('exports a PDF whose text layer has the unit names, with charts', async () => {
    const res = await h
      .http()
      .get(`/bulletins/${id}.pdf`)
      .set('Authorization', `Bearer ${supervisor}`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = join(out, 'bulletin.pdf');
    writeFileSync(pdf, res.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('督办通报');
    for (const unit of ['水气股', '监测站', '综合股']) expect(text).toContain(unit);
    expect(text).toContain('各单位任务情况'); // the chart title, drawn as SVG text
    // No page ends with a section heading: headings stay with their tables.
    for (const page of text.split('\f')) {
      const last =
        page
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .at(-1) ?? '';
      expect(last).not.toMatch(/^[一二三四]、/);
    }
    // Ⅴ (U+2164, 地下水 target 4) is text, drawn by an embedded font that has the glyph.
    expect(text).toContain('Ⅴ类');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\syes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const covering = execFileSync('fc-list', [':charset=2164', 'family'], { encoding: 'utf8' });
    expect(covering).toContain('WenQuanYi Micro Hei'); // the first family of the bulletin's font stack
    expect(fonts.some((l) => /WenQuanYi/i.test(l))).toBe(true);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(out, 'page')]);
    console.log(`bulletin PDF page image: ${join(out, 'page-1.png')}`);
  });
});
