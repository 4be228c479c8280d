import { checkAction } from './task-rules';
import { ProblemEntry, TaskSnapshot } from './task-types';
import { handler, head, otherHead, stage, supervisor, taskSnapshot } from './task-snapshot.fixtures';

const snapshot = (over: Partial<TaskSnapshot> = {}): TaskSnapshot =>
  taskSnapshot({
    currentStageKey: 'done',
    stages: [
      stage('done', {
        status: 'submitted',
        submission: { by: 'u-h', role: 'handler', unit: 'water-air', at: '2021-10-01T00:00:00Z', evidenceIds: [] },
      }),
      stage('closure', { closure: true, dueAt: null }),
    ],
    ...over,
  });

const code = (r: ReturnType<typeof checkAction>) => r?.code ?? null;

describe('checkAction', () => {
  it('lets only the lead unit head approve, and never their own submission', () => {
    expect(code(checkAction('approve', { requestId: 'a', actor: head }, snapshot()))).toBeNull();
    expect(code(checkAction('approve', { requestId: 'a', actor: otherHead }, snapshot()))).toBe('FORBIDDEN_UNIT');
    expect(code(checkAction('approve', { requestId: 'a', actor: handler }, snapshot()))).toBe('FORBIDDEN_ROLE');
    const promoted = { ...handler, role: 'unit-head' as const };
    expect(code(checkAction('approve', { requestId: 'a', actor: promoted }, snapshot()))).toBe('SELF_APPROVAL');
  });

  it('closes a rectification task only when every problem of its ledger is closed', () => {
    const problem = (status: ProblemEntry['status']): ProblemEntry => ({
      problemId: 'P1',
      title: 'x',
      workflowId: 'p/1/problem/P1',
      dueAt: '2021-09-30T09:30:00.000Z',
      status,
      added: { by: 'u-s', role: 'supervisor', unit: null, at: '2021-09-01T00:00:00Z' },
      closedAt: null,
    });
    const atClosure = (problems: ProblemEntry[]) =>
      snapshot({
        kind: 'rectification',
        currentStageKey: 'closure',
        stages: [
          stage('done', { status: 'approved' }),
          stage('closure', { closure: true, dueAt: null, status: 'open' }),
        ],
        problems,
      });
    expect(code(checkAction('close', { requestId: 'c', actor: supervisor }, atClosure([problem('open')])))).toBe(
      'INVALID_STATE',
    );
    expect(
      code(checkAction('close', { requestId: 'c', actor: supervisor }, atClosure([problem('closed')]))),
    ).toBeNull();
    expect(code(checkAction('close', { requestId: 'c', actor: head }, atClosure([])))).toBe('FORBIDDEN_ROLE');
  });

  it('adds problems only to a rectification task, with a valid id and date', () => {
    const rect = snapshot({ kind: 'rectification' });
    const add = (over: object, s = rect, actor = supervisor) =>
      code(
        checkAction(
          'addProblem',
          { requestId: 'x', actor, problemId: 'P1', title: '问题', dueDate: '2021-09-30', ...over },
          s,
        ),
      );
    expect(add({})).toBeNull();
    expect(add({}, rect, head)).toBeNull();
    expect(add({}, rect, handler)).toBe('FORBIDDEN_ROLE');
    expect(add({}, snapshot())).toBe('INVALID_STATE');
    expect(add({ problemId: 'P 1' })).toBe('BAD_INPUT');
    expect(add({ dueDate: '30/09/2021' })).toBe('BAD_INPUT');
  });
});
