import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { PdfPrinter } from '../../apps/api/src/common/pdf-printer';
import { evidenceDir } from '../../apps/api/src/evidence/evidence.service';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';
import { WebSession, webSession } from '../support/web-session';

/**
 * Issue 13 §2–§7, against the real API, worker, Temporal and PostgreSQL: the timeline cannot be
 * flooded, evidence is bound to its task, stage and uploader and never orphaned, PDF export and
 * plan import are bounded, sessions end for good, bad input is a 4xx problem, and references are
 * checked. (§1, poison text, is poison-input.test.ts.)
 */
jest.setTimeout(300_000);

const PLAN_FILE = join(__dirname, '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt');
const PLAN = 'hard-2021';
// 3.1.4: 水气股 (water-air) leads, 监测站 (monitoring) cooperates.
const CODE = '3.1.4';
const TASK = `/tasks/${PLAN}/${CODE}`;
const TASK_ID = `${PLAN}/${CODE}`;

let h: ApiHarness;
let db: DataSource;
let seq = 0;
const key = () => `hard-${Date.now()}-${++seq}`;
const tokens = new Map<string, string>();
const bearer = (user: string) => ({ Authorization: `Bearer ${tokens.get(user)}` });
const USERS = [
  'supervisor',
  'admin',
  'monitoring.handler',
  'water-air.handler',
  'water-air.head',
  'ecology.handler',
  'deputy.a',
];

beforeAll(async () => {
  h = await startApiHarness('hardening');
  db = h.app.get(DataSource);
  for (const u of USERS) tokens.set(u, await h.login(u));
  const imported = await h
    .http()
    .post(`/plans/import?planId=${PLAN}&receiptWorkdays=0`)
    .set(bearer('supervisor'))
    .attach('file', readFileSync(PLAN_FILE), 'xinjian-2021-workplan.txt');
  expect(imported.status).toBe(201);
  await eventually(async () => {
    const [row] = await db.query(`SELECT projected_version FROM task WHERE id = $1`, [TASK_ID]);
    return row?.projected_version > 1;
  });
});

afterAll(async () => {
  await h?.close();
});

const act = (user: string, path: string, body: object, idempotencyKey = key()) =>
  h.http().post(`${TASK}/${path}`).set(bearer(user)).set('Idempotency-Key', idempotencyKey).send(body);
const version = async () =>
  (await db.query(`SELECT projected_version FROM task WHERE id = $1`, [TASK_ID]))[0].projected_version as number;
/** Every file under the evidence folder, incoming uploads included. */
const storedFiles = () => {
  const dir = evidenceDir();
  const list = (d: string): string[] => {
    try {
      return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? list(join(d, e.name)) : [join(d, e.name)],
      );
    } catch {
      return [];
    }
  };
  return list(dir).sort();
};
const evidenceRows = async () => (await db.query(`SELECT count(*)::int AS n FROM evidence`))[0].n as number;

describe('§2 the timeline cannot be flooded by another unit', () => {
  it('keeps 501 refused comments of another unit out of the timeline; it shows the real comment, newest first, paged', async () => {
    const real = await act('monitoring.handler', 'comment', { text: '监测数据已报送' });
    expect(real.status).toBe(200);
    for (let i = 0; i < 501; i++) {
      const res = await act('ecology.handler', 'comment', { text: `刷屏 ${i}` });
      expect(res.status).toBe(404);
    }
    const detail = await h.http().get(`${TASK}?limit=20`).set(bearer('supervisor'));
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.some((e: { detail: string }) => e.detail?.startsWith('刷屏'))).toBe(false);
    expect(detail.body.comments.map((c: { detail: string }) => c.detail)).toContain('监测数据已报送');
    const ids = detail.body.timeline.map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(detail.body.timeline.length).toBeLessThanOrEqual(20);
    if (detail.body.timelineNext) {
      const older = await h.http().get(`${TASK}?limit=20&before=${detail.body.timelineNext}`).set(bearer('supervisor'));
      expect(Number(older.body.timeline[0].id)).toBeLessThan(ids[ids.length - 1]);
    }
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject = $1 AND action = 'comment' AND outcome = 'denied'`,
      [TASK_ID],
    );
    expect(n).toBe(501);
  });
});

describe('§3 evidence', () => {
  it('refuses a submission naming evidence that does not exist or is not this task’s', async () => {
    const before = await version();
    const res = await act('water-air.handler', 'submit', {
      note: '见附件',
      evidenceIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('EVIDENCE_NOT_FOUND');
    expect(await version()).toBe(before);
  });

  it('takes uploads only from whoever acts on the current stage, to the current stage', async () => {
    const files = storedFiles();
    const rows = await evidenceRows();
    for (const user of ['supervisor', 'admin', 'deputy.a', 'monitoring.handler', 'water-air.head']) {
      const res = await h
        .http()
        .post(`${TASK}/evidence`)
        .set(bearer(user))
        .attach('file', Buffer.from('方案'), 'plan.txt');
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }
    const wrongStage = await h
      .http()
      .post(`${TASK}/evidence`)
      .set(bearer('water-air.handler'))
      .field('stageKey', 'no-such-stage')
      .attach('file', Buffer.from('方案'), 'plan.txt');
    expect(wrongStage.status).toBe(409);
    expect(wrongStage.body.code).toBe('NOT_FOUND_STAGE');
    expect(storedFiles()).toEqual(files);
    expect(await evidenceRows()).toBe(rows);
  });

  it('refuses an overlong file name or stage key with 400 and leaves no file behind', async () => {
    const files = storedFiles();
    const longName = await h
      .http()
      .post(`${TASK}/evidence`)
      .set(bearer('water-air.handler'))
      .attach('file', Buffer.alloc(2 * 1024 * 1024, 0x41), `${'很长的文件名'.repeat(50)}.txt`);
    expect(longName.status).toBe(400);
    expect(longName.body.code).toBe('FILE_NAME_TOO_LONG');
    const longKey = await h
      .http()
      .post(`${TASK}/evidence`)
      .set(bearer('water-air.handler'))
      .field('stageKey', 'k'.repeat(49))
      .attach('file', Buffer.alloc(2 * 1024 * 1024, 0x41), 'plan.txt');
    expect(longKey.status).toBe(400);
    expect(storedFiles()).toEqual(files);
  });

  it('stores an accepted upload once, answers without any server path', async () => {
    const res = await h
      .http()
      .post(`${TASK}/evidence`)
      .set(bearer('water-air.handler'))
      .attach('file', Buffer.from('碳达峰行动方案初稿'), '碳达峰行动方案初稿.txt');
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('碳达峰行动方案初稿.txt');
    const detail = await h.http().get(TASK).set(bearer('water-air.handler'));
    const text = JSON.stringify(detail.body);
    expect(text).not.toContain('storagePath');
    expect(text).not.toContain(evidenceDir());
    expect(storedFiles().filter((f) => f.includes('.incoming'))).toEqual([]);
  });

  it('stores nothing for a refused web submission, and nothing before the CSRF check', async () => {
    const files = storedFiles();
    const rows = await evidenceRows();
    const head = await webSession(h, 'water-air.head');
    const forged = await head.postMultipart(`/ui/tasks/${TASK_ID}/act/submit`, { note: '代为提交' }, [
      { field: 'evidence', data: Buffer.from('refused'), name: 'refused-submit.txt' },
    ]);
    expect(forged.status).toBe(403);
    const handler = await webSession(h, 'water-air.handler');
    const badToken = await handler.postMultipart(
      `/ui/tasks/${TASK_ID}/act/submit`,
      { note: '提交' },
      [{ field: 'evidence', data: Buffer.alloc(8 * 1024 * 1024, 0x41), name: 'big.txt' }],
      'wrong-token',
    );
    expect(badToken.status).toBe(403);
    expect(storedFiles()).toEqual(files);
    expect(await evidenceRows()).toBe(rows);
  });
});

describe('§4 resources', () => {
  it('prints a burst of bulletin PDFs in one shared browser, at most two at a time, and tells the rest when to come back', async () => {
    const generated = await h.http().post('/bulletins/generate').set(bearer('supervisor')).send({ planId: PLAN });
    expect(generated.status).toBeLessThan(300);
    const printer = h.app.get(PdfPrinter);
    const launchesBefore = printer.launches;
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, printer.load.running)), 5);
    const answers = await Promise.all(
      Array.from({ length: 14 }, () =>
        h.http().get(`/bulletins/${generated.body.id}.pdf`).set(bearer('water-air.handler')),
      ),
    );
    clearInterval(watch);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(10);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    for (const busy of answers.filter((a) => a.status === 429)) expect(busy.headers['retry-after']).toBeDefined();
    expect(peak).toBeLessThanOrEqual(2);
    expect(printer.launches - launchesBefore).toBeLessThanOrEqual(1);
  });

  it('refuses an alias bomb, a docx bomb and a 100,000-item plan quickly, with the event loop never blocked a second', async () => {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const levels = Array.from({ length: 9 }, (_, i) => {
      const name = String.fromCharCode(98 + i);
      const prev = String.fromCharCode(97 + i);
      return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
    });
    const yamlBomb = [
      'schemaVersion: 1',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...levels,
    ].join('\n');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
    zip.file(
      'word/document.xml',
      `<w:document><w:body>${'<w:p><w:r><w:t>一、主要任务</w:t></w:r></w:p>'.repeat(400_000)}</w:body></w:document>`,
    );
    const docxBomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const huge = [
      '三、主要任务',
      '（一）测试',
      ...Array.from({ length: 100_089 }, (_, i) => `${i + 1}.事项${i}。（责任单位：水气股）`),
    ].join('\n');
    const counts = async () => (await db.query(`SELECT count(*)::int AS n FROM task`))[0].n as number;
    const before = await counts();
    for (const [name, data] of [
      ['bomb.yaml', Buffer.from(yamlBomb)],
      ['bomb.docx', docxBomb],
      ['huge.txt', Buffer.from(huge)],
    ] as const) {
      const started = Date.now();
      const health = setInterval(
        () =>
          void h
            .http()
            .get('/health')
            .then(() => undefined),
        100,
      );
      const res = await h.http().post('/plans/import?planId=bomb').set(bearer('supervisor')).attach('file', data, name);
      clearInterval(health);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(['TOO_COMPLEX', 'TOO_MANY_ITEMS']).toContain(res.body.code);
      expect(Date.now() - started).toBeLessThan(20_000);
    }
    lag.disable();
    expect(lag.max / 1e6).toBeLessThan(1000);
    expect(await counts()).toBe(before);
  });
});

describe('§6 bad input is a 4xx problem, never a 500', () => {
  it('answers oversized, deep, badly encoded and over-parameterised bodies and huge numbers with 4xx', async () => {
    const cases: [string, Promise<{ status: number; body: { code?: string } }>, number][] = [
      [
        '2 MB JSON',
        h
          .http()
          .post('/auth/login')
          .set('Content-Type', 'application/json')
          .send(`{"username":"${'x'.repeat(2_000_000)}"}`),
        413,
      ],
      [
        'nesting 10,000',
        h
          .http()
          .post('/auth/login')
          .set('Content-Type', 'application/json')
          .send(`${'['.repeat(10_000)}${']'.repeat(10_000)}`),
        400,
      ],
      [
        'deep object',
        h
          .http()
          .post('/auth/login')
          .set('Content-Type', 'application/json')
          .send(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`),
        400,
      ],
      [
        'charset=bogus',
        h.http().post('/auth/login').set('Content-Type', 'application/json; charset=bogus').send('{"username":"a"}'),
        415,
      ],
      [
        'bad gzip',
        h
          .http()
          .post('/auth/login')
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip')
          .send('not gzip'),
        400,
      ],
      [
        '1,001 form fields',
        h
          .http()
          .post('/ui/login')
          .type('form')
          .send(Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join('&')),
        413,
      ],
      ['page=1e20', h.http().get('/tasks?page=1e20').set(bearer('supervisor')), 400],
      [
        'level=99999999999999999999',
        h.http().get('/escalations?level=99999999999999999999').set(bearer('supervisor')),
        400,
      ],
    ];
    for (const [name, pending, status] of cases) {
      const res = await pending;
      expect({ name, status: res.status }).toEqual({ name, status });
      expect(res.body.code).toEqual(expect.any(String));
    }
  });
});

describe('§7 integrity', () => {
  it('refuses reassignment to a unit that does not exist', async () => {
    const res = await act('supervisor', 'reassign', { newLeadUnit: 'no-such-unit-zz', reason: '职能调整' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UNKNOWN_UNIT');
  });

  it('refuses a reading of 1e308 and a bulletin for 1900', async () => {
    const targets = await h.http().get(`/targets?planId=${PLAN}`).set(bearer('supervisor'));
    const pm25 = targets.body.indicators.find(
      (t: { targetCode: string; seq: number }) => t.targetCode === '1' && t.seq === 1,
    );
    const reading = await h
      .http()
      .post(`/targets/${pm25.indicatorId}/readings`)
      .set(bearer('supervisor'))
      .send({ period: '2021-01', value: 1e308 });
    expect(reading.status).toBe(400);
    const bulletin = await h
      .http()
      .post('/bulletins/generate')
      .set(bearer('supervisor'))
      .send({ planId: PLAN, at: '1900-01-01T00:00:00Z' });
    expect(bulletin.status).toBe(400);
    expect(bulletin.body.code).toBe('BAD_INSTANT');
  });

  it('refuses an Idempotency-Key reused with another body (422), replays it with the same body', async () => {
    const k = key();
    const first = await act('monitoring.handler', 'comment', { text: '第一次' }, k);
    expect(first.status).toBe(200);
    const same = await act('monitoring.handler', 'comment', { text: '第一次' }, k);
    expect(same.status).toBe(200);
    expect(same.headers['idempotent-replayed']).toBe('true');
    const other = await act('monitoring.handler', 'comment', { text: '另一条' }, k);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('scopes the plan view like the ledger', async () => {
    const plan = await h.http().get(`/plans/${PLAN}`).set(bearer('ecology.handler'));
    expect(plan.status).toBe(200);
    const leaves = plan.body.items.filter((i: { isLeaf: boolean }) => i.isLeaf);
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) {
      expect([leaf.leadUnit, ...leaf.cooperatingUnits]).toContain('ecology');
    }
    const full = await h.http().get(`/plans/${PLAN}`).set(bearer('supervisor'));
    expect(full.body.items.filter((i: { isLeaf: boolean }) => i.isLeaf)).toHaveLength(45);
  });

  it('sends a Content-Security-Policy without inline scripts, nosniff and no framing on every page', async () => {
    const web = await webSession(h, 'supervisor');
    for (const path of ['/ui/login', '/ui/overview', '/ui/ledger', `/ui/tasks/${TASK_ID}`]) {
      const res = await web.get(path);
      const csp = res.headers['content-security-policy'] ?? '';
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("script-src 'self'") });
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline' ; script");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.text).not.toMatch(/<script(?![^>]*(src=|type="application\/json"))[^>]*>/);
    }
  });
});

describe('账号与密码: the page everyone has for their own password', () => {
  /** The page's password form as its holder fills it in (the confirmation equal unless given). */
  const changePassword = (web: WebSession, current: string, next: string, confirm = next) =>
    web.postForm('/ui/account/password', { currentPassword: current, newPassword: next, confirmPassword: confirm });

  it('leads an account an admin just made to the account page until its holder sets a password', async () => {
    const admin = await h.login('admin');
    const created = await h.http().post('/users').set('Authorization', `Bearer ${admin}`).send({
      username: 'zhang.san',
      displayName: '张三',
      password: 'Initial-by-admin-27',
      role: 'handler',
      unitCode: 'ecology',
    });
    expect(created.status).toBe(201);
    const web = await webSession(h, 'zhang.san', 'Initial-by-admin-27');
    const overview = await web.get('/ui/overview');
    expect(overview.status).toBe(303);
    expect(overview.headers.location).toBe('/ui/account?required=1');
    const account = await web.get('/ui/account?required=1');
    expect(account.status).toBe(200);
    expect(account.text).toContain('id="password-required"');
    const done = await changePassword(web, 'Initial-by-admin-27', 'Zhang-own-choice-27');
    expect(done.status).toBe(303);
    const fresh = await webSession(h, 'zhang.san', 'Zhang-own-choice-27');
    expect((await fresh.get('/ui/overview')).status).toBe(200);
  });

  it('refuses a mistyped confirmation at the field without echoing a password, then changes it', async () => {
    const web = await webSession(h, 'party-group.head');
    const page = await web.get('/ui/account');
    expect(page.status).toBe(200);
    expect(page.text).toContain('修改密码');
    expect(page.text).toContain('party-group.head');
    const differ = await changePassword(web, 'duban-demo-2021', 'Poyang-lake-2027', 'Poyang-lake-2028');
    expect(differ.status).toBe(400);
    expect(differ.text).toContain('两次输入的新密码不一致');
    expect(differ.text).toMatch(/name="confirmPassword"[^>]*aria-invalid="true"/);
    expect(differ.text).not.toContain('Poyang-lake');
    const weak = await changePassword(web, 'duban-demo-2021', 'abcdefghijk');
    expect(weak.status).toBe(400);
    expect(weak.text).toMatch(/name="newPassword"[^>]*aria-invalid="true"/);
    const done = await changePassword(web, 'duban-demo-2021', 'Poyang-lake-2027');
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/ui/account?changed=1');
    expect(String(done.headers['set-cookie'])).toContain('duban_at=');
    const login = await h
      .http()
      .post('/auth/login')
      .send({ username: 'party-group.head', password: 'Poyang-lake-2027' });
    expect(login.status).toBe(200);
  });
});

describe('§5 sessions and tokens', () => {
  it('logout without the refresh token still ends the refresh token', async () => {
    const s = (await h.http().post('/auth/login').send({ username: 'general.handler', password: 'duban-demo-2021' }))
      .body;
    const out = await h.http().post('/auth/logout').set('Authorization', `Bearer ${s.accessToken}`).send({});
    expect(out.status).toBe(204);
    expect((await h.http().post('/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('keeps tokens issued before a deactivation dead after reactivation', async () => {
    const s = (await h.http().post('/auth/login').send({ username: 'office.handler', password: 'duban-demo-2021' }))
      .body;
    const users = await h.http().get('/users').set(bearer('admin'));
    const id = users.body.find((u: { username: string }) => u.username === 'office.handler').id;
    expect((await h.http().patch(`/users/${id}`).set(bearer('admin')).send({ active: false })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100)); // iat has whole seconds
    expect((await h.http().patch(`/users/${id}`).set(bearer('admin')).send({ active: true })).status).toBe(200);
    expect((await h.http().get('/auth/me').set('Authorization', `Bearer ${s.accessToken}`)).status).toBe(401);
    expect((await h.http().post('/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
    expect(
      (await h.http().post('/auth/login').send({ username: 'office.handler', password: 'duban-demo-2021' })).status,
    ).toBe(200);
  });

  it('counts 30 parallel wrong passwords atomically: exactly the limit are checked', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        h.http().post('/auth/login').send({ username: 'ecology.head', password: 'wrong-password' }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  it('throttles one address guessing across many usernames (runs last: it locks this address)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push(
        (
          await h
            .http()
            .post('/auth/login')
            .send({ username: `nobody-${i}`, password: 'guess' })
        ).status,
      );
    }
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(30);
  });
});
