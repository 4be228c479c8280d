import { ActorRef } from '../access/actor';
import { canSeeTask } from '../access/task-visibility';
import { checkAction, checkEvidenceUpload } from './task-rules';
import { handler, head, otherHead, stage, supervisor, taskSnapshot } from './task-snapshot.fixtures';
import { TaskSnapshot } from './task-types';

/**
 * 核实 by a unit named on the item (核实单位): its head verifies the completion — 销号 or 核实未通过 —
 * beside the supervision office, its staff attach the on-site record; nobody else gains anything.
 */

const enforcementHead: ActorRef = { userId: 'u-enf-head', role: 'unit-head', unitCode: 'enforcement' };
const enforcementHandler: ActorRef = { userId: 'u-enf-h', role: 'handler', unitCode: 'enforcement' };

/** 水气股's work approved, at 销号; verified by 执法分局 unless told otherwise. */
function atClosure(over: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return taskSnapshot({
    currentStageKey: 'closure',
    stages: [stage('work', { status: 'approved' }), stage('closure', { closure: true, dueAt: null, status: 'open' })],
    verifyingUnit: 'enforcement',
    ...over,
  });
}

const close = (actor: ActorRef, s: TaskSnapshot) => checkAction('close', { requestId: 'r', actor }, s)?.code ?? null;
const refuse = (actor: ActorRef, s: TaskSnapshot, reason = '现场核查仍有问题') =>
  checkAction('returnStage', { requestId: 'r', actor, reason }, s)?.code ?? null;

describe('核实 by the verifying unit', () => {
  it('its head may close or refuse the closure, as the office may', () => {
    const s = atClosure();
    expect(close(enforcementHead, s)).toBeNull();
    expect(close(supervisor, s)).toBeNull();
    expect(refuse(enforcementHead, s)).toBeNull();
    expect(refuse(enforcementHead, s, ' ')).toBe('BAD_INPUT');
  });

  it('nobody else: not its handler, not the lead unit, not another unit’s head', () => {
    const s = atClosure();
    for (const actor of [enforcementHandler, head, handler, otherHead]) {
      expect(close(actor, s)).toBe('FORBIDDEN_ROLE');
      expect(refuse(actor, s)).toBe('FORBIDDEN_ROLE');
    }
    expect(checkAction('close', { requestId: 'r', actor: enforcementHead }, s)?.zh).toBeUndefined();
    expect(checkAction('close', { requestId: 'r', actor: otherHead }, s)?.zh).toBe(
      '核实销号由督查室或核实单位负责人办理',
    );
  });

  it('without a verifying unit, the office alone — the same head is refused', () => {
    const s = atClosure({ verifyingUnit: undefined });
    expect(close(enforcementHead, s)).toBe('FORBIDDEN_ROLE');
    expect(checkAction('close', { requestId: 'r', actor: enforcementHead }, s)?.zh).toBe('核实销号由督查室办理');
    expect(refuse(enforcementHead, s)).toBe('FORBIDDEN_ROLE');
    expect(close(supervisor, s)).toBeNull();
  });

  it('only at 销号: before the work is approved the verifier has nothing to decide', () => {
    const s = taskSnapshot({ verifyingUnit: 'enforcement' });
    expect(close(enforcementHead, s)).toBe('INVALID_STATE');
    expect(checkAction('approve', { requestId: 'r', actor: enforcementHead }, s)?.code).toBe('FORBIDDEN_UNIT');
  });

  it('its staff attach the on-site record at 销号 only; other units cannot', () => {
    expect(checkEvidenceUpload(enforcementHandler, atClosure(), 'closure')).toBeNull();
    expect(checkEvidenceUpload(enforcementHead, atClosure(), 'closure')).toBeNull();
    expect(checkEvidenceUpload(handler, atClosure(), 'closure')?.code).toBe('FORBIDDEN_ROLE');
    expect(checkEvidenceUpload(enforcementHandler, atClosure({ verifyingUnit: undefined }), 'closure')?.code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(checkEvidenceUpload(enforcementHandler, taskSnapshot({ verifyingUnit: 'enforcement' }), 'work')?.code).toBe(
      'FORBIDDEN_ROLE',
    );
  });

  it('the verifying unit sees the task; a unit that is neither lead, cooperating nor verifying does not', () => {
    const row = { leadUnit: 'water-air', cooperatingUnits: [], verifyingUnit: 'enforcement' };
    expect(canSeeTask(enforcementHandler, row)).toBe(true);
    expect(canSeeTask(otherHead, row)).toBe(false);
    expect(canSeeTask(enforcementHandler, { ...row, verifyingUnit: null })).toBe(false);
  });
});
