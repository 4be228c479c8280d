import { DataSource } from 'typeorm';
import { rectificationWorkbook } from '@duban/workplan/testing/rectification-workbook';
import { ApiHarness, startApiHarness } from '../support/api-harness';

/**
 * Issue 16 through the API: an Excel 整改清单 (merged category cells, a 配合单位 column, people and
 * notes left out) imports as tasks with the right lead and cooperating units and sheet rows; the
 * preview parses without writing, and a corrected draft imports with the unit decisions made in
 * it — a name mapped once is remembered as an alias and known at the next preview.
 */
jest.setTimeout(180_000);

// Workflow ids are <plan>/<code> on a Temporal server shared by every e2e file and rerun: plans of this run only.
const RUN = Date.now().toString(36);
const ZG = `zhenggai-${RUN}`;
const DB = `duban-${RUN}`;

let h: ApiHarness;
let db: DataSource;
let token: string;
let workbook: Buffer;

beforeAll(async () => {
  h = await startApiHarness('planpreview');
  db = h.app.get(DataSource);
  token = await h.login('supervisor');
  workbook = await rectificationWorkbook();
});

afterAll(async () => {
  await h?.close();
});

const auth = (req: ReturnType<ReturnType<ApiHarness['http']>['post']>) => req.set('Authorization', `Bearer ${token}`);
const count = async (sql: string) => (await db.query(sql))[0].n as number;

describe('importing a rectification list from Excel', () => {
  it('imports the .xlsx: merged categories are sections, 配合单位 cooperate, the notes sheet is no task', async () => {
    const res = await auth(
      h.http().post(`/plans/import?planId=${ZG}&createUnknownUnits=true&receiptWorkdays=0`),
    ).attach('file', workbook, '整改清单.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'new', applied: true, counts: { sections: 3, leaves: 6 } });
    const tasks: { id: string; lead: string; coop: string[]; due: string }[] = await db.query(
      `SELECT t.id, l.name AS lead, array(SELECT u.name FROM org_unit u WHERE u.code = ANY(t.cooperating_units) ORDER BY array_position(t.cooperating_units, u.code)) AS coop,
              to_char(t.due_date, 'YYYY-MM-DD') AS due
         FROM task t JOIN org_unit l ON l.code = t.lead_unit WHERE t.plan_id = $1 ORDER BY t.id`,
      [ZG],
    );
    // The list's own task (整改清单 as a whole) first: led by the unit with the most problems.
    expect(tasks.find((t) => t.id === `${ZG}/ZG`)).toMatchObject({ lead: '区生态环境分局', due: '2027-12-31' });
    expect(tasks.filter((t) => t.id !== `${ZG}/ZG`).map((t) => [t.id, t.lead, t.coop])).toEqual([
      [`${ZG}/1.1`, '区住建局', ['执法分局', '区城管局']],
      [`${ZG}/1.2`, '区生态环境分局', ['区商务局']],
      [`${ZG}/1.3`, '区城管局', ['各街道办事处', '区市场监管局']],
      [`${ZG}/2.4`, '区水务局', ['各乡镇人民政府']],
      [`${ZG}/2.5`, '区生态环境分局', ['区水务局', '区农业农村局']],
      [`${ZG}/3.6`, '区林业局', ['区自然资源局']],
    ]);
    // 执法大队 is an alias of the seeded 执法分局: it was matched, not created.
    expect(res.body.createdUnits).not.toContain('执法大队');
    expect(tasks.find((t) => t.id.endsWith('/2.5'))?.due).toBe('2027-11-30');
    const [tree] = await db.query(`SELECT tree FROM plan WHERE id = $1`, [ZG]);
    expect(tree.tree.sections[0].items[0].source.cell).toBe('整改清单 第 3 行');
    expect(JSON.stringify(tree.tree)).not.toContain('张某某');
  });
});

describe('preview and corrected import', () => {
  it('previews without writing anything, naming the unknown unit names', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM task`);
    const text = [
      '某区生态环境分局2027年重点工作',
      '一、重点任务',
      '1.开展臭氧污染防控。6月底前完成治理。（牵头单位：水气股；配合单位：区发改局）',
      '2.推进排污口整治。（责任单位：生态股、区农水局）',
    ].join('\n');
    const res = await auth(h.http().post('/plans/preview')).attach('file', Buffer.from(text), 'plan.txt');
    expect(res.status).toBe(200);
    expect(
      res.body.draft.rows.map((r: { title: string; lead: string; cooperating: string[] }) => [
        r.title,
        r.lead,
        r.cooperating,
      ]),
    ).toEqual([
      ['开展臭氧污染防控', '水气股', ['区发改局']],
      ['推进排污口整治', '生态股', ['区农水局']],
    ]);
    expect(res.body.unknownUnits.map((u: { name: string }) => u.name)).toEqual(['区发改局', '区农水局']);
    expect(res.body.units.length).toBeGreaterThan(5);
    expect(await count(`SELECT count(*)::int AS n FROM task`)).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM plan`)).toBe(1);
  });

  it('imports a corrected draft with its unit decisions; the alias is known next time', async () => {
    // Units are the admin's: the supervisor maps names to them in the preview.
    const admin = await h.login('admin');
    await h
      .http()
      .post('/units')
      .set('Authorization', `Bearer ${admin}`)
      .send({ code: 'development-reform', name: '发展改革委', kind: 'office' })
      .expect(201);
    const text =
      '某区2027年督办事项\n一、议定事项\n1.推进项目审批提速。（牵头单位：区发改局）\n2.整治入河排污口。（责任单位：区农水局）';
    const preview = await auth(h.http().post('/plans/preview')).attach('file', Buffer.from(text), 'plan.txt');
    const draft = preview.body.draft;
    draft.rows[1].title = '整治入河排污口（改过）';
    draft.rows[1].deadline = { kind: 'date', dates: ['2027-09-30'] };
    draft.rows.push({ ...draft.rows[0], title: '新增：建立审批台账', code: '新增' });

    const bad = await auth(h.http().post('/plans/import-draft')).send({
      draft: { ...draft, rows: draft.rows.map((r: object, i: number) => (i === 0 ? { ...r, lead: '' } : r)) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('DRAFT_PROBLEMS');
    expect(bad.body.details.problems).toEqual([{ row: 0, field: 'lead', message: '第 1 行：请填写牵头单位' }]);

    const unmapped = await auth(h.http().post('/plans/import-draft')).send({ draft, planId: DB });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.code).toBe('UNKNOWN_UNITS');

    const res = await auth(h.http().post('/plans/import-draft')).send({
      draft,
      planId: DB,
      unitMappings: [
        { name: '区发改局', unit: 'development-reform' },
        { name: '区农水局', create: { name: '区农业农村水利局', kind: 'office' } },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      applied: true,
      counts: { leaves: 3 },
      createdUnits: ['区农业农村水利局'],
      aliasesAdded: [{ code: 'development-reform', alias: '区发改局' }],
    });
    const rows: { id: string; title: string; lead_unit: string; due: string }[] = await db.query(
      `SELECT id, title, lead_unit, to_char(due_date, 'YYYY-MM-DD') AS due FROM task WHERE plan_id = $1 ORDER BY id`,
      [DB],
    );
    expect(rows.map((r) => [r.id, r.title, r.lead_unit])).toEqual([
      [`${DB}/1.1`, '推进项目审批提速', 'development-reform'],
      [`${DB}/1.2`, '整治入河排污口（改过）', expect.stringMatching(/^unit-/)],
      [`${DB}/1.3`, '新增：建立审批台账', 'development-reform'],
    ]);
    expect(rows[1].due).toBe('2027-09-30');
    const [unit] = await db.query(`SELECT aliases FROM org_unit WHERE code = 'development-reform'`);
    expect(unit.aliases).toContain('区发改局');

    const again = await auth(h.http().post('/plans/preview')).attach('file', Buffer.from(text), 'plan.txt');
    expect(again.body.unknownUnits).toEqual([]);
  });

  it('refuses a mapping to a unit that does not exist, and a malformed draft, writing nothing', async () => {
    const text = '某区2027年督办事项\n一、议定事项\n1.推进垃圾分类。（牵头单位：区分类办）';
    const preview = await auth(h.http().post('/plans/preview')).attach('file', Buffer.from(text), 'plan.txt');
    const noUnit = await auth(h.http().post('/plans/import-draft')).send({
      draft: preview.body.draft,
      unitMappings: [{ name: '区分类办', unit: 'no-such-unit' }],
    });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.code).toBe('UNKNOWN_UNIT');
    const malformed = await auth(h.http().post('/plans/import-draft')).send({ draft: { rows: 'x' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_PLAN_DRAFT');
    const both = await auth(h.http().post('/plans/import-draft')).send({
      draft: preview.body.draft,
      unitMappings: [{ name: '区分类办', unit: 'office', create: { name: 'x', kind: 'office' } }],
    });
    expect(both.status).toBe(400);
    expect(await count(`SELECT count(*)::int AS n FROM org_unit WHERE name = '区分类办' OR 'x' = name`)).toBe(0);
  });

  it('lets only supervisors and admins preview', async () => {
    const handler = await h.login('water-air.handler');
    const res = await h
      .http()
      .post('/plans/preview')
      .set('Authorization', `Bearer ${handler}`)
      .attach('file', Buffer.from('x'), 'plan.txt');
    expect(res.status).toBe(403);
  });
});

describe('the OpenAPI document (/api/docs-json)', () => {
  it('documents every refusal of an action with the problem body, and when an import answers 200 or 201', async () => {
    const res = await h.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.components.schemas.ProblemDto.required).toEqual(expect.arrayContaining(['code', 'message', 'status']));
    for (const action of ['submit', 'approve', 'return', 'decide-extension', 'close', 'problems']) {
      const responses = doc.paths[`/tasks/{planId}/{code}/${action}`].post.responses;
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409', '422', '503']));
      expect(responses['409'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/ProblemDto');
    }
    const imports = doc.paths['/plans/import'].post.responses;
    expect(Object.keys(imports)).toEqual(expect.arrayContaining(['200', '201', '400', '403']));
  });
});
