import { machineHarness } from './task-machine.harness';
import { ActorRef } from '../access/actor';
import { elapsedText } from '../text/elapsed-text';
import { assignedItemInput, handler, head, supervisor } from './task-snapshot.fixtures';
import { DEFAULT_POLICY, RECEIPT_KEY, StageTimerPlan, TaskWorkflowInput } from './task-types';

/**
 * 签收 in the state machine: a new assignment waits for the lead unit head's acknowledgement,
 * with a clock of its own; a decline goes back to the office; a reassignment asks the new unit.
 */

const T0 = Date.parse('2027-03-01T02:00:00.000Z'); // 10:00 Beijing, a Monday
const RECEIPT_DUE = '2027-03-03T09:30:00.000Z'; // 2 workdays later, 17:30
const ecologyHead: ActorRef = { userId: 'u-eco-head', role: 'unit-head', unitCode: 'ecology' };

function harness(over: Partial<TaskWorkflowInput> = {}) {
  return machineHarness(assignedItemInput(over), T0);
}

const plan: StageTimerPlan = {
  reminders: [
    { offsetWorkdays: 1, at: '2027-03-02T01:00:00.000Z' },
    { offsetWorkdays: 0, at: '2027-03-03T01:00:00.000Z' },
  ],
  escalations: [{ level: 1, to: 'unit-head', at: '2027-03-04T01:00:00.000Z' }],
  yellowFrom: '2027-02-26T09:30:00.000Z',
};

describe('签收 in the task machine', () => {
  it('a task whose policy asks it starts waiting for 签收, its deadline still to be asked of the calendar', () => {
    const h = harness();
    expect(h.s.receipt).toMatchObject({
      key: RECEIPT_KEY,
      name: '签收',
      status: 'open',
      ownerUnit: 'water-air',
      assignedAt: new Date(T0).toISOString(),
      scheduled: false,
      dueAt: null,
    });
    expect(h.machine.receiptToSchedule()).toBe(h.s.receipt);
    expect(h.machine.clockStage()).toBe(h.s.receipt);
    h.machine.receiptScheduled(RECEIPT_DUE);
    expect([h.machine.receiptToSchedule(), h.s.receipt!.dueAt, h.s.receipt!.dueDate]).toEqual([
      null,
      RECEIPT_DUE,
      '2027-03-03',
    ]);
    expect(h.machine.needsTimers(h.s.receipt!)).toBe(true);
  });

  it('no policy, no 签收: the work stage’s clock runs from the start (tasks started before 签收)', () => {
    for (const policy of [DEFAULT_POLICY, { ...DEFAULT_POLICY, receiptWorkdays: 0 }]) {
      const h = harness({ policy });
      expect([h.s.receipt, h.machine.receiptToSchedule(), h.machine.clockStage()?.key]).toEqual([
        undefined,
        null,
        'handle',
      ]);
    }
  });

  it('a problem of a ledger needs none: its parent’s 签收 covers it', () => {
    const h = harness({ parent: { workflowId: 'xj-2027/4', problemId: 'P1' } });
    expect(h.s.receipt).toBeUndefined();
  });

  it('reminds and escalates the receipt like a stage, and the light stays the work’s', () => {
    const h = harness();
    h.machine.receiptScheduled(RECEIPT_DUE);
    h.machine.timersPlanned(h.s.receipt!, plan);
    expect(h.s.trafficLight).toBe('green'); // the 办理 deadline is weeks away
    h.at('2027-03-02T01:00:00.000Z');
    const reminder = h.machine.nextTimer(h.s.receipt!)!;
    const [notice] = reminder.fire();
    expect(notice).toMatchObject({ kind: 'reminder', dedupKey: 'xj-2027/4.1/receipt/reminder/1/r0' });
    expect(notice.body).toContain('“签收”还有 1 个工作日到期');
    h.at('2027-03-04T01:00:00.000Z');
    h.machine.nextTimer(h.s.receipt!)!.fire(); // 今天到期
    const [escalation] = h.machine.nextTimer(h.s.receipt!)!.fire();
    expect(escalation).toMatchObject({ kind: 'escalation', level: 1 });
    expect(h.s.escalations).toEqual([
      expect.objectContaining({ stageKey: RECEIPT_KEY, level: 1, unitCode: 'water-air', resolvedAt: null }),
    ]);
  });

  it('the lead unit head acknowledges: the time it took is recorded, the escalation resolved, the work’s clock runs', () => {
    const h = harness();
    h.machine.receiptScheduled(RECEIPT_DUE);
    h.machine.timersPlanned(h.s.receipt!, plan);
    h.at('2027-03-04T01:00:00.000Z');
    h.machine.nextTimer(h.s.receipt!)!.fire();
    h.machine.nextTimer(h.s.receipt!)!.fire();
    h.machine.nextTimer(h.s.receipt!)!.fire();
    expect(h.refusal('submit', { actor: handler, note: '已办' })).toBe('任务尚未签收，请牵头单位负责人先签收');
    h.at('2027-03-04T03:30:00.000Z');
    const [notice] = h.act('acknowledge', { actor: head, note: '已安排专人办理' });
    expect(notice).toMatchObject({
      recipients: [{ unitCode: 'water-air', role: 'handler' }],
      title: expect.stringContaining('【已签收】'),
    });
    expect(h.s.receipt).toMatchObject({
      status: 'approved',
      approval: { by: head.userId, at: '2027-03-04T03:30:00.000Z', note: '已安排专人办理' },
      completedAt: '2027-03-04T03:30:00.000Z',
    });
    expect(h.s.escalations[0].resolvedAt).toBe('2027-03-04T03:30:00.000Z');
    expect(h.s.events.at(-1)).toMatchObject({ action: 'acknowledge', detail: '用时3天1小时：已安排专人办理' });
    expect(h.machine.clockStage()?.key).toBe('handle');
    expect(h.refusal('submit', { actor: handler, note: '已办' })).toBeNull();
    expect(h.refusal('acknowledge', { actor: head })).toBe('任务已签收或已退回');
  });

  it('a decline goes to the office with its reason; nobody is chased until it is reassigned', () => {
    const h = harness();
    h.machine.receiptScheduled(RECEIPT_DUE);
    const [notice] = h.act('decline', { actor: head, reason: '不属于本股室职责' });
    expect(notice).toMatchObject({
      recipients: [{ unitCode: '*', role: 'supervisor' }],
      body: expect.stringContaining('理由：不属于本股室职责'),
    });
    expect(h.s.receipt).toMatchObject({
      status: 'returned',
      declined: { by: head.userId, reason: '不属于本股室职责' },
    });
    expect(h.machine.needsTimers(h.s.receipt!)).toBe(false);
    expect(h.machine.clockStage()).toBe(h.s.receipt);
    expect(h.refusal('submit', { actor: handler, note: 'x' })).toBe('牵头单位已退回，待督查室改派');
  });

  it('a reassignment asks the new unit’s 签收, counted from the reassignment', () => {
    const h = harness();
    h.machine.receiptScheduled(RECEIPT_DUE);
    h.act('decline', { actor: head, reason: '不属于本股室职责' });
    h.at('2027-03-02T06:00:00.000Z');
    h.act('reassign', { actor: supervisor, newLeadUnit: 'ecology', reason: '属生态股职责' });
    expect(h.s.receipt).toMatchObject({
      status: 'open',
      ownerUnit: 'ecology',
      assignedAt: '2027-03-02T06:00:00.000Z',
      scheduled: false,
      declined: null,
    });
    expect(h.machine.receiptToSchedule()).toBe(h.s.receipt);
    expect(h.refusal('acknowledge', { actor: head })).toBe('只有牵头单位可以办理此操作');
    h.act('acknowledge', { actor: ecologyHead });
    expect(h.s.events.at(-1)).toMatchObject({ action: 'acknowledge', detail: '用时不足1小时', actor: ecologyHead });
  });

  it('a reassignment mid-way asks 签收 again; without the policy it does not', () => {
    const h = harness();
    h.act('acknowledge', { actor: head });
    h.act('reassign', { actor: supervisor, newLeadUnit: 'ecology', reason: '调整' });
    expect(h.s.receipt?.status).toBe('open');
    const old = harness({ policy: DEFAULT_POLICY });
    old.act('reassign', { actor: supervisor, newLeadUnit: 'ecology', reason: '调整' });
    expect(old.s.receipt).toBeUndefined();
    expect(old.refusal('submit', { actor: { ...handler, unitCode: 'ecology' }, note: 'x' })).toBeNull();
  });

  it('a calendar that cannot answer leaves the receipt waiting without timers, and says why', () => {
    const h = harness();
    h.machine.receiptScheduled(null, '2131 年不在工作日历范围内');
    expect([h.machine.receiptToSchedule(), h.machine.needsTimers(h.s.receipt!)]).toEqual([null, false]);
    expect(h.s.events.at(-1)).toMatchObject({ action: 'timers-unplanned', detail: '签收：2131 年不在工作日历范围内' });
  });
});

describe('elapsedText', () => {
  it.each([
    ['2027-03-01T02:00:00Z', '2027-03-01T02:59:59Z', '不足1小时'],
    ['2027-03-01T02:00:00Z', '2027-03-01T05:00:00Z', '3小时'],
    ['2027-03-01T02:00:00Z', '2027-03-02T02:00:00Z', '1天'],
    ['2027-03-01T02:00:00Z', '2027-03-03T06:30:00Z', '2天4小时'],
    ['2027-03-01T02:00:00Z', '2027-02-28T02:00:00Z', '不足1小时'],
  ])('%s → %s: %s', (from, to, text) => {
    expect(elapsedText(from, to)).toBe(text);
  });
});

describe('核实 before 销号', () => {
  it('a supervisor who finds the work not done sends it back: the last stage returned, the closure pending', () => {
    const h = harness({ policy: DEFAULT_POLICY });
    h.act('submit', { actor: handler, note: '已完成整治' });
    h.act('approve', { actor: head });
    expect(h.s.currentStageKey).toBe('closure');
    h.at('2027-03-10T02:00:00.000Z');
    const [notice] = h.act('returnStage', { actor: supervisor, reason: '现场核查仍有油烟直排' });
    expect(notice).toMatchObject({
      title: '【核实未通过】督办件：中心城区餐饮油烟整治',
      recipients: [
        { unitCode: 'water-air', role: 'handler' },
        { unitCode: 'water-air', role: 'unit-head' },
      ],
    });
    const [work, closure] = h.s.stages;
    expect(h.s.currentStageKey).toBe('handle');
    expect(work).toMatchObject({ status: 'returned', approval: null, completedAt: null });
    expect(work.returns.at(-1)).toMatchObject({ by: supervisor.userId, reason: '现场核查仍有油烟直排' });
    expect(closure).toMatchObject({ status: 'pending' });
    expect(h.s.events.at(-1)).toMatchObject({
      action: 'verification-refused',
      detail: '办理：现场核查仍有油烟直排',
      stageKey: 'closure',
    });
    // The unit does it again; its head approves again; then the office may close.
    h.act('submit', { actor: handler, note: '已加装净化设施' });
    h.act('approve', { actor: head });
    h.act('close', { actor: supervisor, note: '复核通过' });
    expect(h.s.status).toBe('closed');
  });
});
