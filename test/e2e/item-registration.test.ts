import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addWorkdays } from '@duban/domain/calendar/workdays';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { ApiHarness, eventually, startApiHarness } from '../support/api-harness';

/**
 * Issue 18 part 1, end to end: a supervisor registers items (立项) beside the plan — a 特急 leader
 * instruction whose deadline comes from the workday calendar, two decisions of one meeting as a
 * batch — and each runs as a task workflow: the lead unit submits with evidence, its head
 * approves, the supervisor closes. The ledger filters by source; others may not register.
 */
jest.setTimeout(180_000);

let h: ApiHarness;
let db: DataSource;
const tokens: Record<string, string> = {};
const bearer = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

beforeAll(async () => {
  h = await startApiHarness('items');
  db = h.app.get(DataSource);
  for (const who of [
    'supervisor',
    'admin',
    'water-air.handler',
    'water-air.head',
    'ecology.handler',
    'ecology.head',
    'deputy.a',
  ])
    tokens[who] = await h.login(who);
});

afterAll(async () => {
  await h?.close();
});

/** POST /tasks/<id>/<action> as `who`, with a fresh Idempotency-Key. */
function act(taskId: string, action: string, who: string, body: object = {}) {
  return h.http().post(`/tasks/${taskId}/${action}`).set(bearer(who)).set('Idempotency-Key', randomUUID()).send(body);
}

/** The task once its 签收 deadline is known (the workflow asked the calendar). */
async function awaitingReceipt(taskId: string) {
  return eventually(async () => {
    const res = await h.http().get(`/tasks/${taskId}`).set(bearer('supervisor'));
    return res.body.task?.snapshot?.receipt?.dueAt ? res.body : null;
  });
}

/** 执法分局 (cooperating) gives its feedback and its head confirms it, as each submission asks. */
async function cooperate(taskId: string, feedback: string) {
  for (const [who, action, note] of [
    ['enforcement.handler', 'cooperate-feedback', feedback],
    ['enforcement.head', 'confirm-cooperation', '确认'],
  ]) {
    await h
      .http()
      .post(`/tasks/${taskId}/${action}`)
      .set({ Authorization: `Bearer ${await h.login(who)}` })
      .set('Idempotency-Key', randomUUID())
      .send({ note })
      .expect(200);
  }
}

function register(body: object, who = 'supervisor', key = randomUUID()) {
  return h.http().post('/items').set(bearer(who)).set('Idempotency-Key', key).send(body);
}

async function projected(taskId: string) {
  return eventually(async () => {
    const res = await h.http().get(`/tasks/${taskId}`).set(bearer('supervisor'));
    return res.status === 200 && res.body.task.currentStageKey ? res.body : null;
  });
}

const instruction = {
  title: '落实区委主要领导关于秸秆禁烧的批示',
  body: '请水气股牵头，会同执法分局，三日内拿出巡查方案并组织实施。',
  sourceKind: 'instruction',
  issuer: '区委书记',
  docNumber: '领导批示〔2027〕5号',
  leadUnit: 'water-air',
  cooperatingUnits: ['enforcement'],
  urgency: 'extra-urgent',
};

describe('POST /items (立项)', () => {
  let taskId = '';

  it('registers a 特急 instruction: 3 workdays on the calendar, a 交办件 running as a task', async () => {
    const key = randomUUID();
    const res = await register(instruction, 'supervisor', key);
    expect(res.status).toBe(201);
    const today = shanghaiDate(new Date());
    expect(res.body).toMatchObject({ dueDate: addWorkdays(today, 3), created: true, code: '1.1' });
    taskId = res.body.taskId;
    const detail = await projected(taskId);
    expect(detail.task).toMatchObject({
      title: instruction.title,
      kind: 'assigned',
      sourceKind: 'instruction',
      leadUnit: 'water-air',
      cooperatingUnits: ['enforcement'],
      dueDate: addWorkdays(today, 3),
    });
    expect(detail.stages.map((s: { key: string }) => s.key)).toEqual(['handle', 'closure']);
    // The same request again is answered as the first time, and registers nothing more.
    const again = await register(instruction, 'supervisor', key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(res.body);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM task WHERE plan_id = $1`, [res.body.batchId]);
    expect(n).toBe(1);
  });

  it('waits for the lead unit head’s 签收: 待签收 in the ledger and in the head’s inbox, the work refused until then', async () => {
    const detail = await awaitingReceipt(taskId);
    // 特急: one workday to acknowledge, counted from today, to 17:30 of that workday.
    const receiptDay = addWorkdays(shanghaiDate(new Date()), 1);
    expect(shanghaiDate(new Date(detail.task.snapshot.receipt.dueAt))).toBe(receiptDay);
    expect(detail.task).toMatchObject({ currentStageKey: 'receipt', currentStageStatus: 'awaiting-receipt' });
    const ledger = await h.http().get('/tasks?stage=receipt').set(bearer('supervisor'));
    expect(ledger.body.items.map((t: { id: string }) => t.id)).toContain(taskId);
    const inbox = await h.http().get('/inbox').set(bearer('water-air.head'));
    expect(inbox.body.map((t: { id: string }) => t.id)).toContain(taskId);
    const handlerInbox = await h.http().get('/inbox').set(bearer('water-air.handler'));
    expect(handlerInbox.body.map((t: { id: string }) => t.id)).not.toContain(taskId);
    // Before 签收 the unit cannot work on it; nobody but its head may acknowledge it.
    const early = await act(taskId, 'submit', 'water-air.handler', { note: '先做了' });
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_STATE']);
    expect((await act(taskId, 'acknowledge', 'water-air.handler')).status).toBe(403);
    expect((await act(taskId, 'acknowledge', 'supervisor')).status).toBe(403);
    const otherHead = await act(taskId, 'acknowledge', 'ecology.head');
    expect(otherHead.status).toBe(404); // another unit's head does not even see it
    const ack = await act(taskId, 'acknowledge', 'water-air.head', { note: '已安排专人办理' });
    expect(ack.status).toBe(200);
    expect(ack.body.snapshot.receipt).toMatchObject({ status: 'approved', approval: { note: '已安排专人办理' } });
    const after = await eventually(async () => {
      const res = await h.http().get(`/tasks/${taskId}`).set(bearer('supervisor'));
      return res.body.task.currentStageKey === 'handle' ? res.body : null;
    });
    expect(after.task.currentStageStatus).toBe('open');
    const acknowledged = await eventually(async () => {
      const d = await h.http().get(`/tasks/${taskId}`).set(bearer('supervisor'));
      return d.body.timeline.find((e: { action: string }) => e.action === 'acknowledge') ?? null;
    });
    expect(acknowledged.detail).toMatch(/^用时(不足1小时|\d+小时)：已安排专人办理$/);
    expect((await act(taskId, 'acknowledge', 'water-air.head')).status).toBe(409);
  });

  it('runs it to 销号: evidence and submission by the unit, approval by its head, closure by the office', async () => {
    const task = `/tasks/${taskId}`;
    const upload = await h
      .http()
      .post(`${task}/evidence`)
      .set(bearer('water-air.handler'))
      .attach('file', Buffer.from('秸秆禁烧巡查方案'), '巡查方案.txt');
    expect(upload.status).toBe(201);
    await h
      .http()
      .post(`${task}/submit`)
      .set(bearer('water-air.handler'))
      .set('Idempotency-Key', randomUUID())
      .send({ note: '巡查方案已印发，首轮巡查完成', evidenceIds: [upload.body.id] })
      .expect(200);
    // The cooperating unit answers and its head confirms before the lead unit's head may approve.
    await cooperate(taskId, '执法分局已安排夜间巡查');
    await h
      .http()
      .post(`${task}/approve`)
      .set(bearer('water-air.head'))
      .set('Idempotency-Key', randomUUID())
      .send({})
      .expect(200);
    // 核实: the office checks on site, finds burning still going on, and sends the work back.
    const refusal = await act(taskId, 'return', 'supervisor', { reason: '现场核查发现仍有焚烧点' });
    expect(refusal.status).toBe(200);
    expect(refusal.body.snapshot.currentStageKey).toBe('handle');
    expect(refusal.body.snapshot.stages[0]).toMatchObject({ status: 'returned', approval: null });
    expect((await act(taskId, 'close', 'supervisor', { note: '销号' })).status).toBe(409);
    await act(taskId, 'submit', 'water-air.handler', {
      note: '已补充夜间巡查，焚烧点已清理',
      evidenceIds: [upload.body.id],
    }).expect(200);
    await cooperate(taskId, '执法分局已复查');
    await act(taskId, 'approve', 'water-air.head').expect(200);
    // The second check passes: its on-site record is kept with the closure, then 销号.
    const record = await h
      .http()
      .post(`${task}/evidence`)
      .set(bearer('supervisor'))
      .field('stageKey', 'closure')
      .attach('file', Buffer.from('现场核查记录：焚烧点已清理'), '核查记录.txt');
    expect(record.status).toBe(201);
    const closed = await act(taskId, 'close', 'supervisor', { note: '经现场核实已办结，销号' });
    expect(closed.status).toBe(200);
    const timeline = await eventually(async () => {
      const d = await h.http().get(task).set(bearer('supervisor'));
      return d.body.task.status === 'closed' ? d.body.timeline : null;
    });
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['acknowledge', 'verification-refused', 'close']),
    );
    await eventually(async () => {
      const res = await h.http().get(task).set(bearer('supervisor'));
      return res.body.task.status === 'closed';
    });
  });

  it('a verifying unit named on the item (核实单位) sees it and verifies it: its head refuses, then closes', async () => {
    const res = await register({
      title: '核查某砖厂脱硫设施停运问题',
      sourceKind: 'higher',
      leadUnit: 'ecology',
      verifyingUnit: 'monitoring',
      dueDate: addWorkdays(shanghaiDate(new Date()), 10),
      receiptWorkdays: 0,
    });
    expect(res.status).toBe(201);
    const id = res.body.taskId;
    const first = await projected(id);
    expect(first.task.verifyingUnit).toBe('monitoring');
    const monitoring = await h.login('monitoring.head');
    const asMonitoring = { Authorization: `Bearer ${monitoring}` };
    // It sees the item (ledger and page) though it neither leads nor cooperates; 水气股 does not.
    expect((await h.http().get(`/tasks/${id}`).set(asMonitoring)).status).toBe(200);
    const ledger = await h.http().get(`/tasks?source=higher`).set(asMonitoring);
    expect(ledger.body.items.map((t: { id: string }) => t.id)).toContain(id);
    expect((await h.http().get(`/tasks/${id}`).set(bearer('water-air.head'))).status).toBe(404);
    const verify = (action: string, body: object) =>
      h.http().post(`/tasks/${id}/${action}`).set(asMonitoring).set('Idempotency-Key', randomUUID()).send(body);
    // Nothing to verify before the work is approved.
    expect((await verify('close', { note: '销号' })).status).toBe(409);
    const evidence = await h
      .http()
      .post(`/tasks/${id}/evidence`)
      .set(bearer('ecology.handler'))
      .attach('file', Buffer.from('整改通知书及复产记录'), '整改记录.txt');
    expect(evidence.status).toBe(201);
    const evidenceIds = [evidence.body.id];
    await act(id, 'submit', 'ecology.handler', { note: '已责令整改，设施恢复运行', evidenceIds }).expect(200);
    await act(id, 'approve', 'ecology.head').expect(200);
    const inbox = await eventually(async () => {
      const r = await h.http().get('/inbox').set(asMonitoring);
      return r.body.some((t: { id: string }) => t.id === id) ? r.body : null;
    });
    expect(inbox.length).toBeGreaterThan(0);
    // The lead unit cannot verify its own work.
    expect((await act(id, 'close', 'ecology.head', { note: '销号' })).status).toBe(403);
    const refused = await verify('return', { reason: '在线监测数据显示仍有停运时段' });
    expect(refused.status).toBe(200);
    expect(refused.body.snapshot.currentStageKey).toBe('handle');
    // The verifier's staff keep the on-site record with the closure.
    await act(id, 'submit', 'ecology.handler', { note: '已加装在线监控', evidenceIds }).expect(200);
    await act(id, 'approve', 'ecology.head').expect(200);
    const record = await h
      .http()
      .post(`/tasks/${id}/evidence`)
      .set({ Authorization: `Bearer ${await h.login('monitoring.handler')}` })
      .field('stageKey', 'closure')
      .attach('file', Buffer.from('监测核查记录：连续7日在线数据正常'), '核查记录.txt');
    expect(record.status).toBe(201);
    const closed = await verify('close', { note: '经监测核实，销号' });
    expect(closed.status).toBe(200);
    expect(closed.body.snapshot.status).toBe('closed');
  });

  it('refuses a verifying unit that is the lead itself or unknown, naming the field', async () => {
    const self = await register({ ...instruction, title: '自我核实', verifyingUnit: 'water-air' });
    expect([self.status, self.body.details?.field]).toEqual([400, 'verifyingUnit']);
    expect(JSON.stringify(self.body)).toContain('核实单位不能是牵头单位本身');
    const unknown = await register({ ...instruction, title: '未知核实单位', verifyingUnit: 'no-such-unit' });
    expect([unknown.status, unknown.body.details?.field]).toEqual([400, 'verifyingUnit']);
  });

  it('groups one meeting’s decisions into a batch, numbered in order, filterable by source', async () => {
    const first = await register({
      title: '开展饮用水水源地环境问题排查',
      sourceKind: 'meeting',
      batchTitle: '2027年第1次局务会议定事项',
      issuer: '局务会',
      leadUnit: 'ecology',
      dueDate: '2027-06-30',
    });
    expect(first.status).toBe(201);
    const second = await register({
      title: '完成重点排污单位名录更新',
      sourceKind: 'meeting',
      batchId: first.body.batchId,
      leadUnit: 'eia-radiation',
      dueDate: '2027-03-31',
      kind: 'annual',
    });
    expect(second.status).toBe(201);
    expect([first.body.code, second.body.code]).toEqual(['1.1', '1.2']);
    expect(second.body.batchId).toBe(first.body.batchId);
    await projected(second.body.taskId);
    const batches = await h.http().get('/items/batches').set(bearer('supervisor'));
    expect(batches.body).toContainEqual({
      id: first.body.batchId,
      title: '2027年第1次局务会议定事项',
      year: 2027,
      sourceKind: 'meeting',
      items: 2,
    });
    const meeting = await h.http().get('/tasks?source=meeting').set(bearer('supervisor'));
    expect(meeting.body.items.map((t: { code: string }) => t.code).sort()).toEqual(['1.1', '1.2']);
    const plan = await h.http().get('/tasks?source=workplan').set(bearer('supervisor'));
    expect(plan.body.total).toBe(0);
    // The overview counts items by source: the instruction (closed above) and the meeting's two.
    const overview = await h.http().get('/dashboard/overview').set(bearer('supervisor'));
    const bySource = Object.fromEntries(
      overview.body.bySource.map((r: { source: string; total: number; done: number }) => [r.source, [r.total, r.done]]),
    );
    // The instruction and the 上级交办 item of the 核实 test, both closed; the meeting's two, open.
    expect(bySource).toEqual({ instruction: [1, 1], higher: [1, 1], meeting: [2, 0] });
    // An item registered later with the plan-like template gets its quarterly stages.
    const annual = await projected(second.body.taskId);
    expect(annual.stages.map((s: { key: string }) => s.key)).toEqual(['plan', 'done', 'closure']);
  });

  it('takes the item’s own reminders and escalation ladder', async () => {
    const res = await register({
      ...instruction,
      title: '核查群众信访反映的夜间偷排问题',
      urgency: undefined,
      dueDate: '2027-06-30',
      reminderOffsets: [0, 2],
      escalationAfterWorkdays: [1, 2, 4],
    });
    expect(res.status).toBe(201);
    await awaitingReceipt(res.body.taskId);
    expect((await act(res.body.taskId, 'acknowledge', 'water-air.head')).status).toBe(200);
    // After 签收 the work's clock runs: its reminders and ladder are planned.
    const stage = await eventually(async () => {
      const detail = await h.http().get(`/tasks/${res.body.taskId}`).set(bearer('supervisor'));
      // The stage's timer plan is in the workflow's snapshot, as the projection wrote it.
      const first = detail.body.task?.snapshot?.stages?.[0];
      return first?.reminders?.length ? first : null;
    });
    expect(stage.reminders.map((r: { offsetWorkdays: number }) => r.offsetWorkdays)).toEqual([2, 0]);
    expect(stage.ladder.map((l: { level: number; to: string }) => [l.level, l.to])).toEqual([
      [1, 'unit-head'],
      [2, 'deputy-director'],
      [3, 'supervisor'],
    ]);
    // On the workday calendar: reminders 2 workdays before and on the day, rungs 1, 2 and 4 after it.
    const days = (list: { at: string }[]) => list.map((x) => shanghaiDate(new Date(x.at)));
    expect(days(stage.reminders)).toEqual([addWorkdays('2027-06-30', -2), '2027-06-30']);
    expect(days(stage.ladder)).toEqual([1, 2, 4].map((n) => addWorkdays('2027-06-30', n)));
    const refused = await register({ ...instruction, title: '错误的督办设置', escalationAfterWorkdays: [3, 1, 5] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'BAD_POLICY', details: { field: 'escalationAfterWorkdays' } });
  });

  it('a unit may decline (退回) with its reason; the office reassigns and the new unit acknowledges', async () => {
    const res = await register({ ...instruction, title: '处置某小区噪声投诉', urgency: 'urgent' });
    const id = res.body.taskId;
    await awaitingReceipt(id);
    const blank = await act(id, 'decline', 'water-air.head', { reason: ' ' });
    expect([blank.status, blank.body.details?.field]).toEqual([400, 'reason']);
    const declined = await act(id, 'decline', 'water-air.head', { reason: '不属于本股室职责，建议执法分局牵头' });
    expect(declined.status).toBe(200);
    const waiting = await eventually(async () => {
      const d = await h.http().get(`/tasks/${id}`).set(bearer('supervisor'));
      return d.body.task.currentStageStatus === 'declined' ? d.body : null;
    });
    expect(waiting.task.snapshot.receipt.declined.reason).toBe('不属于本股室职责，建议执法分局牵头');
    const office = await h.http().get('/inbox').set(bearer('supervisor'));
    expect(office.body.map((t: { id: string }) => t.id)).toContain(id);
    expect((await act(id, 'acknowledge', 'water-air.head')).status).toBe(409);
    const moved = await act(id, 'reassign', 'supervisor', { newLeadUnit: 'enforcement', reason: '属执法分局职责' });
    expect(moved.status).toBe(200);
    const reassigned = await eventually(async () => {
      const d = await h.http().get(`/tasks/${id}`).set(bearer('supervisor'));
      const r = d.body.task.snapshot?.receipt;
      return d.body.task.leadUnit === 'enforcement' && r?.dueAt && r.status === 'open' ? d.body : null;
    });
    expect(reassigned.task.currentStageStatus).toBe('awaiting-receipt');
    // The old unit no longer sees it; the new unit's head acknowledges it.
    expect((await h.http().get(`/tasks/${id}`).set(bearer('water-air.head'))).status).toBe(404);
    const enforcementHead = await h.login('enforcement.head');
    const ack = await h
      .http()
      .post(`/tasks/${id}/acknowledge`)
      .set({ Authorization: `Bearer ${enforcementHead}` })
      .set('Idempotency-Key', randomUUID())
      .send({});
    expect(ack.status).toBe(200);
    expect(ack.body.snapshot.receipt).toMatchObject({ status: 'approved', ownerUnit: 'enforcement' });
  });

  it('takes the receipt time as registered, and refuses one that is no whole number of workdays', async () => {
    const none = await register({ ...instruction, title: '无需签收的交办件', receiptWorkdays: 0 });
    expect(none.status).toBe(201);
    const running = await projected(none.body.taskId);
    expect([running.task.currentStageKey, running.task.snapshot?.receipt]).toEqual(['handle', undefined]);
    for (const receiptWorkdays of [-1, 11, 1.5, 'two']) {
      const bad = await register({ ...instruction, title: `签收期限 ${receiptWorkdays}`, receiptWorkdays });
      expect([bad.status, bad.body.code, bad.body.details?.field]).toEqual([
        400,
        'BAD_RECEIPT_WORKDAYS',
        'receiptWorkdays',
      ]);
    }
  });

  it('is for the supervision office and admins; units see only their own items', async () => {
    for (const who of ['water-air.handler', 'water-air.head', 'deputy.a']) {
      const res = await register({ ...instruction, title: `越权立项 ${who}` }, who);
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
    expect((await register({ ...instruction, title: '管理员立项' }, 'admin')).status).toBe(201);
    expect((await h.http().get(`/tasks/${taskId}`).set(bearer('ecology.handler'))).status).toBe(404);
    const theirs = await h.http().get('/tasks?source=instruction').set(bearer('ecology.handler'));
    expect(theirs.body.total).toBe(0);
  });

  it('says what is wrong with a registration, in which field, and writes nothing', async () => {
    const [{ n: before }] = await db.query(`SELECT count(*)::int AS n FROM task`);
    const cases: [object, string, string][] = [
      [{ ...instruction, dueDate: '2027-05-01' }, 'DEADLINE_REQUIRED', 'dueDate'],
      [{ ...instruction, urgency: undefined }, 'DEADLINE_REQUIRED', 'dueDate'],
      [{ ...instruction, urgency: undefined, dueDate: '2020-01-01' }, 'DEADLINE_PAST', 'dueDate'],
      [{ ...instruction, leadUnit: 'no-such-unit' }, 'UNKNOWN_UNIT', 'leadUnit'],
      [{ ...instruction, cooperatingUnits: ['nope'] }, 'UNKNOWN_UNIT', 'cooperatingUnits'],
      [{ ...instruction, batchId: 'no-such-batch' }, 'NOT_FOUND', ''],
    ];
    for (const [body, code, field] of cases) {
      const res = await register(body);
      expect({ code: res.body.code, field: res.body.details?.field ?? '' }).toEqual({ code, field });
    }
    const workplan = await register({ ...instruction, sourceKind: 'workplan' });
    expect(workplan.status).toBe(400);
    const [{ n: after }] = await db.query(`SELECT count(*)::int AS n FROM task`);
    expect(after).toBe(before);
  });
});
