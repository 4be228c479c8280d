import { machineHarness } from '../task/task-machine.harness';
import { assignedItemInput, head, supervisor } from '../task/task-snapshot.fixtures';
import { ActionRecord, TaskWorkflowInput } from '../task/task-types';
import { LIST_TASK_CODE, listedProblem, listedProblemInput, listTaskInput } from './inspection-list';

/**
 * An imported 整改清单: the list's own task waits for every row, each row a task of its own that
 * asks its own unit's 签收 and tells the list when it ends.
 */

const T0 = Date.parse('2027-03-01T02:00:00.000Z');
const importer: ActionRecord = { by: 'u-s', role: 'supervisor', unit: null, at: '2027-03-01T02:00:00.000Z' };
const row = (code: string, leadUnit: string, due: string | null): TaskWorkflowInput => {
  const base = assignedItemInput({ taskCode: code, title: `问题${code}`, leadUnit, kind: 'rectification' });
  return { ...base, stages: base.stages.map((st) => (st.closure ? st : { ...st, dueAt: due })) };
};
const rows = [
  row('1.1', 'ecology', '2027-06-30T09:30:00.000Z'),
  row('1.2', 'water-air', '2027-09-30T09:30:00.000Z'),
  row('2.3', 'water-air', null),
  row('2.4', 'ecology', '2027-04-30T09:30:00.000Z'),
];

describe('the task of an imported problem list (整改清单)', () => {
  it('is led by the unit with the most problems (the first of a tie), the others cooperating, 销号 only', () => {
    const list = listTaskInput('某区督察反馈问题整改清单', rows, importer);
    expect(list).toMatchObject({
      planId: 'xj-2027',
      taskCode: LIST_TASK_CODE,
      kind: 'rectification',
      leadUnit: 'ecology',
      cooperatingUnits: ['water-air'],
    });
    expect(list.stages.map((st) => st.key)).toEqual(['closure']);
    expect(list.policy.receiptWorkdays).toBe(0);
    expect(listTaskInput('x', [rows[1], ...rows], importer).leadUnit).toBe('water-air');
    expect(() => listTaskInput('x', [], importer)).toThrow(/at least one problem/);
  });

  it('lists each row by its number, workflow and last deadline (none for a standing problem)', () => {
    expect(listedProblem(rows[0], importer)).toEqual({
      problemId: '1.1',
      title: '问题1.1',
      workflowId: 'xj-2027/1.1',
      dueAt: '2027-06-30T09:30:00.000Z',
      added: importer,
    });
    expect(listedProblem(rows[2], importer).dueAt).toBe('');
  });

  it('starts with every problem open, and 销号 waits until each is closed or cancelled', () => {
    const h = machineHarness(listTaskInput('清单', rows, importer), T0);
    expect(h.s.problems.map((p) => [p.problemId, p.status])).toEqual([
      ['1.1', 'open'],
      ['1.2', 'open'],
      ['2.3', 'open'],
      ['2.4', 'open'],
    ]);
    expect(h.s.receipt).toBeUndefined();
    expect(h.s.events.map((e) => [e.action, e.detail])).toContainEqual(['problems-listed', '4 个问题']);
    expect(h.refusal('close', { actor: supervisor })).toBe('整改台账中还有 4 个问题未销号');
    for (const p of rows) h.machine.problemEnded(p.taskCode, p.taskCode === '2.3' ? 'cancelled' : 'closed');
    expect(h.refusal('close', { actor: head })).not.toBeNull();
    h.act('close', { actor: supervisor, note: '全部销号' });
    expect(h.s.status).toBe('closed');
  });

  it('takes a row a revision added once, and none after it ended', () => {
    const h = machineHarness(listTaskInput('清单', rows.slice(0, 1), importer), T0);
    const added = listedProblem(row('3.5', 'ecology', '2027-10-31T09:30:00.000Z'), importer);
    expect(h.machine.problemListed(added)).toBe(true);
    expect(h.machine.problemListed(added)).toBe(false);
    expect(h.s.problems.map((p) => p.problemId)).toEqual(['1.1', '3.5']);
    expect(h.s.events.at(-1)).toMatchObject({ action: 'problem-listed', detail: '3.5：问题3.5' });
    h.machine.problemEnded('1.1', 'closed');
    h.machine.problemEnded('3.5', 'closed');
    h.act('close', { actor: supervisor });
    expect(h.machine.problemListed(listedProblem(row('3.6', 'ecology', null), importer))).toBe(false);
  });

  it('a row asks its own unit’s 签收, a problem added to a ledger does not', () => {
    const listed = machineHarness(listedProblemInput('xj-2027/ZG', rows[0]), T0);
    expect(listed.s.parent).toEqual({ workflowId: 'xj-2027/ZG', problemId: '1.1', ownReceipt: true });
    expect(listed.s.receipt).toMatchObject({ ownerUnit: 'ecology', status: 'open' });
    const added = machineHarness({ ...rows[0], parent: { workflowId: 'xj-2027/5.1', problemId: 'P1' } }, T0);
    expect(added.s.receipt).toBeUndefined();
  });
});
