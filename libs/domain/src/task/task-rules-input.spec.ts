import { checkAction, checkActionText, checkEvidenceUpload } from './task-rules';
import { TaskSnapshot } from './task-types';
import { handler, head, stage, supervisor, taskSnapshot } from './task-snapshot.fixtures';
import { TEXT_LIMITS } from '../text/text-limits';

const monitoringHandler = { userId: 'u-m', role: 'handler' as const, unitCode: 'monitoring' };

const snapshot = (over: Partial<TaskSnapshot> = {}): TaskSnapshot =>
  taskSnapshot({
    cooperatingUnits: ['monitoring'],
    currentStageKey: 'plan',
    stages: [stage('plan', { status: 'open' }), stage('done'), stage('closure', { closure: true, dueAt: null })],
    ...over,
  });

describe('checkActionText: text no store can hold is refused before any rule', () => {
  it.each(['a\u0000b', '\ud800', 'x\u001b', 'del\u007f'])('refuses %j in a comment, even from a supervisor', (text) => {
    const r = checkAction('comment', { requestId: 'r', actor: supervisor, text }, snapshot());
    expect(r).toMatchObject({ code: 'BAD_INPUT' });
    expect(r!.zh).toContain('text');
  });

  it('refuses unsafe text in any field, also ones the action does not read', () => {
    const args = { requestId: 'r', actor: handler, note: 'ok', extra: ['x\u0000'] } as never;
    expect(checkActionText('submit', args)).toMatchObject({ code: 'BAD_INPUT' });
  });

  it('holds every text field to its limit', () => {
    const over = (n: number) => '字'.repeat(n + 1);
    expect(
      checkActionText('submit', { requestId: 'r', actor: handler, note: over(TEXT_LIMITS.submissionNote) }),
    ).toMatchObject({ code: 'BAD_INPUT' });
    expect(
      checkActionText('submit', { requestId: 'r', actor: handler, note: '字'.repeat(TEXT_LIMITS.submissionNote) }),
    ).toBeNull();
    expect(
      checkActionText('returnStage', { requestId: 'r', actor: head, reason: over(TEXT_LIMITS.reason) })!.zh,
    ).toContain(String(TEXT_LIMITS.reason));
    expect(checkActionText('comment', { requestId: 'r', actor: head, text: over(TEXT_LIMITS.comment) })).not.toBeNull();
    expect(
      checkActionText('reassign', {
        requestId: 'r',
        actor: supervisor,
        reason: 'x',
        newLeadUnit: over(TEXT_LIMITS.unitCode),
      }),
    ).not.toBeNull();
  });

  it('refuses a text field that is not a string', () => {
    expect(checkActionText('comment', { requestId: 'r', actor: head, text: 42 as unknown as string })).toMatchObject({
      code: 'BAD_INPUT',
    });
  });
});

describe('dates the calendar cannot serve', () => {
  const extension = (newDueDate: string) =>
    checkAction('requestExtension', { requestId: 'r', actor: handler, reason: '等待', newDueDate }, snapshot());

  it.each(['2027-02-29', '2021-13-01', '0050-01-01', '2100-01-15', '9999-12-31', '2027-1-5'])('refuses %s', (d) => {
    expect(extension(d)).toMatchObject({ code: 'BAD_INPUT' });
  });

  it('accepts a real date inside the calendar range, after the current due date', () => {
    expect(extension('2028-02-29')).toBeNull();
    expect(extension('2099-12-31')).toBeNull();
  });
});

describe('checkEvidenceUpload', () => {
  const s = snapshot();
  it('lets the lead handler upload to the open current stage, and nobody else', () => {
    expect(checkEvidenceUpload(handler, s, 'plan')).toBeNull();
    for (const actor of [head, supervisor, monitoringHandler, { ...handler, unitCode: 'ecology' }]) {
      expect(checkEvidenceUpload(actor, s, 'plan')).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    }
  });

  it('refuses another stage, an unknown stage and an inactive task', () => {
    expect(checkEvidenceUpload(handler, s, 'done')).toMatchObject({ code: 'INVALID_STATE' });
    expect(checkEvidenceUpload(handler, s, 'no-such-stage')).toMatchObject({ code: 'NOT_FOUND_STAGE' });
    expect(checkEvidenceUpload(handler, snapshot({ status: 'suspended' }), 'plan')).toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('lets a cooperating handler upload while the stage waits for their feedback, and the supervisor at closure', () => {
    const waiting = snapshot({
      stages: [stage('plan', { status: 'awaiting-cooperation' }), stage('closure', { closure: true })],
    });
    expect(checkEvidenceUpload(monitoringHandler, waiting, 'plan')).toBeNull();
    expect(checkEvidenceUpload(handler, waiting, 'plan')).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const closing = snapshot({
      currentStageKey: 'closure',
      stages: [stage('plan', { status: 'approved' }), stage('closure', { closure: true, status: 'open' })],
    });
    expect(checkEvidenceUpload(supervisor, closing, 'closure')).toBeNull();
    expect(checkEvidenceUpload(handler, closing, 'closure')).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
});
