import fc from 'fast-check';
import { bundledPlanText } from '../../bench/support/bench-kit';
import { CRASH_PATTERN, FaultSystem, idempotencyKey } from './support/fault-system';

/**
 * Issue 8, fuzzing against the running processes: mutated plan documents through POST /plans/import
 * and generated bodies against the task actions and the other POST endpoints. No answer may be a
 * 5xx, no process may report an unhandled rejection, and a refused request writes nothing (plan,
 * task, indicator and unit counts, or the task workflow's version, unchanged).
 * Sizes: FAULT_FUZZ_IMPORTS (default 150) documents, FAULT_FUZZ_BODIES (default 400) bodies.
 */
const IMPORTS = Number(process.env.FAULT_FUZZ_IMPORTS ?? 150);
const BODIES = Number(process.env.FAULT_FUZZ_BODIES ?? 400);
const PLAN = 'fuzz-plan';
jest.setTimeout(15 * 60_000);

const sys = new FaultSystem();
const tried = { imports: 0, importsAccepted: 0, actions: 0, actionsAccepted: 0, endpoints: 0 };
beforeAll(() => sys.start());
afterAll(async () => {
  console.log(`fuzz inputs tried: ${JSON.stringify(tried)}`);
  await sys.close();
});

const counts = async () =>
  (
    await sys.pg.query(
      `SELECT (SELECT count(*) FROM plan)::int AS plans, (SELECT count(*) FROM task)::int AS tasks,
              (SELECT count(*) FROM indicator)::int AS indicators, (SELECT count(*) FROM org_unit)::int AS units`,
    )
  ).rows[0];

/** Line-level and character-level damage to a real plan, the kind a bad copy-paste or a broken export makes. */
const lines = bundledPlanText().split('\n');
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(lines.length), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(lines.length), n: fc.integer({ min: 1, max: 10 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(lines.length),
    text: fc.string({ unit: 'grapheme', maxLength: 80 }),
  }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(lines.length), n: fc.nat(lines.length) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(lines.length), n: fc.nat(200) }),
  fc.record({
    op: fc.constant('garble' as const),
    at: fc.nat(lines.length),
    text: fc.constantFrom(
      '（',
      '）',
      '(',
      '1.',
      '2)',
      '一、',
      '牵头单位：',
      '配合：',
      '年底前',
      '2021年13月',
      '\u0000',
      '\ufffd',
      '　',
    ),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(ops: Mutation[]): string {
  const out = [...lines];
  for (const m of ops) {
    const at = Math.min(m.at, out.length);
    if (m.op === 'delete') out.splice(at, m.n);
    if (m.op === 'duplicate') out.splice(at, 0, ...out.slice(at, at + m.n));
    if (m.op === 'insert') out.splice(at, 0, m.text);
    if (m.op === 'swap' && out.length > 0) {
      const j = m.n % out.length;
      [out[at % out.length], out[j]] = [out[j], out[at % out.length]];
    }
    if (m.op === 'truncate' && out[at] !== undefined) out[at] = out[at].slice(0, m.n);
    if (m.op === 'garble' && out[at] !== undefined) out[at] = m.text + out[at].slice(m.text.length);
  }
  return out.join('\n');
}

const documents = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(mutation, { minLength: 1, maxLength: 8 })
      .map((ops) => ({ name: 'plan.txt', data: Buffer.from(mutate(ops)) })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 4096 }).map((b) => ({ name: 'plan.docx', data: Buffer.from(b) })),
  },
  { weight: 1, arbitrary: fc.json({ maxDepth: 4 }).map((j) => ({ name: 'plan.json', data: Buffer.from(j) })) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 2000 })
      .map((s) => ({ name: 'plan.html', data: Buffer.from(`<html><body>${s}</body></html>`) })),
  },
);

it('imports mutated plan documents all-or-nothing, never with a 5xx', async () => {
  const token = await sys.api.login('supervisor');
  await fc.assert(
    fc.asyncProperty(documents, fc.boolean(), async (doc, dryRun) => {
      tried.imports++;
      const before = await counts();
      const res = await sys.api.importPlan(token, doc.data, `planId=${PLAN}&dryRun=${dryRun}`, doc.name);
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) {
        expect(await counts()).toEqual(before);
        expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      } else tried.importsAccepted++;
    }),
    { numRuns: IMPORTS, seed: Number(process.env.FAULT_FUZZ_SEED ?? 20211028) },
  );
  expect(sys.appOutput()).not.toMatch(CRASH_PATTERN);
});

const ACTIONS = [
  'submit',
  'cooperate-feedback',
  'confirm-cooperation',
  'approve',
  'return',
  'request-extension',
  'decide-extension',
  'reassign',
  'suspend',
  'resume',
  'cancel',
  'close',
  'problems',
  'comment',
];
/** Text no store can hold (issue 13): NUL, unpaired surrogates, control characters, mixed in. */
const poison = fc.oneof(
  fc.constantFrom('a\u0000b', '\ud800', 'x\udc00', 'esc\u001b[0m', 'del\u007f', 'nel\u0085', '\u0000'),
  fc.tuple(fc.string(), fc.constantFrom('\u0000', '\ud800', '\u0007'), fc.string()).map((p) => p.join('')),
);
const field = fc.oneof(
  fc.string(),
  poison,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.date().map((d) => (isNaN(d.getTime()) ? '2021-13-45' : d.toISOString().slice(0, 10))),
  fc.constantFrom('water-air', 'ecology', 'plan', 'closure', 'x'.repeat(5000)),
);
const body = fc.oneof(
  fc.dictionary(
    fc.constantFrom(
      'note',
      'reason',
      'newDueDate',
      'approve',
      'leadUnit',
      'cooperatingUnits',
      'stageKey',
      'quantity',
      'dueDate',
      'problemId',
      'title',
      'requestId',
    ),
    field,
  ),
  fc.anything(),
);

/**
 * Waits until the tasks' own timers have run: the 2021 plan's deadlines are past, so a freshly
 * started workflow raises its late reminders and escalations at once, each a new version. Only
 * then does "a refused action changes nothing" compare versions fairly.
 */
async function settled(taskIds: string[], quietMs = 3000, limitMs = 90_000): Promise<void> {
  const versions = async () => (await Promise.all(taskIds.map((id) => sys.state(id)))).map((s) => s.version).join();
  const deadline = Date.now() + limitMs;
  let last = await versions();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`tasks still changing after ${limitMs} ms: ${last}`);
    await new Promise((r) => setTimeout(r, 500));
    const now = await versions();
    if (now !== last) [last, quietSince] = [now, Date.now()];
  }
}

it('answers generated bodies on every task action with no 5xx and no change on refusal', async () => {
  // The fuzz plan exists once the first test accepted a document; if none did, import the real one.
  if ((await sys.count(`SELECT count(*) AS n FROM task WHERE plan_id = $1`, [PLAN])) === 0)
    await sys.importPlan(PLAN, 45);
  const codes: string[] = (
    await sys.pg.query(`SELECT code FROM task WHERE plan_id = $1 AND is_leaf ORDER BY ordinal LIMIT 4`, [PLAN])
  ).rows.map((r: { code: string }) => r.code);
  const users = ['water-air.handler', 'water-air.head', 'ecology.head', 'deputy.a', 'supervisor', 'admin'];
  const tokens = await Promise.all(users.map((u) => sys.api.login(u)));
  await settled(codes.map((c) => `${PLAN}/${c}`));
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...ACTIONS),
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...codes) },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
      ),
      fc.nat(users.length - 1),
      body,
      fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
      async (action, code, user, payload, key) => {
        tried.actions++;
        const taskId = `${PLAN}/${code}`;
        const known = codes.includes(code);
        const before = known ? (await sys.state(taskId)).version : 0;
        const res = await sys.api.request('POST', `/tasks/${PLAN}/${encodeURIComponent(code)}/${action}`, {
          token: tokens[user],
          body: payload,
          headers: key === undefined ? { 'idempotency-key': idempotencyKey('fuzz') } : { 'idempotency-key': key },
        });
        expect({ action, status: res.status }).toEqual({ action, status: expect.any(Number) });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400 && known) expect((await sys.state(taskId)).version).toBe(before);
        if (res.status < 400) tried.actionsAccepted++;
      },
    ),
    { numRuns: BODIES, seed: Number(process.env.FAULT_FUZZ_SEED ?? 20211028) },
  );
  expect(sys.appOutput()).not.toMatch(CRASH_PATTERN);
  // No input left a task unable to act: each still takes a normal action within a second.
  const supervisor = tokens[users.indexOf('supervisor')];
  for (const code of codes) {
    const started = Date.now();
    const res = await sys.api.request('POST', `/tasks/${PLAN}/${code}/comment`, {
      token: supervisor,
      body: { text: '模糊测试后的正常评论' },
      headers: { 'idempotency-key': idempotencyKey('after-fuzz') },
    });
    expect({ code, status: res.status }).toEqual({ code, status: 200 });
    expect(Date.now() - started).toBeLessThan(1000);
  }
});

it('refuses poison in query and path parameters of the read endpoints with 400, never a 5xx', async () => {
  const token = await sys.api.login('supervisor');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('/tasks?q=', '/tasks?unit=', '/escalations?unit=', '/plans/', '/bulletins?planId=', '/tasks/x/'),
      poison,
      async (path, text) => {
        const res = await sys.api.request(
          'GET',
          `${path}${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\u0000'))}`,
          {
            token,
          },
        );
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
      },
    ),
    { numRuns: Math.max(20, BODIES / 10), seed: Number(process.env.FAULT_FUZZ_SEED ?? 20211028) },
  );
});

it('answers generated bodies on the other POST endpoints with no 5xx', async () => {
  const admin = await sys.api.login('admin');
  const endpoints: { path: string; token?: string }[] = [
    { path: '/auth/login' },
    { path: '/auth/refresh' },
    { path: '/auth/logout', token: admin },
    { path: '/users', token: admin },
    { path: '/units', token: admin },
    { path: '/notifications/00000000-0000-0000-0000-000000000000/read', token: admin },
    { path: '/notifications/not-a-uuid/read', token: admin },
  ];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...endpoints),
      fc.oneof(
        body,
        fc.dictionary(
          fc.constantFrom(
            'username',
            'password',
            'refreshToken',
            'code',
            'name',
            'role',
            'unitCode',
            'displayName',
            'email',
          ),
          field,
        ),
      ),
      async (endpoint, payload) => {
        tried.endpoints++;
        const res = await sys.api.request('POST', endpoint.path, { token: endpoint.token, body: payload });
        expect({ path: endpoint.path, status: res.status < 500 }).toEqual({ path: endpoint.path, status: true });
      },
    ),
    { numRuns: BODIES / 2, seed: Number(process.env.FAULT_FUZZ_SEED ?? 20211028) },
  );
  expect(sys.appOutput()).not.toMatch(CRASH_PATTERN);
  // Still alive: Node exits on an unhandled rejection.
  expect((await sys.api.request('GET', '/health')).status).toBe(200);
});
