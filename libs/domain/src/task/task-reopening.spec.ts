import { stage, supervisor, head, taskSnapshot } from './task-snapshot.fixtures';
import { checkReopen, reopenedRun, reopenedStage } from './task-reopening';
import { TaskSnapshot } from './task-types';

/** 反弹回潮: who may reopen a closed rectification, and the state its next run starts from. */

const TODAY = '2027-03-01';
const closedRectification = (over: Partial<TaskSnapshot> = {}): TaskSnapshot =>
  taskSnapshot({
    kind: 'rectification',
    status: 'closed',
    version: 9,
    currentStageKey: 'closure',
    stages: [
      stage('rectify', {
        name: '问题整改',
        status: 'approved',
        dueAt: '2027-01-29T09:30:00.000Z',
        dueRevision: 1,
        escalationLevel: 2,
        approval: { by: head.userId, role: 'unit-head', unit: 'water-air', at: '2027-01-20T02:00:00Z' },
        submission: { by: 'u-h', role: 'handler', unit: 'water-air', at: '2027-01-19T02:00:00Z', evidenceIds: ['e1'] },
        completedAt: '2027-01-20T02:00:00Z',
        reminders: [{ offsetWorkdays: 1, at: '2027-01-28T01:00:00Z', state: 'fired' }],
      }),
      stage('closure', { closure: true, dueAt: null, status: 'closed', completedAt: '2027-01-21T02:00:00Z' }),
    ],
    parent: { workflowId: 'zg-2027/1.1', problemId: 'P-1' },
    ...over,
  });
const request = { reason: '“回头看”再次发现直排', dueDate: '2027-06-30' };

describe('checkReopen', () => {
  it('is the supervisor’s, on a closed rectification, with a reason and a date after today', () => {
    expect(checkReopen(supervisor, closedRectification(), request, TODAY)).toBeNull();
    expect(checkReopen(head, closedRectification(), request, TODAY)?.code).toBe('FORBIDDEN_ROLE');
    expect(checkReopen(supervisor, closedRectification({ kind: 'annual' }), request, TODAY)?.zh).toBe(
      '只有整改类任务可以因反弹回潮重新打开',
    );
    for (const status of ['active', 'cancelled', 'suspended'] as const) {
      expect(checkReopen(supervisor, closedRectification({ status }), request, TODAY)?.code).toBe('INVALID_STATE');
    }
  });

  it.each([
    ['a blank reason', { reason: '  ' }, 'reason'],
    ['a NUL in the reason', { reason: '再次\u0000发现' }, 'reason'],
    ['a reason of 2001 characters', { reason: 'x'.repeat(2001) }, 'reason'],
    ['today as the new date', { dueDate: TODAY }, 'dueDate'],
    ['a date that does not exist', { dueDate: '2027-02-30' }, 'dueDate'],
    ['a date not written YYYY-MM-DD', { dueDate: '2027/06/30' }, 'dueDate'],
  ])('refuses %s, naming the field', (_what, over, field) => {
    const r = checkReopen(supervisor, closedRectification(), { ...request, ...over }, TODAY);
    expect([r?.code, r?.field]).toEqual(['BAD_INPUT', field]);
  });
});

describe('reopenedRun', () => {
  const reopen = (s = closedRectification()) =>
    reopenedRun(s, {
      ...request,
      dueAt: '2027-06-30T09:30:00.000Z',
      actor: supervisor,
      at: '2027-03-01T02:00:00.000Z',
      lastSeq: 41,
    });

  it('opens the last working stage again by the new date, 销号 pending, the number and ledger kept', () => {
    const { input, carried } = reopen();
    const s = carried.state;
    expect(s).toMatchObject({
      status: 'active',
      currentStageKey: 'rectify',
      version: 10,
      taskCode: '1',
      pendingExtension: null,
    });
    expect(s.stages[0]).toMatchObject({
      status: 'open',
      dueAt: '2027-06-30T09:30:00.000Z',
      dueDate: '2027-06-30',
      dueRevision: 2,
      escalationLevel: 0,
      submission: null,
      approval: null,
      completedAt: null,
      reminders: [],
    });
    expect(s.stages[1]).toMatchObject({ status: 'pending', approval: null, completedAt: null });
    expect(input).toMatchObject({
      taskCode: '1',
      kind: 'rectification',
      parent: { workflowId: 'zg-2027/1.1', problemId: 'P-1' },
    });
    expect(input.stages.map((st) => st.key)).toEqual(['rectify', 'closure']);
    expect(Object.keys(input.stages[0]).sort()).toEqual(
      ['closure', 'dueAt', 'dueDate', 'key', 'name', 'ownerUnit', 'requiresCooperation', 'requiresEvidence'].sort(),
    );
  });

  it('goes on numbering events after the read model’s last, and answers no old request as done', () => {
    const { carried } = reopen();
    expect(carried.state.events).toEqual([
      {
        seq: 42,
        at: '2027-03-01T02:00:00.000Z',
        action: 'reopen',
        actor: supervisor,
        stageKey: 'rectify',
        detail: '反弹回潮，重新整改（“问题整改”期限 2027-06-30）：“回头看”再次发现直排',
      },
    ]);
    expect([carried.projectedSeq, carried.processed]).toEqual([41, []]);
  });

  it('leaves the closed state it was made from as it was', () => {
    const before = closedRectification();
    const copy = structuredClone(before);
    reopen(before);
    expect(before).toEqual(copy);
  });

  it('the stage to redo is the one before 销号; a task of 销号 alone has none', () => {
    expect(reopenedStage(closedRectification())?.key).toBe('rectify');
    expect(reopenedStage({ stages: [stage('closure', { closure: true })] })).toBeUndefined();
  });
});
