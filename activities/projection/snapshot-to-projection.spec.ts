import { newReceipt } from '@duban/domain/task/receipt';
import { stage, taskSnapshot } from '@duban/domain/task/task-snapshot.fixtures';
import { awaitingOf, snapshotToProjection } from './snapshot-to-projection';

/** What the ledger and the inboxes read of a task that waits for 签收. */
describe('snapshotToProjection and 签收', () => {
  const receipt = { ...newReceipt('water-air', '2027-03-01T02:00:00Z'), dueAt: '2027-03-03T09:30:00.000Z' };
  const work = [stage('work', { name: '办理', status: 'open' })];

  it('while 签收 is awaited, the task is at 签收 (待签收) and waits for the lead unit head alone', () => {
    const s = taskSnapshot({ stages: work, currentStageKey: 'work', leadUnit: 'water-air', receipt });
    expect(snapshotToProjection(s).currentStage).toEqual({ key: 'receipt', name: '签收', status: 'awaiting-receipt' });
    expect(awaitingOf(s)).toEqual(['water-air:unit-head']);
  });

  it('declined: 已退回待改派, the supervision office’s to act on', () => {
    const s = taskSnapshot({ stages: work, currentStageKey: 'work', receipt: { ...receipt, status: 'returned' } });
    expect(snapshotToProjection(s).currentStage).toEqual({ key: 'receipt', name: '签收', status: 'declined' });
    expect(awaitingOf(s)).toEqual(['*:supervisor']);
  });

  it('acknowledged: the work stage again, awaiting its handler', () => {
    const s = taskSnapshot({
      stages: work,
      currentStageKey: 'work',
      leadUnit: 'water-air',
      receipt: { ...receipt, status: 'approved' },
    });
    expect(snapshotToProjection(s).currentStage).toEqual({ key: 'work', name: '办理', status: 'open' });
    expect(awaitingOf(s)).toEqual(['water-air:handler']);
  });
});

describe('awaitingOf a rectification ledger at 销号', () => {
  const problem = (status: 'open' | 'closed') => ({
    problemId: '1.1',
    title: '扬尘',
    workflowId: 'p/1.1',
    dueAt: '2027-06-30T09:30:00.000Z',
    status,
    added: { by: 'u-s', role: 'supervisor', unit: null, at: '2027-03-01T02:00:00Z' },
    closedAt: null,
  });
  const closure = [stage('closure', { name: '销号', status: 'open', closure: true, ownerUnit: '*' })];

  it('waits for nobody while a problem is open (each is awaited on its own row), then for the office', () => {
    const open = taskSnapshot({ stages: closure, currentStageKey: 'closure', problems: [problem('open')] });
    expect(awaitingOf(open)).toEqual([]);
    const done = taskSnapshot({ stages: closure, currentStageKey: 'closure', problems: [problem('closed')] });
    expect(awaitingOf(done)).toEqual(['*:supervisor']);
  });
});
