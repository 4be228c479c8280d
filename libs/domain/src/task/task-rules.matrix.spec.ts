import { ActorRef } from '../access/actor';
import { TaskRejection } from './rejections';
import { checkAction, checkActionText, checkEvidenceUpload } from './task-rules';
import { stage, taskSnapshot } from './task-snapshot.fixtures';
import { newReceipt } from './receipt';
import {
  ProblemEntry,
  ReceiptState,
  StageState,
  TASK_ACTIONS,
  TaskAction,
  TaskActionArgs,
  TaskSnapshot,
} from './task-types';

/**
 * The authorization matrix of task actions, pinned where it lives: who (role × unit) may do what,
 * in which task and stage state, with which input. Each expectation is written out, not derived,
 * so a loosened rule fails here whatever the workflow and API tests happen to cover.
 */

const A = {
  handlerW: { userId: 'u-hw', role: 'handler', unitCode: 'water-air' },
  headW: { userId: 'u-headw', role: 'unit-head', unitCode: 'water-air' },
  handlerE: { userId: 'u-he', role: 'handler', unitCode: 'ecology' },
  headE: { userId: 'u-heade', role: 'unit-head', unitCode: 'ecology' },
  handlerM: { userId: 'u-hm', role: 'handler', unitCode: 'monitoring' },
  headM: { userId: 'u-headm', role: 'unit-head', unitCode: 'monitoring' },
  deputyW: { userId: 'u-dw', role: 'deputy-director', unitCode: null, deputyUnits: ['water-air'] },
  deputyE: { userId: 'u-de', role: 'deputy-director', unitCode: null, deputyUnits: ['ecology'] },
  deputyNone: { userId: 'u-dn', role: 'deputy-director', unitCode: null },
  supervisor: { userId: 'u-s', role: 'supervisor', unitCode: null },
  admin: { userId: 'u-a', role: 'admin', unitCode: null },
} satisfies Record<string, ActorRef>;
type Who = keyof typeof A;
const EVERYONE = Object.keys(A) as Who[];

const submission = (by = 'u-hw') => ({
  by,
  role: 'handler',
  unit: 'water-air',
  at: '2021-10-01T00:00:00Z',
  evidenceIds: [],
});

/** A 水气股 task with 监测站 cooperating; its current stage is `work` (due 2021-10-08 17:30 Shanghai). */
function task(work: Partial<StageState> = {}, over: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return taskSnapshot({
    version: 1,
    cooperatingUnits: ['monitoring'],
    stages: [
      stage('work', { status: 'open', ...work }),
      stage('next', { status: 'pending' }),
      stage('closure', { closure: true, dueAt: null, status: 'pending' }),
    ],
    ...over,
  });
}
const atClosure = (over: Partial<TaskSnapshot> = {}) =>
  task(
    {},
    {
      currentStageKey: 'closure',
      stages: [stage('work', { status: 'approved' }), stage('closure', { closure: true, dueAt: null, status: 'open' })],
      ...over,
    },
  );
const pending = {
  stageKey: 'work',
  newDueDate: '2021-10-20',
  reason: 'r',
  requested: { by: 'u-hw', role: 'handler', unit: 'water-air', at: '2021-10-01T00:00:00Z' },
};

/** Valid arguments of each action (so a refusal is the rule's, not the input's). */
function args<K extends TaskAction>(action: K, actor: ActorRef, over: Partial<TaskActionArgs[K]> = {}) {
  const base: { [X in TaskAction]: Omit<TaskActionArgs[X], 'actor' | 'requestId'> } = {
    acknowledge: {},
    decline: { reason: '不属于本股室职责' },
    submit: { note: '已完成' },
    cooperateFeedback: { note: '已配合' },
    confirmCooperation: {},
    approve: {},
    returnStage: { reason: '材料不全' },
    requestExtension: { newDueDate: '2021-10-20', reason: '等待批复' },
    decideExtension: { approve: true },
    reassign: { newLeadUnit: 'ecology', reason: '职责调整' },
    suspend: { reason: '上级暂缓' },
    resume: {},
    cancel: { reason: '不再实施' },
    close: {},
    comment: { text: '请加快' },
    addProblem: { problemId: 'P-1', title: '问题', dueDate: '2021-09-30' },
  };
  return { requestId: 'r-1', actor, ...base[action], ...over } as TaskActionArgs[K];
}

/** A refusal says why in both languages: a blank or lost message is a defect like a wrong code. */
const worded = (r: TaskRejection | null) => {
  if (r) expect([r.code, r.zh.trim().length > 1, /[A-Za-z]+ [A-Za-z]+/.test(r.en)]).toEqual([r.code, true, true]);
  return r?.code ?? 'ok';
};

const outcome = <K extends TaskAction>(action: K, who: Who, s: TaskSnapshot, over: Partial<TaskActionArgs[K]> = {}) =>
  worded(checkAction(action, args(action, A[who], over), s));

/** Every actor's outcome for one action in one state, as a table. */
const matrix = <K extends TaskAction>(action: K, s: TaskSnapshot, over: Partial<TaskActionArgs[K]> = {}) =>
  Object.fromEntries(EVERYONE.map((w) => [w, outcome(action, w, s, over)]));

describe('task states', () => {
  it.each(['closed', 'cancelled'] as const)('a %s task refuses every action, comments too', (status) => {
    for (const action of TASK_ACTIONS) {
      expect([action, outcome(action, 'supervisor', task({}, { status }))]).toEqual([action, 'INVALID_STATE']);
    }
    expect(checkAction('comment', args('comment', A.admin), task({}, { status }))?.zh).toBe(
      '任务已销号或撤销，不能再办理',
    );
  });

  it('a suspended task accepts only resume, cancel and comment', () => {
    const s = task({}, { status: 'suspended' });
    const results = Object.fromEntries(
      TASK_ACTIONS.map((action) => [action, checkAction(action, args(action, A.supervisor), s)?.zh ?? 'ok']),
    );
    expect(results).toEqual({
      acknowledge: '任务已暂停，请先恢复',
      decline: '任务已暂停，请先恢复',
      submit: '任务已暂停，请先恢复',
      cooperateFeedback: '任务已暂停，请先恢复',
      confirmCooperation: '任务已暂停，请先恢复',
      approve: '任务已暂停，请先恢复',
      returnStage: '任务已暂停，请先恢复',
      requestExtension: '任务已暂停，请先恢复',
      decideExtension: '任务已暂停，请先恢复',
      reassign: '任务已暂停，请先恢复',
      suspend: '任务已暂停，请先恢复',
      resume: 'ok',
      cancel: 'ok',
      close: '任务已暂停，请先恢复',
      comment: 'ok',
      addProblem: '任务已暂停，请先恢复',
    });
  });
});

describe('签收 (acknowledge, decline)', () => {
  const awaiting = (over: Partial<ReceiptState> = {}) =>
    task({}, { receipt: { ...newReceipt('water-air', '2021-09-27T01:00:00Z'), ...over } });

  it('is the lead unit head’s, once, while the receipt is open', () => {
    const expected = {
      handlerW: 'FORBIDDEN_ROLE',
      headW: 'ok',
      handlerE: 'FORBIDDEN_ROLE',
      headE: 'FORBIDDEN_UNIT',
      handlerM: 'FORBIDDEN_ROLE',
      headM: 'FORBIDDEN_UNIT',
      deputyW: 'FORBIDDEN_ROLE',
      deputyE: 'FORBIDDEN_ROLE',
      deputyNone: 'FORBIDDEN_ROLE',
      supervisor: 'FORBIDDEN_ROLE',
      admin: 'FORBIDDEN_ROLE',
    };
    expect(matrix('acknowledge', awaiting())).toEqual(expected);
    expect(matrix('decline', awaiting())).toEqual(expected);
    for (const status of ['approved', 'returned'] as const) {
      expect(outcome('acknowledge', 'headW', awaiting({ status }))).toBe('INVALID_STATE');
      expect(outcome('decline', 'headW', awaiting({ status }))).toBe('INVALID_STATE');
    }
    expect(checkAction('acknowledge', args('acknowledge', A.headW), task())?.zh).toBe('该任务无需签收');
  });

  it('a decline needs its reason', () => {
    expect(outcome('decline', 'headW', awaiting(), { reason: '  ' })).toBe('BAD_INPUT');
    expect(checkAction('decline', args('decline', A.headW, { reason: '' }), awaiting())?.field).toBe('reason');
  });

  it('before it, the work waits: only 签收, the office’s own actions and comments are taken', () => {
    const who: Partial<Record<TaskAction, Who>> = {
      acknowledge: 'headW',
      decline: 'headW',
      submit: 'handlerW',
      cooperateFeedback: 'handlerM',
      confirmCooperation: 'headM',
      approve: 'headW',
      returnStage: 'headW',
      requestExtension: 'handlerW',
      decideExtension: 'deputyW',
      close: 'supervisor',
    };
    const open = awaiting();
    const results = Object.fromEntries(
      TASK_ACTIONS.map((action) => [action, checkAction(action, args(action, A[who[action] ?? 'supervisor']), open)]),
    );
    const refusedBeforeReceipt = Object.entries(results)
      .filter(([, r]) => r?.zh === '任务尚未签收，请牵头单位负责人先签收')
      .map(([a]) => a);
    expect(refusedBeforeReceipt).toEqual([
      'submit',
      'cooperateFeedback',
      'confirmCooperation',
      'approve',
      'returnStage',
      'requestExtension',
      'decideExtension',
      'close',
    ]);
    expect([results.acknowledge, results.decline, results.reassign, results.suspend, results.cancel]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(results.comment).toBeNull();
  });

  it('a declined task waits for the office to reassign it', () => {
    const declined = awaiting({ status: 'returned' });
    expect(checkAction('submit', args('submit', A.handlerW), declined)?.zh).toBe('牵头单位已退回，待督查室改派');
    expect(outcome('reassign', 'supervisor', declined)).toBe('ok');
    expect(outcome('reassign', 'headW', declined)).toBe('FORBIDDEN_ROLE');
    expect(outcome('cancel', 'supervisor', declined)).toBe('ok');
  });

  it('once acknowledged, the work is the unit’s as before', () => {
    expect(outcome('submit', 'handlerW', awaiting({ status: 'approved' }))).toBe('ok');
  });
});

describe('submit', () => {
  it('is the lead unit handler’s, on the current open or returned stage', () => {
    expect(matrix('submit', task())).toEqual({
      handlerW: 'ok',
      headW: 'FORBIDDEN_ROLE',
      handlerE: 'FORBIDDEN_UNIT',
      headE: 'FORBIDDEN_ROLE',
      handlerM: 'FORBIDDEN_UNIT',
      headM: 'FORBIDDEN_ROLE',
      deputyW: 'FORBIDDEN_ROLE',
      deputyE: 'FORBIDDEN_ROLE',
      deputyNone: 'FORBIDDEN_ROLE',
      supervisor: 'FORBIDDEN_ROLE',
      admin: 'FORBIDDEN_ROLE',
    });
    expect(checkAction('submit', args('submit', A.headW), task())?.zh).toBe('该操作需要承办人，当前身份为股长');
    expect(checkAction('submit', args('submit', A.handlerE), task())?.zh).toBe('只有牵头单位可以办理此操作');
    expect(outcome('submit', 'handlerW', task({ status: 'returned' }))).toBe('ok');
    // The stage's state in words a user reads, not its code.
    expect(checkAction('submit', args('submit', A.handlerW), task({ status: 'submitted' }))).toMatchObject({
      zh: expect.stringMatching(/当前不能提交（待审批）$/),
      en: 'Stage cannot be submitted while submitted',
    });
  });

  it.each([
    ['pending', 'INVALID_STATE'],
    ['submitted', 'INVALID_STATE'],
    ['awaiting-cooperation', 'INVALID_STATE'],
    ['approved', 'INVALID_STATE'],
    ['open', 'ok'],
    ['returned', 'ok'],
  ] as const)('on a stage that is %s: %s', (status, expected) => {
    expect(outcome('submit', 'handlerW', task({ status }))).toBe(expected);
  });

  it('names the stage: unknown, not current, or the closure', () => {
    expect(checkAction('submit', args('submit', A.handlerW, { stageKey: 'nope' }), task())).toEqual({
      code: 'NOT_FOUND_STAGE',
      zh: '没有阶段 nope',
      en: 'No stage nope',
    });
    expect(checkAction('submit', args('submit', A.handlerW, { stageKey: 'next' }), task())?.zh).toBe(
      '阶段“next”不是当前阶段',
    );
    expect(outcome('submit', 'handlerW', task(), { stageKey: 'work' })).toBe('ok');
    expect(checkAction('submit', args('submit', A.handlerW), atClosure())?.zh).toBe('销号由督查室办理');
  });

  it.each([
    [{ note: '' }, '请填写办理情况说明'],
    [{ note: '   ' }, '请填写办理情况说明'],
    [{ note: undefined }, '请填写办理情况说明'],
  ])('refuses a blank note %j', (over, zh) => {
    expect(checkAction('submit', args('submit', A.handlerW, over as object), task())).toMatchObject({
      code: 'BAD_INPUT',
      zh,
    });
  });

  it('wants evidence and quantities where the stage asks for them', () => {
    const evidence = task({ requiresEvidence: true });
    expect(checkAction('submit', args('submit', A.handlerW), evidence)?.zh).toBe('阶段“work”须上传佐证材料');
    expect(outcome('submit', 'handlerW', evidence, { evidenceIds: [] })).toBe('BAD_INPUT');
    expect(outcome('submit', 'handlerW', evidence, { evidenceIds: ['e1'] })).toBe('ok');

    const milestone = task({ milestoneQuantity: 20 });
    expect(checkAction('submit', args('submit', A.handlerW), milestone)?.zh).toBe('请填报截至目前的完成数量');
    expect(outcome('submit', 'handlerW', milestone, { quantity: -1 })).toBe('BAD_INPUT');
    expect(outcome('submit', 'handlerW', milestone, { quantity: 0 })).toBe('ok');

    const target = task({ targetQuantity: 50 });
    expect(checkAction('submit', args('submit', A.handlerW, { quantity: 49 }), target)?.zh).toBe(
      '须填报完成数量，且不少于目标 50',
    );
    expect(outcome('submit', 'handlerW', target)).toBe('BAD_INPUT');
    expect(outcome('submit', 'handlerW', target, { quantity: 50 })).toBe('ok');
    expect(outcome('submit', 'handlerW', target, { quantity: 51 })).toBe('ok');
  });
});

describe('cooperation', () => {
  const waiting = (cooperation: StageState['cooperation'] = {}) =>
    task({ status: 'awaiting-cooperation', submission: submission(), cooperation });
  const done = { by: 'u-hm', role: 'handler', unit: 'monitoring', at: '2021-10-02T00:00:00Z' };

  it('feedback is the cooperating unit handler’s while the stage waits for it', () => {
    expect(matrix('cooperateFeedback', waiting())).toEqual({
      handlerW: 'FORBIDDEN_UNIT',
      headW: 'FORBIDDEN_ROLE',
      handlerE: 'FORBIDDEN_UNIT',
      headE: 'FORBIDDEN_ROLE',
      handlerM: 'ok',
      headM: 'FORBIDDEN_ROLE',
      deputyW: 'FORBIDDEN_ROLE',
      deputyE: 'FORBIDDEN_ROLE',
      deputyNone: 'FORBIDDEN_ROLE',
      supervisor: 'FORBIDDEN_ROLE',
      admin: 'FORBIDDEN_ROLE',
    });
    expect(checkAction('cooperateFeedback', args('cooperateFeedback', A.handlerE), waiting())?.zh).toBe(
      '只有配合单位可以提交配合反馈',
    );
    expect(checkAction('cooperateFeedback', args('cooperateFeedback', A.handlerM), task())?.zh).toBe(
      '当前阶段不在等待配合反馈',
    );
    expect(checkAction('cooperateFeedback', args('cooperateFeedback', A.handlerM, { note: ' ' }), waiting())).toEqual({
      code: 'BAD_INPUT',
      zh: '请填写配合反馈',
      en: 'Feedback text is required',
      field: 'note',
    });
    // Feedback may be changed until the unit head confirms it.
    expect(outcome('cooperateFeedback', 'handlerM', waiting({ monitoring: { feedback: done } }))).toBe('ok');
    expect(
      checkAction(
        'cooperateFeedback',
        args('cooperateFeedback', A.handlerM),
        waiting({ monitoring: { feedback: done, confirmed: done } }),
      )?.zh,
    ).toBe('本单位配合反馈已确认，不能修改');
  });

  it('confirmation is the cooperating unit head’s, once, after feedback', () => {
    const withFeedback = waiting({ monitoring: { feedback: done } });
    expect(matrix('confirmCooperation', withFeedback)).toEqual({
      handlerW: 'FORBIDDEN_ROLE',
      headW: 'FORBIDDEN_UNIT',
      handlerE: 'FORBIDDEN_ROLE',
      headE: 'FORBIDDEN_UNIT',
      handlerM: 'FORBIDDEN_ROLE',
      headM: 'ok',
      deputyW: 'FORBIDDEN_ROLE',
      deputyE: 'FORBIDDEN_ROLE',
      deputyNone: 'FORBIDDEN_ROLE',
      supervisor: 'FORBIDDEN_ROLE',
      admin: 'FORBIDDEN_ROLE',
    });
    expect(checkAction('confirmCooperation', args('confirmCooperation', A.headM), waiting())?.zh).toBe(
      '本单位尚未提交配合反馈',
    );
    expect(
      checkAction(
        'confirmCooperation',
        args('confirmCooperation', A.headM),
        waiting({ monitoring: { feedback: done, confirmed: done } }),
      )?.zh,
    ).toBe('本单位配合反馈已确认');
    expect(outcome('confirmCooperation', 'headM', task({ status: 'submitted' }))).toBe('INVALID_STATE');
  });
});

describe('approve and return', () => {
  const submitted = task({ status: 'submitted', submission: submission() });

  it('are the lead unit head’s, never on their own submission', () => {
    expect(matrix('approve', submitted)).toEqual({
      handlerW: 'FORBIDDEN_ROLE',
      headW: 'ok',
      handlerE: 'FORBIDDEN_ROLE',
      headE: 'FORBIDDEN_UNIT',
      handlerM: 'FORBIDDEN_ROLE',
      headM: 'FORBIDDEN_UNIT',
      deputyW: 'FORBIDDEN_ROLE',
      deputyE: 'FORBIDDEN_ROLE',
      deputyNone: 'FORBIDDEN_ROLE',
      supervisor: 'FORBIDDEN_ROLE',
      admin: 'FORBIDDEN_ROLE',
    });
    expect(matrix('returnStage', submitted)).toEqual(matrix('approve', submitted));
    const own = task({ status: 'submitted', submission: submission('u-headw') });
    expect(checkAction('approve', args('approve', A.headW), own)).toEqual({
      code: 'SELF_APPROVAL',
      zh: '不能审批自己提交的材料',
      en: 'You cannot decide on your own submission',
    });
    expect(outcome('returnStage', 'headW', own)).toBe('SELF_APPROVAL');
  });

  it.each([
    ['open', 'INVALID_STATE', 'INVALID_STATE'],
    ['submitted', 'ok', 'ok'],
    ['awaiting-cooperation', 'INVALID_STATE', 'ok'],
    ['returned', 'INVALID_STATE', 'INVALID_STATE'],
    ['approved', 'INVALID_STATE', 'INVALID_STATE'],
  ] as const)('on a %s stage: approve %s, return %s', (status, approve, ret) => {
    const s = task({ status, submission: submission() });
    expect([outcome('approve', 'headW', s), outcome('returnStage', 'headW', s)]).toEqual([approve, ret]);
  });

  it('a return needs its reason', () => {
    expect(checkAction('returnStage', args('returnStage', A.headW, { reason: ' ' }), submitted)).toEqual({
      code: 'BAD_INPUT',
      zh: '退回须填写理由',
      en: 'A reason is required to return',
      field: 'reason',
    });
    expect(checkAction('approve', args('approve', A.headW), task({ status: 'open' }))?.zh).toBe(
      '当前阶段没有待审批的提交',
    );
  });
});

describe('extensions', () => {
  it('are asked by the lead unit (handler or head) for a stage with a due date', () => {
    expect(matrix('requestExtension', task())).toEqual({
      handlerW: 'ok',
      headW: 'ok',
      handlerE: 'FORBIDDEN_UNIT',
      headE: 'FORBIDDEN_UNIT',
      handlerM: 'FORBIDDEN_UNIT',
      headM: 'FORBIDDEN_UNIT',
      deputyW: 'FORBIDDEN_ROLE',
      deputyE: 'FORBIDDEN_ROLE',
      deputyNone: 'FORBIDDEN_ROLE',
      supervisor: 'FORBIDDEN_ROLE',
      admin: 'FORBIDDEN_ROLE',
    });
    expect(checkAction('requestExtension', args('requestExtension', A.supervisor), task())?.zh).toBe(
      '该操作需要承办人或股长，当前身份为督查室',
    );
    for (const s of [task({ dueAt: null }), task({ status: 'approved' }), atClosure()]) {
      expect(checkAction('requestExtension', args('requestExtension', A.handlerW), s)?.zh).toBe('当前阶段不能申请延期');
    }
    expect(
      checkAction('requestExtension', args('requestExtension', A.handlerW), task({}, { pendingExtension: pending }))
        ?.zh,
    ).toBe('已有待审批的延期申请');
    expect(checkAction('requestExtension', args('requestExtension', A.handlerW, { reason: '' }), task())).toEqual({
      code: 'BAD_INPUT',
      zh: '申请延期须填写理由',
      en: 'A reason is required',
      field: 'reason',
    });
  });

  it.each([
    ['2021-10-8', '须为有效的 YYYY-MM-DD 日期'],
    ['2021-13-01', '须为有效的 YYYY-MM-DD 日期'],
    ['2021-02-29', '须为有效的 YYYY-MM-DD 日期'],
    ['x2021-10-20', '须为有效的 YYYY-MM-DD 日期'],
    ['2100-01-01', '须在 2000–2099 年之间（工作日历的范围）'],
    ['1999-12-31', '须在 2000–2099 年之间（工作日历的范围）'],
  ])('refuses the new due date %s', (newDueDate, zh) => {
    expect(checkAction('requestExtension', args('requestExtension', A.handlerW, { newDueDate }), task())).toMatchObject(
      {
        code: 'BAD_INPUT',
        zh: `新的期限${zh}`,
        field: 'newDueDate',
      },
    );
  });

  it('wants a new due date after the current one, as a day in Shanghai', () => {
    // 2021-10-08 16:30 UTC is 2021-10-09 00:30 in Shanghai: the due day is the 9th.
    const late = task({ dueAt: '2021-10-08T16:30:00.000Z' });
    const ask = (newDueDate: string, s = late) =>
      checkAction('requestExtension', args('requestExtension', A.handlerW, { newDueDate }), s);
    expect(ask('2021-10-09')?.zh).toBe('新的期限须晚于当前期限');
    expect(ask('2021-10-10')).toBeNull();
    // 2021-10-08 09:30 UTC is 17:30 the same day in Shanghai.
    const usual = task({ dueAt: '2021-10-08T09:30:00.000Z' });
    expect(ask('2021-10-08', usual)?.code).toBe('BAD_INPUT');
    expect(ask('2021-10-07', usual)?.code).toBe('BAD_INPUT');
    expect(ask('2021-10-09', usual)).toBeNull();
    expect(ask('2099-12-31', usual)).toBeNull();
    expect(ask('2000-01-01', task({ dueAt: '1999-12-30T09:30:00.000Z' }))).toBeNull();
  });

  it('are decided by the deputy director over the lead unit, when one is pending', () => {
    const asked = task({}, { pendingExtension: pending });
    expect(matrix('decideExtension', asked)).toEqual({
      handlerW: 'FORBIDDEN_ROLE',
      headW: 'FORBIDDEN_ROLE',
      handlerE: 'FORBIDDEN_ROLE',
      headE: 'FORBIDDEN_ROLE',
      handlerM: 'FORBIDDEN_ROLE',
      headM: 'FORBIDDEN_ROLE',
      deputyW: 'ok',
      deputyE: 'FORBIDDEN_UNIT',
      deputyNone: 'FORBIDDEN_UNIT',
      supervisor: 'FORBIDDEN_ROLE',
      admin: 'FORBIDDEN_ROLE',
    });
    expect(checkAction('decideExtension', args('decideExtension', A.deputyE), asked)?.zh).toBe(
      '只有分管该单位的领导可以审批延期',
    );
    expect(checkAction('decideExtension', args('decideExtension', A.deputyW), task())).toEqual({
      code: 'INVALID_STATE',
      zh: '没有待审批的延期申请',
      en: 'No extension request is pending',
    });
  });
});

describe('the supervisor’s actions', () => {
  const supervisorOnly = {
    handlerW: 'FORBIDDEN_ROLE',
    headW: 'FORBIDDEN_ROLE',
    handlerE: 'FORBIDDEN_ROLE',
    headE: 'FORBIDDEN_ROLE',
    handlerM: 'FORBIDDEN_ROLE',
    headM: 'FORBIDDEN_ROLE',
    deputyW: 'FORBIDDEN_ROLE',
    deputyE: 'FORBIDDEN_ROLE',
    deputyNone: 'FORBIDDEN_ROLE',
    supervisor: 'ok',
    admin: 'FORBIDDEN_ROLE',
  };

  it.each([
    ['reassign', task()],
    ['suspend', task()],
    ['resume', task({}, { status: 'suspended' })],
    ['cancel', task()],
    ['close', atClosure()],
    ['returnStage', atClosure()],
  ] as const)('%s is the supervisor’s alone', (action, s) => {
    expect(matrix(action, s)).toEqual(supervisorOnly);
  });

  it('核实未通过 (returnStage at the closure) needs its reason, and a closure that is open', () => {
    expect(checkAction('returnStage', args('returnStage', A.supervisor, { reason: '' }), atClosure())).toEqual({
      code: 'BAD_INPUT',
      zh: '核实未通过须填写理由',
      en: 'A reason is required to refuse closure',
      field: 'reason',
    });
    const onlyClosure = atClosure({ stages: [stage('closure', { closure: true, dueAt: null, status: 'open' })] });
    expect(checkAction('returnStage', args('returnStage', A.supervisor), onlyClosure)?.zh).toBe(
      '当前没有待核实销号的成果',
    );
    const closedStage = atClosure({
      stages: [
        stage('work', { status: 'approved' }),
        stage('closure', { closure: true, dueAt: null, status: 'closed' }),
      ],
    });
    expect(outcome('returnStage', 'supervisor', closedStage)).toBe('INVALID_STATE');
  });

  it('reassign names a different unit and a reason', () => {
    const refused = (over: Partial<TaskActionArgs['reassign']>) =>
      checkAction('reassign', args('reassign', A.supervisor, over), task());
    for (const newLeadUnit of ['water-air', '']) {
      expect(refused({ newLeadUnit })).toEqual({
        code: 'BAD_INPUT',
        zh: '请指定新的牵头单位（不同于当前）',
        en: 'Name a new lead unit different from the current one',
        field: 'newLeadUnit',
      });
    }
    expect(refused({ reason: ' ' })).toEqual({
      code: 'BAD_INPUT',
      zh: '改派须填写理由',
      en: 'A reason is required',
      field: 'reason',
    });
    expect(checkAction('reassign', args('reassign', A.admin), task())?.zh).toBe('该操作需要督查室，当前身份为管理员');
  });

  it('suspend, resume and cancel follow the task state and want reasons', () => {
    expect(checkAction('suspend', args('suspend', A.supervisor, { reason: '' }), task())?.zh).toBe('暂停须填写理由');
    expect(checkAction('resume', args('resume', A.supervisor), task())).toEqual({
      code: 'INVALID_STATE',
      zh: '任务未暂停',
      en: 'The task is not suspended',
    });
    expect(checkAction('suspend', args('suspend', A.supervisor), task({}, { status: 'suspended' }))?.code).toBe(
      'INVALID_STATE',
    );
    expect(checkAction('cancel', args('cancel', A.supervisor, { reason: '\n' }), task())?.zh).toBe('撤销须填写理由');
    expect(outcome('cancel', 'supervisor', task({}, { status: 'suspended' }))).toBe('ok');
  });

  it('close only at an open closure stage with the ledger closed', () => {
    const refusal = '各阶段完成并审批后才能销号';
    expect(checkAction('close', args('close', A.supervisor), task())?.zh).toBe(refusal);
    const closurePending = atClosure({
      stages: [
        stage('work', { status: 'approved' }),
        stage('closure', { closure: true, dueAt: null, status: 'pending' }),
      ],
    });
    expect(checkAction('close', args('close', A.supervisor), closurePending)?.zh).toBe(refusal);
    const problem = (problemId: string, status: ProblemEntry['status']): ProblemEntry => ({
      problemId,
      title: 'x',
      workflowId: `p/1/problem/${problemId}`,
      dueAt: '2021-09-30T09:30:00.000Z',
      status,
      added: { by: 'u-s', role: 'supervisor', unit: null, at: '2021-09-01T00:00:00Z' },
      closedAt: null,
    });
    const ledger = atClosure({ problems: [problem('P1', 'open'), problem('P2', 'open'), problem('P3', 'cancelled')] });
    expect(checkAction('close', args('close', A.supervisor), ledger)?.zh).toBe('整改台账中还有 2 个问题未销号');
    expect(outcome('close', 'supervisor', atClosure({ problems: [problem('P3', 'cancelled')] }))).toBe('ok');
  });
});

describe('problems of a rectification ledger', () => {
  const rect = (over: Partial<TaskSnapshot> = {}) => task({}, { kind: 'rectification', ...over });

  it('are added by a supervisor or the lead unit’s head', () => {
    expect(matrix('addProblem', rect())).toEqual({
      handlerW: 'FORBIDDEN_ROLE',
      headW: 'ok',
      handlerE: 'FORBIDDEN_ROLE',
      headE: 'FORBIDDEN_ROLE',
      handlerM: 'FORBIDDEN_ROLE',
      headM: 'FORBIDDEN_ROLE',
      deputyW: 'FORBIDDEN_ROLE',
      deputyE: 'FORBIDDEN_ROLE',
      deputyNone: 'FORBIDDEN_ROLE',
      supervisor: 'ok',
      admin: 'FORBIDDEN_ROLE',
    });
  });

  it('only to a rectification task itself, before its closure', () => {
    const zh = (s: TaskSnapshot) => checkAction('addProblem', args('addProblem', A.supervisor), s)?.zh;
    expect(zh(task())).toBe('只有整改类任务有整改台账');
    expect(zh(rect({ parent: { workflowId: 'p/1', problemId: 'P0' } }))).toBe('只有整改类任务有整改台账');
    expect(zh(atClosure({ kind: 'rectification' }))).toBe('任务已进入销号阶段，不能再登记问题');
  });

  it.each([
    [{ problemId: 'P 1' }, '问题编号须为 1–40 位字母、数字、-、_', 'problemId'],
    [{ problemId: '' }, '问题编号须为 1–40 位字母、数字、-、_', 'problemId'],
    [{ problemId: 'a'.repeat(41) }, '问题编号须为 1–40 位字母、数字、-、_', 'problemId'],
    [{ problemId: 'x\ny' }, '问题编号须为 1–40 位字母、数字、-、_', 'problemId'],
    [{ dueDate: '30/09/2021' }, '整改期限须为有效的 YYYY-MM-DD 日期', 'dueDate'],
    [{ dueDate: '2100-09-30' }, '整改期限须在 2000–2099 年之间（工作日历的范围）', 'dueDate'],
    [{ title: '  ' }, '请填写问题描述', 'title'],
  ])('refuses %j', (over, zh, field) => {
    expect(checkAction('addProblem', args('addProblem', A.supervisor, over), rect())).toMatchObject({
      code: 'BAD_INPUT',
      zh,
      field,
    });
  });

  it('accepts ids of 1 to 40 letters, digits, - and _, once each', () => {
    expect(outcome('addProblem', 'supervisor', rect(), { problemId: 'a'.repeat(40) })).toBe('ok');
    expect(outcome('addProblem', 'supervisor', rect(), { problemId: 'Z_9-z' })).toBe('ok');
    const listed = rect({
      problems: [
        {
          problemId: 'P-1',
          title: 'x',
          workflowId: 'p/1/problem/P-1',
          dueAt: '2021-09-30T09:30:00.000Z',
          status: 'closed',
          added: { by: 'u-s', role: 'supervisor', unit: null, at: '2021-09-01T00:00:00Z' },
          closedAt: null,
        },
      ],
    });
    expect(checkAction('addProblem', args('addProblem', A.supervisor), listed)?.zh).toBe('问题 P-1 已登记');
  });
});

describe('comments', () => {
  it('are open to whoever may see the task', () => {
    expect(matrix('comment', task())).toEqual({
      handlerW: 'ok',
      headW: 'ok',
      handlerE: 'FORBIDDEN_UNIT',
      headE: 'FORBIDDEN_UNIT',
      handlerM: 'ok',
      headM: 'ok',
      deputyW: 'ok',
      deputyE: 'FORBIDDEN_UNIT',
      deputyNone: 'FORBIDDEN_UNIT',
      supervisor: 'ok',
      admin: 'ok',
    });
    expect(checkAction('comment', args('comment', A.handlerE), task())?.zh).toBe('无权查看该任务');
    expect(checkAction('comment', args('comment', A.handlerW, { text: ' ' }), task())).toEqual({
      code: 'BAD_INPUT',
      zh: '评论不能为空',
      en: 'Comment text is required',
      field: 'text',
    });
  });

  it('refuse an unknown action', () => {
    expect(checkAction('launch' as TaskAction, args('comment', A.supervisor), task())).toEqual({
      code: 'BAD_INPUT',
      zh: '未知操作 launch',
      en: 'Unknown action launch',
    });
  });
});

describe('text of the arguments', () => {
  it('refuses a text field that is no string, or longer than its limit, before any rule', () => {
    expect(checkActionText('comment', { ...args('comment', A.supervisor), text: 5 as unknown as string })).toEqual({
      code: 'BAD_INPUT',
      zh: '字段 text 须为文本',
      en: 'Field text must be a string',
      field: 'text',
    });
    expect(checkActionText('comment', args('comment', A.supervisor, { text: 'x'.repeat(2000) }))).toBeNull();
    expect(checkActionText('comment', args('comment', A.supervisor, { text: 'x'.repeat(2001) }))).toEqual({
      code: 'BAD_INPUT',
      zh: '字段 text 最长 2000 个字符（当前 2001 个），请精简后重试',
      en: 'Field text is at most 2000 characters (got 2001)',
      field: 'text',
    });
    // A refused text wins over every other rule, whoever acts.
    expect(checkAction('comment', args('comment', A.handlerE, { text: 'a\u0000b' }), task())?.code).toBe('BAD_INPUT');
    expect(checkActionText('reassign', args('reassign', A.supervisor, { newLeadUnit: 'u'.repeat(65) }))?.zh).toBe(
      '字段 newLeadUnit 最长 64 个字符（当前 65 个），请精简后重试',
    );
    expect(checkActionText('approve', args('approve', A.headW, { note: undefined }))).toBeNull();
  });
});

describe('evidence uploads', () => {
  const upload = (who: Who, s: TaskSnapshot, key = 'work') => worded(checkEvidenceUpload(A[who], s, key));
  const uploads = (s: TaskSnapshot, key = 'work') => Object.fromEntries(EVERYONE.map((w) => [w, upload(w, s, key)]));
  const none = Object.fromEntries(EVERYONE.map((w) => [w, 'FORBIDDEN_ROLE']));

  it('to an open or returned stage: the lead unit handler only', () => {
    for (const status of ['open', 'returned'] as const) {
      expect(uploads(task({ status }))).toEqual({ ...none, handlerW: 'ok' });
    }
    for (const status of ['pending', 'submitted', 'approved'] as const) expect(uploads(task({ status }))).toEqual(none);
  });

  it('while the stage waits for cooperation: the cooperating unit handler only', () => {
    expect(uploads(task({ status: 'awaiting-cooperation' }))).toEqual({ ...none, handlerM: 'ok' });
  });

  it('to the closure stage: the supervisor’s 核实 record', () => {
    expect(uploads(atClosure(), 'closure')).toEqual({ ...none, supervisor: 'ok' });
  });

  it('the source document (来源文件): the office’s, at any stage of an active task, 签收 or not', () => {
    const officeOnly = { ...none, supervisor: 'ok', admin: 'ok' };
    expect(uploads(task(), 'source')).toEqual(officeOnly);
    expect(uploads(atClosure(), 'source')).toEqual(officeOnly);
    const awaiting = task({}, { receipt: newReceipt('water-air', '2021-09-27T01:00:00Z') });
    expect(uploads(awaiting, 'source')).toEqual(officeOnly);
    expect(uploads(awaiting, 'work')).toEqual(Object.fromEntries(EVERYONE.map((w) => [w, 'INVALID_STATE'])));
    expect(upload('supervisor', task({}, { status: 'closed' }), 'source')).toBe('INVALID_STATE');
  });

  it('only to the current stage of an active task', () => {
    expect(checkEvidenceUpload(A.handlerW, task(), 'next')?.zh).toBe('阶段“next”不是当前阶段');
    expect(checkEvidenceUpload(A.handlerW, task(), 'nope')?.code).toBe('NOT_FOUND_STAGE');
    for (const status of ['suspended', 'closed', 'cancelled'] as const) {
      expect(checkEvidenceUpload(A.handlerW, task({}, { status }), 'work')?.zh).toBe(
        '任务不在办理中，不能上传佐证材料',
      );
    }
    expect(checkEvidenceUpload(A.headW, task(), 'work')?.zh).toBe('只有当前办理“work”的承办人可以上传佐证材料');
  });
});

describe('fields an older client or an older state may leave out', () => {
  it('a missing due date or problem id is bad input, not a crash', () => {
    const noDate = { newDueDate: undefined } as unknown as Partial<TaskActionArgs['requestExtension']>;
    expect(checkAction('requestExtension', args('requestExtension', A.handlerW, noDate), task())?.zh).toContain(
      'YYYY-MM-DD',
    );
    const rect = task({}, { kind: 'rectification' });
    const noId = { problemId: undefined } as unknown as Partial<TaskActionArgs['addProblem']>;
    expect(worded(checkAction('addProblem', args('addProblem', A.supervisor, noId), rect))).toBe('BAD_INPUT');
  });

  it('a state carried from before the ledger (no problems list) closes and takes problems', () => {
    const closable = { ...atClosure(), problems: undefined } as unknown as TaskSnapshot;
    expect(outcome('close', 'supervisor', closable)).toBe('ok');
    const rect = { ...task({}, { kind: 'rectification' }), problems: undefined } as unknown as TaskSnapshot;
    expect(outcome('addProblem', 'supervisor', rect)).toBe('ok');
  });

  it('an optional text left undefined or null is no text, not bad input', () => {
    for (const note of [undefined, null]) {
      const over = { note } as unknown as Partial<TaskActionArgs['resume']>;
      expect(checkActionText('resume', args('resume', A.supervisor, over))).toBeNull();
    }
  });
});

describe('every refusal, whoever acts in whatever state', () => {
  const problem = (status: 'open' | 'closed') => ({
    problemId: 'P-1',
    title: '问题',
    workflowId: 'p/1/problem/P-1',
    dueAt: '2021-09-30T09:30:00.000Z',
    status,
    added: { by: 'u-s', role: 'supervisor', unit: '', at: '2021-09-01T00:00:00Z' },
    closedAt: null,
  });
  const states: [string, TaskSnapshot][] = [
    ['open', task()],
    ['returned', task({ status: 'returned' })],
    ['submitted', task({ status: 'submitted', submission: submission() })],
    ['own submission', task({ status: 'submitted', submission: submission('u-headw') })],
    ['awaiting cooperation', task({ status: 'awaiting-cooperation', submission: submission() })],
    [
      'cooperation given',
      task({
        status: 'awaiting-cooperation',
        submission: submission(),
        cooperation: { monitoring: { feedback: { by: 'u-hm', role: 'handler', unit: 'monitoring', at: 'x' } } },
      }),
    ],
    [
      'cooperation confirmed',
      task({
        status: 'awaiting-cooperation',
        submission: submission(),
        cooperation: {
          monitoring: {
            feedback: { by: 'u-hm', role: 'handler', unit: 'monitoring', at: 'x' },
            confirmed: { by: 'u-headm', role: 'unit-head', unit: 'monitoring', at: 'x' },
          },
        },
      }),
    ],
    ['approved', task({ status: 'approved' })],
    ['evidence and quantity asked', task({ requiresEvidence: true, targetQuantity: 10, milestoneQuantity: 5 })],
    ['extension pending', task({}, { pendingExtension: pending })],
    ['suspended', task({}, { status: 'suspended' })],
    ['closed', task({}, { status: 'closed' })],
    ['at closure', atClosure()],
    ['rectification', task({}, { kind: 'rectification', problems: [problem('closed')] })],
    ['rectification at closure', atClosure({ kind: 'rectification', problems: [problem('open')] })],
    ['a problem of a ledger', task({}, { kind: 'rectification', parent: { workflowId: 'p/0', problemId: 'P-9' } })],
  ];
  // What a user may get wrong: blank texts, dates that are no dates, out of the calendar or too early.
  const inputs: Partial<Record<string, unknown>>[] = [
    {},
    { note: ' ', reason: ' ', text: ' ', title: ' ' },
    { newDueDate: '2021-13-01', dueDate: '2021/09/30', problemId: '第一项' },
    { newDueDate: '2100-01-01', dueDate: '1999-12-31', problemId: 'P-1' },
    { newDueDate: '2021-10-01', newLeadUnit: 'water-air', quantity: -1 },
    { stageKey: 'next' },
    { stageKey: 'nowhere' },
  ];
  const FIELDS = new Set(['note', 'reason', 'text', 'title', 'newDueDate', 'dueDate', 'problemId', 'newLeadUnit']);
  const FIELDS_OF_SUBMIT = new Set(['note', 'quantity', 'evidenceIds']);

  it('says why in Chinese and in English, and a refusal of input names the argument to fix', () => {
    const seen = new Set<string>();
    for (const [, s] of states)
      for (const action of TASK_ACTIONS)
        for (const who of EVERYONE)
          for (const over of inputs) {
            const r = checkAction(action, args(action, A[who], over as Partial<TaskActionArgs[typeof action]>), s);
            if (!r) continue;
            seen.add(`${r.code}:${r.zh}`);
            expect([r.zh, /[\u4e00-\u9fff]/.test(r.zh), /^[A-Za-z][^\u4e00-\u9fff]*\S$/.test(r.en)]).toEqual([
              r.zh,
              true,
              true,
            ]);
            if (r.code === 'BAD_INPUT') {
              const fields = action === 'submit' ? FIELDS_OF_SUBMIT : FIELDS;
              expect([r.zh, r.field && fields.has(r.field)]).toEqual([r.zh, true]);
            } else expect([r.zh, r.field]).toEqual([r.zh, undefined]);
          }
    // The states and inputs reach the rules' refusals: at least this many different ones.
    expect(seen.size).toBeGreaterThanOrEqual(60);
  });
});
