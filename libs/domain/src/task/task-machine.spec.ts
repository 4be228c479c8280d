import { closureStageSpec } from './closure-stage';
import { machineHarness } from './task-machine.harness';
import { ActorRef } from '../access/actor';
import { IMMEDIATE_ACTIONS, mergeCalendarChanges, TaskMachine } from './task-machine';
import { deputy, handler, head, supervisor } from './task-snapshot.fixtures';
import { DEFAULT_POLICY, EscalationRecord, StageTimerPlan, TASK_ACTIONS, TaskWorkflowInput } from './task-types';

const T0 = Date.parse('2027-03-01T02:00:00.000Z'); // 10:00 Beijing, a Monday
const DUE = '2027-03-10T09:30:00.000Z';
const coopHandler: ActorRef = { userId: 'u-mon', role: 'handler', unitCode: 'monitoring' };
const coopHead: ActorRef = { userId: 'u-mon-head', role: 'unit-head', unitCode: 'monitoring' };

const input = (over: Partial<TaskWorkflowInput> = {}): TaskWorkflowInput => ({
  planId: 'xj-2027',
  taskCode: '3.2',
  title: '完成 50 座农村污水处理设施',
  kind: 'annual',
  leadUnit: 'water-air',
  cooperatingUnits: [],
  stages: [
    {
      key: 'plan',
      name: '工作方案',
      ownerUnit: 'water-air',
      dueAt: DUE,
      dueDate: '2027-03-10',
      requiresEvidence: false,
      requiresCooperation: false,
      closure: false,
    },
    closureStageSpec(),
  ],
  policy: DEFAULT_POLICY,
  ...over,
});

/** A machine on a clock the test moves; requests go through the same steps as the workflow's. */
function harness(over: Partial<TaskWorkflowInput> = {}) {
  return machineHarness(input(over), T0);
}

/** Another stage like the first, due at 17:30 of `date`. */
const laterStage = (key: string, name: string, date: string) => ({
  ...input().stages[0],
  key,
  name,
  dueAt: `${date}T09:30:00.000Z`,
  dueDate: date,
});

/** A 一级督办 of the first stage, raised at its deadline and not resolved. */
const openEscalation = (): EscalationRecord => ({
  stageKey: 'plan',
  level: 1,
  to: 'unit-head',
  unitCode: 'water-air',
  raisedAt: DUE,
  resolvedAt: null,
});

const actions = (m: TaskMachine) => m.s.events.map((e) => e.action);
const plan: StageTimerPlan = {
  reminders: [
    { offsetWorkdays: 3, at: '2027-03-05T01:00:00.000Z' },
    { offsetWorkdays: 0, at: '2027-03-10T01:00:00.000Z' },
  ],
  escalations: [
    { level: 1, to: 'unit-head', at: '2027-03-11T01:00:00.000Z' },
    { level: 3, to: 'supervisor', at: '2027-03-17T01:00:00.000Z' },
  ],
  yellowFrom: '2027-03-05T09:30:00.000Z',
};

describe('TaskMachine', () => {
  it('covers every action: the immediate ones plus the two that wait on the calendar or a child', () => {
    expect([...IMMEDIATE_ACTIONS, 'decideExtension', 'addProblem'].sort()).toEqual([...TASK_ACTIONS].sort());
  });

  it('starts with its first stage open, a started event and the light of that stage', () => {
    const { s } = harness();
    expect(s.taskId).toBe('xj-2027/3.2');
    expect(s.stages.map((st) => st.status)).toEqual(['open', 'pending']);
    expect(s.events).toEqual([
      expect.objectContaining({ seq: 1, action: 'started', detail: '年度任务：工作方案 → 销号' }),
    ]);
    expect(s.trafficLight).toBe('green');
    expect(s.nextDueAt).toBe(DUE);
  });

  it('submit → approve → closure, with the notices of each step addressed to who acts next', () => {
    const h = harness();
    const submitted = h.act('submit', { actor: handler, note: '方案已印发' });
    expect(h.s.stages[0].status).toBe('submitted');
    expect(submitted).toEqual([
      expect.objectContaining({
        kind: 'action',
        recipients: [{ unitCode: 'water-air', role: 'unit-head' }],
        title: '【待审批】完成 50 座农村污水处理设施',
        body: '“工作方案”已提交，请审批。说明：方案已印发',
        dedupKey: 'xj-2027/3.2/plan/action/approve/1',
      }),
    ]);
    expect(h.s.version).toBe(2);

    const approved = h.act('approve', { actor: head });
    expect(h.s.stages[0]).toMatchObject({ status: 'approved', completedAt: new Date(T0).toISOString() });
    expect(h.s.currentStageKey).toBe('closure');
    expect(approved.map((n) => n.title)).toEqual([
      '【已通过】完成 50 座农村污水处理设施',
      '【待销号】完成 50 座农村污水处理设施',
    ]);
    expect(approved[1].recipients).toEqual([{ unitCode: '*', role: 'supervisor' }]);
    expect(h.s.nextDueAt).toBeNull();

    const closed = h.act('close', { actor: supervisor, note: '核实完成' });
    expect(h.s.status).toBe('closed');
    expect(h.machine.ended).toBe(true);
    expect(h.s.trafficLight).toBe('none');
    expect(closed[0]).toMatchObject({ title: '【已销号】完成 50 座农村污水处理设施', body: '任务 3.2 已销号。' });
    expect(actions(h.machine)).toEqual(['started', 'submit', 'approve', 'stage-opened', 'close']);
    expect(h.s.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('waits for every cooperating unit to give feedback and its head to confirm before approval', () => {
    const h = harness({ cooperatingUnits: ['monitoring', 'water-air'] });
    h.s.stages[0].requiresCooperation = true;
    expect(h.s.cooperatingUnits).toEqual(['monitoring']); // the lead is not its own cooperator
    const asked = h.act('submit', { actor: handler, note: '初稿' });
    expect(h.s.stages[0].status).toBe('awaiting-cooperation');
    expect(asked[0].recipients).toEqual([{ unitCode: 'monitoring', role: 'handler' }]);
    const toConfirm = h.act('cooperateFeedback', { actor: coopHandler, note: '数据已核' });
    expect(toConfirm[0].recipients).toEqual([{ unitCode: 'monitoring', role: 'unit-head' }]);
    expect(h.s.stages[0].status).toBe('awaiting-cooperation');
    const complete = h.act('confirmCooperation', { actor: coopHead });
    expect(h.s.stages[0].status).toBe('submitted');
    expect(complete[0]).toMatchObject({ title: '【待审批】完成 50 座农村污水处理设施' });
    expect(complete[0].body).toContain('配合单位均已反馈');
  });

  it('a return clears cooperation and records the reason; a resubmission is a new message', () => {
    const h = harness();
    const first = h.act('submit', { actor: handler, note: 'v1' });
    const returned = h.act('returnStage', { actor: head, reason: '缺少附件' });
    expect(h.s.stages[0]).toMatchObject({ status: 'returned', cooperation: {} });
    expect(h.s.stages[0].returns).toEqual([expect.objectContaining({ reason: '缺少附件', by: 'u-head' })]);
    expect(returned[0]).toMatchObject({ recipients: [{ unitCode: 'water-air', role: 'handler' }] });
    expect(returned[0].body).toBe('“工作方案”被退回，理由：缺少附件');
    const second = h.act('submit', { actor: handler, note: 'v2' });
    expect(second[0].dedupKey).not.toBe(first[0].dedupKey);
  });

  it('an approved extension moves the due instant, starts a new schedule and resolves its escalations', () => {
    const h = harness();
    h.s.escalations.push(openEscalation());
    h.s.stages[0].escalationLevel = 1;
    const asked = h.act('requestExtension', { actor: handler, newDueDate: '2027-04-30', reason: '设备到货延迟' });
    expect(asked[0]).toMatchObject({ recipients: [{ unitCode: 'water-air', role: 'deputy-director' }] });
    expect(h.machine.pendingExtension.newDueDate).toBe('2027-04-30');

    const notices = h.machine.decideExtension(
      { requestId: 'd1', actor: deputy, approve: true },
      '2027-04-30T09:30:00.000Z',
    );
    expect(h.s.pendingExtension).toBeNull();
    expect(h.s.stages[0]).toMatchObject({
      dueAt: '2027-04-30T09:30:00.000Z',
      dueDate: '2027-04-30',
      dueRevision: 1,
      escalationLevel: 0,
    });
    expect(h.s.escalations[0].resolvedAt).toBe(new Date(T0).toISOString());
    expect(notices[0]).toMatchObject({ title: '【延期已批准】完成 50 座农村污水处理设施' });
    expect(notices[0].recipients).toEqual([
      { unitCode: 'water-air', role: 'handler' },
      { unitCode: 'water-air', role: 'unit-head' },
    ]);
  });

  it('an extension past a later stage’s deadline moves that stage with it, and says so', () => {
    const h = harness({
      stages: [
        ...input().stages.slice(0, 1),
        laterStage('q2', '季度进展（第二季度）', '2027-06-30'),
        laterStage('q4', '季度进展（第四季度）', '2027-12-31'),
        input().stages[1],
      ],
    });
    h.act('requestExtension', { actor: handler, newDueDate: '2027-09-30', reason: '规划调整' });
    const at = '2027-09-30T09:30:00.000Z';
    const [notice] = h.machine.decideExtension({ requestId: 'd1', actor: deputy, approve: true }, at, true);
    expect(h.s.stages.map((st) => [st.key, st.dueAt, st.dueRevision])).toEqual([
      ['plan', at, 1],
      ['q2', at, 1],
      ['q4', '2027-12-31T09:30:00.000Z', 0],
      ['closure', null, 0],
    ]);
    expect(h.s.stages[1].dueDate).toBe('2027-09-30');
    expect(h.s.events.at(-1)?.detail).toBe('2027-09-30；后续阶段季度进展（第二季度）一并延至 2027-09-30');
    expect(notice.body).toBe('“工作方案”期限已延至 2027-09-30。后续阶段“季度进展（第二季度）”的期限一并延至该日。');
  });

  it('runs that predate moving later stages move the stage alone', () => {
    const h = harness({ stages: [...input().stages.slice(0, 1), laterStage('q2', '二季度', '2027-06-30')] });
    h.act('requestExtension', { actor: handler, newDueDate: '2027-09-30', reason: '规划调整' });
    h.machine.decideExtension({ requestId: 'd1', actor: deputy, approve: true }, '2027-09-30T09:30:00.000Z');
    expect(h.s.stages[1].dueAt).toBe('2027-06-30T09:30:00.000Z');
  });

  it('a refused extension keeps the deadline and says so', () => {
    const h = harness();
    h.act('requestExtension', { actor: handler, newDueDate: '2027-04-30', reason: '设备到货延迟' });
    const notices = h.machine.decideExtension(
      { requestId: 'd1', actor: deputy, approve: false, note: '请按期完成' },
      null,
    );
    expect(h.s.stages[0]).toMatchObject({ dueAt: DUE, dueRevision: 0 });
    expect(notices[0]).toMatchObject({
      title: '【延期未批准】完成 50 座农村污水处理设施',
      body: '延期申请未获批准。请按期完成',
    });
    expect(actions(h.machine).at(-1)).toBe('extension-refused');
  });

  it('reassign hands the stages (not the closure) to the new lead and drops it from the cooperators', () => {
    const h = harness({ cooperatingUnits: ['ecology'] });
    const notices = h.act('reassign', { actor: supervisor, newLeadUnit: 'ecology', reason: '职责调整' });
    expect(h.s.leadUnit).toBe('ecology');
    expect(h.s.cooperatingUnits).toEqual([]);
    expect(h.s.stages.map((st) => st.ownerUnit)).toEqual(['ecology', '*']);
    expect(notices[0].recipients).toEqual([
      { unitCode: 'ecology', role: 'handler' },
      { unitCode: 'ecology', role: 'unit-head' },
    ]);
    expect(h.s.events.at(-1)?.detail).toBe('water-air → ecology：职责调整');
  });

  it('suspend hides the light, resume restores it, cancel ends the task and resolves every escalation', () => {
    const h = harness();
    h.s.escalations.push(openEscalation());
    h.act('suspend', { actor: supervisor, reason: '上级调整' });
    expect(h.s).toMatchObject({ status: 'suspended', trafficLight: 'none', nextDueAt: null });
    expect(() => h.act('submit', { actor: handler, note: 'x' })).toThrow(/INVALID_STATE/);
    h.act('resume', { actor: supervisor });
    expect(h.s).toMatchObject({ status: 'active', trafficLight: 'green', nextDueAt: DUE });
    expect(h.act('cancel', { actor: supervisor, reason: '任务取消' })).toEqual([]);
    expect(h.machine.ended).toBe(true);
    expect(h.s.escalations[0].resolvedAt).not.toBeNull();
  });

  it('a comment is an event on the current stage and changes nothing else', () => {
    const h = harness();
    const before = JSON.stringify(h.s.stages);
    expect(h.act('comment', { actor: supervisor, text: '请加快进度' })).toEqual([]);
    expect(h.s.events.at(-1)).toMatchObject({ action: 'comment', detail: '请加快进度', stageKey: 'plan' });
    expect(JSON.stringify(h.s.stages)).toBe(before);
  });

  describe('requests', () => {
    it('refuses a request without an id or an actor before any rule', () => {
      const { machine } = harness();
      expect(machine.refusal('comment', { text: 'x' } as never)?.code).toBe('BAD_INPUT');
      expect(machine.refusal('comment', { requestId: '', actor: head, text: 'x' })?.code).toBe('BAD_INPUT');
      expect(machine.refusal('comment', { requestId: 'a', text: 'x' } as never)?.code).toBe('BAD_INPUT');
      expect(machine.refusal('approve', { requestId: 'a', actor: head })?.code).toBe('INVALID_STATE');
    });

    it('answers a retry of an applied request without checking the rules again', () => {
      const h = harness();
      h.act('submit', { actor: handler, note: 'v1' }); // request r1
      expect(h.machine.isAnswered('r1')).toBe(true);
      // the rules would now refuse a second submit; the retry is answered instead
      expect(h.machine.refusal('submit', { requestId: 'r1', actor: handler, note: 'v1' })).toBeNull();
      expect(h.machine.refusal('submit', { requestId: 'r9', actor: handler, note: 'v1' })?.code).toBe('INVALID_STATE');
    });

    it('a released request may be sent again; settling bumps the version once', () => {
      const { machine, s } = harness();
      machine.accept('x');
      machine.release('x');
      expect(machine.isAnswered('x')).toBe(false);
      machine.accept('x');
      machine.settle();
      expect(s.version).toBe(2);
      expect(machine.carry().processed).toEqual([['x', 1]]);
    });

    it('remembers the last 1000 request ids and forgets the oldest', () => {
      const { machine } = harness();
      for (let i = 0; i < 1001; i++) {
        machine.accept(`q${i}`);
        machine.settle();
      }
      expect(machine.isAnswered('q0')).toBe(false);
      expect(machine.isAnswered('q1')).toBe(true);
      expect(machine.isAnswered('q1000')).toBe(true);
    });
  });

  describe('timers', () => {
    it('plans the stage: late reminders skipped, late escalations kept, the yellow window set', () => {
      const h = harness();
      h.at('2027-03-08T02:00:00.000Z');
      h.machine.timersPlanned(h.s.stages[0], plan);
      const st = h.s.stages[0];
      expect(st.reminders.map((r) => r.state)).toEqual(['skipped', 'pending']);
      expect(st.ladder.map((e) => e.state)).toEqual(['pending', 'pending']);
      expect(st).toMatchObject({ yellowFrom: plan.yellowFrom, plannedRevision: 0 });
      expect(h.s.trafficLight).toBe('yellow');
    });

    it('fires the earliest timer: the yellow edge, then the due-day reminder, then the red edge, then escalation', () => {
      const h = harness();
      h.machine.timersPlanned(h.s.stages[0], plan);
      const st = h.s.stages[0];
      const fired: string[] = [];
      for (let i = 0; i < 7; i++) {
        const next = h.machine.nextTimer(st);
        if (!next) break;
        h.at(new Date(next.at).toISOString());
        const notices = next.fire();
        fired.push(`${new Date(next.at).toISOString()} ${notices.map((n) => n.title).join('') || h.s.trafficLight}`);
      }
      expect(fired).toEqual([
        '2027-03-05T01:00:00.000Z 【催办】完成 50 座农村污水处理设施',
        '2027-03-05T09:30:00.000Z yellow',
        '2027-03-10T01:00:00.000Z 【催办】完成 50 座农村污水处理设施',
        '2027-03-10T09:30:00.001Z red',
        '2027-03-11T01:00:00.000Z 【督办·一级】完成 50 座农村污水处理设施',
        '2027-03-17T01:00:00.000Z 【督办·三级】完成 50 座农村污水处理设施',
      ]);
      expect(st.escalationLevel).toBe(3);
      expect(h.s.escalations.map((e) => [e.level, e.to, e.unitCode])).toEqual([
        [1, 'unit-head', 'water-air'],
        [3, 'supervisor', 'water-air'],
      ]);
      expect(actions(h.machine).filter((a) => a !== 'started')).toEqual([
        'reminder',
        'reminder',
        'escalation',
        'escalation',
      ]);
      expect(h.s.events.find((e) => e.action === 'reminder')?.detail).toBe('工作方案：还有 3 个工作日到期');
      expect(h.s.events.filter((e) => e.action === 'escalation').map((e) => e.detail)).toEqual([
        '工作方案：一级督办（股长）',
        '工作方案：三级督办（督查室）',
      ]);
    });

    it('addresses reminders to the lead unit and escalations up the ladder, with per-schedule dedup keys', () => {
      const h = harness();
      h.machine.timersPlanned(h.s.stages[0], plan);
      const st = h.s.stages[0];
      const reminder = h.machine.nextTimer(st)!.fire()[0];
      expect(reminder).toMatchObject({
        kind: 'reminder',
        level: 3,
        dedupKey: 'xj-2027/3.2/plan/reminder/3/r0',
        body: '任务 3.2「完成 50 座农村污水处理设施」的“工作方案”还有 3 个工作日到期（期限 2027-03-10 17:30）。',
        recipients: [
          { unitCode: 'water-air', role: 'handler' },
          { unitCode: 'water-air', role: 'unit-head' },
        ],
      });
      st.reminders.forEach((r) => (r.state = 'fired'));
      st.ladder[0].state = 'fired';
      h.at('2027-03-12T00:00:00.000Z');
      const escalation = h.machine.nextTimer(st)!.fire()[0];
      expect(escalation).toMatchObject({
        kind: 'escalation',
        level: 3,
        recipients: [{ unitCode: '*', role: 'supervisor' }],
      });
      expect(escalation.dedupKey).toBe('xj-2027/3.2/plan/escalation/3/r0');
    });

    it('a stage the calendar cannot plan keeps its deadline, skips its pending timers and says why', () => {
      const h = harness();
      h.machine.timersPlanned(h.s.stages[0], plan);
      h.s.stages[0].dueRevision = 1; // an extension asked for a new plan
      h.machine.timersUnplanned(h.s.stages[0], '2031 年的工作日历尚未录入');
      const st = h.s.stages[0];
      expect(st.plannedRevision).toBe(1);
      expect([...st.reminders, ...st.ladder].every((t) => t.state === 'skipped')).toBe(true);
      expect(h.s.events.at(-1)).toMatchObject({
        action: 'timers-unplanned',
        detail: '工作方案：2031 年的工作日历尚未录入',
      });
      expect(st.dueAt).toBe(DUE);
      h.at('2027-03-09T00:00:00.000Z');
      expect(h.machine.nextTimer(st)?.at).toBe(Date.parse(DUE) + 1); // only the red edge is left
    });

    it('needs timers only for a stage with a deadline still to meet', () => {
      const { machine, s } = harness();
      expect(machine.needsTimers(s.stages[0])).toBe(true);
      expect(machine.needsTimers(s.stages[1])).toBe(false);
      s.stages[0].status = 'approved';
      expect(machine.needsTimers(s.stages[0])).toBe(false);
    });
  });

  describe('calendar changes', () => {
    it('accepts only a well-formed change newer than the revision the task was planned on', () => {
      const { machine, s } = harness();
      expect(machine.isNewCalendar(null)).toBe(false);
      expect(machine.isNewCalendar({ years: 2027, revision: 2 } as never)).toBe(false);
      expect(machine.isNewCalendar({ years: [2027], revision: '2' } as never)).toBe(false);
      expect(machine.isNewCalendar({ years: [2027], revision: 2 })).toBe(true);
      s.calendarRevision = 2;
      expect(machine.isNewCalendar({ years: [2027], revision: 2 })).toBe(false);
    });

    it('merges pending changes: every year touched, the newest revision', () => {
      expect(mergeCalendarChanges(null, { years: [2027], revision: 3 })).toEqual({ years: [2027], revision: 3 });
      expect(mergeCalendarChanges({ years: [2027], revision: 5 }, { years: [2028, 2027], revision: 4 })).toEqual({
        years: [2027, 2028],
        revision: 5,
      });
    });

    it('resolves the stages to finish in a changed year (and the current one), records what moved', () => {
      const h = harness({
        stages: [
          ...input().stages.slice(0, 1),
          laterStage('mid', '中期评估', '2027-10-08'),
          laterStage('late', '年度总结', '2028-01-10'),
          input().stages[1],
        ],
      });
      const targets = [...h.machine.calendarTargets({ years: [2028], revision: 7 })].map((t) => [t.stage.key, t.date]);
      expect(targets).toEqual([
        ['plan', '2027-03-10'], // current stage, always
        ['late', '2028-01-10'],
      ]);
      expect(h.s.calendarRevision).toBe(7);
      expect(h.machine.dueResolved(h.s.stages[2], '2028-01-10T09:30:00.000Z')).toBeNull();
      expect(h.machine.dueResolved(h.s.stages[0], '2027-03-09T09:30:00.000Z')).toBe(
        '工作方案：2027-03-10 → 2027-03-09',
      );
      h.machine.calendarApplied(['工作方案：2027-03-10 → 2027-03-09']);
      expect(h.s.events.at(-1)?.detail).toBe('节假日安排更新，期限重新计算：工作方案：2027-03-10 → 2027-03-09');
      h.machine.calendarApplied([]);
      expect(h.s.events.at(-1)?.detail).toBe('节假日安排更新，期限重新计算（期限未变）');
    });

    it('looks at each stage only when reached, as the task is then', () => {
      const h = harness({
        stages: [...input().stages.slice(0, 1), laterStage('mid', '中期评估', '2027-10-08')],
      });
      const walk = h.machine.calendarTargets({ years: [2027], revision: 2 });
      expect(walk.next().value).toMatchObject({ date: '2027-03-10' });
      h.s.stages[1].status = 'approved'; // approved while the first stage was being resolved
      expect(walk.next().done).toBe(true);
    });

    it('uses the dueAt day for stages planned before dueDate was kept', () => {
      const h = harness();
      delete h.s.stages[0].dueDate;
      expect([...h.machine.calendarTargets({ years: [2027], revision: 2 })][0].date).toBe('2027-03-10');
    });
  });

  describe('rectification problems', () => {
    const problem = { requestId: 'p1', actor: supervisor, problemId: 'A-1', title: '污水直排', dueDate: '2027-06-30' };

    it('enters a problem before its child starts and drops it when that fails', () => {
      const { machine, s } = harness({ kind: 'rectification' });
      const entry = machine.openProblem(problem);
      expect(entry).toMatchObject({ workflowId: 'xj-2027/3.2/problem/A-1', status: 'open', dueAt: '' });
      expect(machine.refusal('addProblem', { ...problem, requestId: 'p2' })?.zh).toContain('A-1');
      machine.dropProblem(entry);
      expect(s.problems).toEqual([]);
    });

    it('records the end of a problem once', () => {
      const { machine, s } = harness({ kind: 'rectification' });
      machine.openProblem(problem);
      machine.problemAdded(problem);
      expect(s.events.at(-1)?.detail).toBe('A-1：污水直排（期限 2027-06-30）');
      expect(machine.problemEnded('A-1', 'closed')).toBe(true);
      expect(s.problems[0]).toMatchObject({ status: 'closed', closedAt: new Date(T0).toISOString() });
      expect(machine.problemEnded('A-1', 'cancelled')).toBe(false);
      expect(machine.problemEnded('B-9', 'closed')).toBe(false);
      expect(s.events.filter((e) => e.action === 'problem-closed')).toHaveLength(1);
    });
  });

  describe('projection', () => {
    it('sends only the events after the last projection and forgets them once they pile up', () => {
      const h = harness();
      const first = h.machine.projection();
      expect(first).toMatchObject({ lastSeq: 1 });
      expect(first.snapshot.events.map((e) => e.seq)).toEqual([1]);
      h.machine.projected(first.lastSeq);
      for (let i = 0; i < 250; i++) h.act('comment', { actor: supervisor, text: `c${i}` });
      const next = h.machine.projection();
      expect(next.snapshot.events[0].seq).toBe(2);
      expect(next.lastSeq).toBe(251);
      h.machine.projected(next.lastSeq);
      expect(h.s.events).toEqual([]);
      h.act('comment', { actor: supervisor, text: 'after' });
      expect(h.s.events[0].seq).toBe(252); // numbering goes on from the projected seq
    });

    it('keeps a bounded tail of events while the database refuses them', () => {
      const h = harness();
      for (let i = 0; i < 450; i++) h.act('comment', { actor: supervisor, text: `c${i}` });
      h.machine.projectionRefused();
      expect(h.s.events).toHaveLength(200);
      expect(h.s.events.at(-1)?.seq).toBe(451);
    });

    it('carries its state, answered requests and projection mark over continue-as-new', () => {
      const h = harness();
      h.act('submit', { actor: handler, note: 'v1' });
      h.machine.projected(h.machine.projection().lastSeq);
      const next = TaskMachine.resume(JSON.parse(JSON.stringify(h.machine.carry())), () => T0);
      expect(next.isAnswered('r1')).toBe(true);
      expect(next.projection().snapshot.events).toEqual([]);
      expect(next.s.stages[0].status).toBe('submitted');
    });

    it('records a notification that gave up and a parent that had ended', () => {
      const h = harness();
      const [notice] = h.act('submit', { actor: handler, note: 'v1' });
      h.machine.notificationFailed(notice);
      h.machine.parentGone('xj-2027/3');
      expect(h.s.events.slice(-2).map((e) => [e.action, e.detail])).toEqual([
        ['notification-failed', notice.dedupKey],
        ['parent-gone', 'xj-2027/3'],
      ]);
    });
  });

  describe('every step leaves its own trace (pins the rules the mutation run found loose)', () => {
    it('records each action under its own name and words, in order', () => {
      const h = harness({ cooperatingUnits: ['monitoring', 'ecology'] });
      h.s.stages[0].requiresCooperation = true;
      h.act('submit', { actor: handler, note: '初稿' });
      h.act('cooperateFeedback', { actor: coopHandler, note: '监测数据已核' });
      h.act('confirmCooperation', { actor: coopHead, note: '确认' });
      expect(h.s.stages[0].status).toBe('awaiting-cooperation'); // 生态股 has not confirmed yet
      h.act('returnStage', { actor: head, reason: '补充数据' });
      h.act('requestExtension', { actor: handler, newDueDate: '2027-04-30', reason: '等待批复' });
      h.machine.decideExtension({ requestId: 'd', actor: deputy, approve: false }, null);
      h.act('reassign', { actor: supervisor, newLeadUnit: 'monitoring', reason: '职责调整' });
      h.act('suspend', { actor: supervisor, reason: '暂缓' });
      h.act('resume', { actor: supervisor, note: '恢复' });
      h.act('cancel', { actor: supervisor, reason: '不再实施' });
      expect(h.s.events.slice(1).map((e) => [e.action, e.detail])).toEqual([
        ['submit', '初稿'],
        ['cooperate-feedback', '监测数据已核'],
        ['confirm-cooperation', '确认'],
        ['return', '补充数据'],
        ['request-extension', '2027-04-30：等待批复'],
        ['extension-refused', '2027-04-30'],
        ['reassign', 'water-air → monitoring：职责调整'],
        ['suspend', '暂缓'],
        ['resume', '恢复'],
        ['cancel', '不再实施'],
      ]);
      expect(h.s.cooperatingUnits).toEqual(['ecology']); // the new lead left the cooperators, the other stayed
      expect(h.s.stages[0].submission).toEqual({
        by: 'u-h',
        role: 'handler',
        unit: 'water-air',
        at: new Date(T0).toISOString(),
        note: '初稿',
        evidenceIds: [],
        quantity: undefined,
      });
    });

    it('asks for cooperation only when the stage needs it and there are cooperating units', () => {
      const alone = harness();
      alone.s.stages[0].requiresCooperation = true;
      alone.act('submit', { actor: handler, note: 'x' });
      expect(alone.s.stages[0].status).toBe('submitted');
      const notNeeded = harness({ cooperatingUnits: ['monitoring'] });
      notNeeded.act('submit', { actor: handler, note: 'x' });
      expect(notNeeded.s.stages[0].status).toBe('submitted');
    });

    it('resolves only the escalations of the approved stage, and only open ones', () => {
      const h = harness({ stages: [...input().stages.slice(0, 1), laterStage('q2', '二季度', '2027-06-30')] });
      const earlier = '2027-03-02T00:00:00.000Z';
      h.s.escalations.push(openEscalation(), { ...openEscalation(), stageKey: 'q2' });
      h.s.escalations.push({ ...openEscalation(), level: 2, resolvedAt: earlier });
      h.act('submit', { actor: handler, note: 'x' });
      h.act('approve', { actor: head });
      expect(h.s.escalations.map((e) => e.resolvedAt)).toEqual([new Date(T0).toISOString(), null, earlier]);
    });

    it('a last stage approved without a closure after it leaves no current stage', () => {
      const h = harness({ stages: input().stages.slice(0, 1) });
      h.act('submit', { actor: handler, note: 'x' });
      const notices = h.act('approve', { actor: head });
      expect(h.s.currentStageKey).toBeNull();
      expect(notices.map((n) => n.title)).toEqual(['【已通过】完成 50 座农村污水处理设施']);
      expect(h.machine.ended).toBe(false);
    });

    it('decides the extension of the stage it was asked for, not the first one', () => {
      const h = harness({ stages: [...input().stages.slice(0, 1), laterStage('q2', '二季度', '2027-06-30')] });
      h.act('submit', { actor: handler, note: 'x' });
      h.act('approve', { actor: head });
      h.act('requestExtension', { actor: handler, newDueDate: '2027-07-30', reason: '等待' });
      h.machine.decideExtension({ requestId: 'd', actor: deputy, approve: true }, '2027-07-30T09:30:00.000Z');
      expect(h.s.stages.map((st) => st.dueAt)).toEqual([DUE, '2027-07-30T09:30:00.000Z']);
    });

    it('a request id that is not a string is bad input', () => {
      const { machine } = harness();
      expect(machine.refusal('comment', { requestId: 7, actor: head, text: 'x' } as never)?.code).toBe('BAD_INPUT');
      expect(machine.refusal('comment', null as never)).toMatchObject({
        code: 'BAD_INPUT',
        en: 'requestId and actor are required',
      });
      expect(machine.ended).toBe(false);
    });

    it('drops and closes the right problem among several', () => {
      const { machine, s } = harness({ kind: 'rectification' });
      const base = { requestId: 'p', actor: supervisor, title: '问题', dueDate: '2027-06-30' };
      const a = machine.openProblem({ ...base, problemId: 'A' });
      machine.openProblem({ ...base, problemId: 'B' });
      machine.openProblem({ ...base, problemId: 'C' });
      machine.dropProblem(a);
      expect(s.problems.map((p) => p.problemId)).toEqual(['B', 'C']);
      expect(machine.problemEnded('C', 'cancelled')).toBe(true);
      expect(s.problems.map((p) => p.status)).toEqual(['open', 'cancelled']);
      expect(s.events.at(-1)).toMatchObject({ action: 'problem-cancelled', detail: 'C：问题' });
    });

    it('keeps its events below the limits and every one after a refusal below twice the limit', () => {
      const h = harness();
      for (let i = 0; i < 5; i++) h.act('comment', { actor: supervisor, text: `c${i}` });
      h.machine.projected(h.machine.projection().lastSeq);
      expect(h.s.events).toHaveLength(6); // few enough to keep
      for (let i = 0; i < 300; i++) h.act('comment', { actor: supervisor, text: `d${i}` });
      h.machine.projectionRefused();
      expect(h.s.events).toHaveLength(306); // under twice the limit: nothing dropped
    });

    it('is ended only when closed or cancelled', () => {
      const h = harness();
      h.act('suspend', { actor: supervisor, reason: 'x' });
      expect(h.machine.ended).toBe(false);
    });
  });
});
