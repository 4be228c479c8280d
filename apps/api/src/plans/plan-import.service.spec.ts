import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { supervisor } from '@duban/domain/task/task-snapshot.fixtures';
import { PlanEntity } from '@duban/persistence/entities';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { PlanImportWrite } from '@duban/persistence/repositories/plan-writer';
import { Transactions, TransactionScope } from '@duban/persistence/repositories/transactions';
import { DEFAULT_ORG_UNITS } from '@duban/persistence/seed/default-org-units';
import { inMemoryUnits, inMemoryUsers } from '@duban/persistence/testing/in-memory-accounts';
import { parsePlanText } from '@duban/workplan/parse-plan-text';
import { PlanImportService } from './plan-import.service';
import { TaskLaunch, TaskWorkflowStarter } from './task-launch';
import { taskLaunchFactory } from './task-launch.factory';

const PLAN = readFileSync(join(__dirname, '../../../../libs/workplan/fixtures/xinjian-2021-workplan.txt'), 'utf8');
const UNKNOWN_LEAD = (text: string) =>
  text.replace('(责任单位:水气股)\n\n2.配合推进碳交易工作', '(责任单位:碳达峰办公室)\n\n2.配合推进碳交易工作');
/** An inspection's problem list, three problems of two units; a revision adds a fourth. */
const LIST = [
  '某区2027年省级生态环境保护督察反馈问题整改清单',
  '一、大气污染防治',
  '1.城区建筑工地扬尘管控不到位。2027年6月30日前完成。(责任单位:水气股)',
  '2.部分加油站油气回收装置不正常运行。2027年9月30日前完成。(责任单位:执法分局)',
  '二、水污染防治',
  '3.乡镇污水处理厂进水浓度偏低。2027年11月30日前完成。(责任单位:水气股)',
  '',
].join('\n');
const LIST_REVISED = `${LIST}4.入河排污口底数不清。2027年10月31日前完成。(责任单位:生态股)\n`;
const REVISED = (text: string) => text.replace(/4\.加强生态环境保护铁军建设。[^\n]*\n/, '');

/**
 * The import over in-memory repositories: a transaction commits what its work wrote only when the
 * work resolves; the starter records what it was asked to start and cancel, and when.
 */
function importer(options: { failWrite?: boolean } = {}) {
  const units = inMemoryUnits(DEFAULT_ORG_UNITS);
  const log: string[] = [];
  const committed: PlanImportWrite[] = [];
  let stored: PlanEntity | null = null;
  const plans = { find: async (id: string) => (stored?.id === id ? stored : null) } as unknown as PlanRepository;
  const transactions = {
    run: async <T>(work: (tx: TransactionScope) => Promise<T>): Promise<T> => {
      const unitsBefore = units.rows.map((u) => ({ ...u, aliases: [...u.aliases] }));
      const staged: PlanImportWrite[] = [];
      const scope = {
        units: units.repository,
        users: inMemoryUsers().repository,
        plans: {
          write: async (w: PlanImportWrite) => {
            if (options.failWrite) throw new Error('connection lost');
            staged.push(w);
          },
        },
        advisoryLock: async () => undefined,
      } as unknown as TransactionScope;
      try {
        const result = await work(scope);
        for (const w of staged) {
          committed.push(w);
          const revision = (stored?.revision ?? 0) + 1;
          stored = { id: w.plan.id, contentHash: w.plan.contentHash, tree: w.plan.tree, revision } as PlanEntity;
          log.push(`commit ${w.plan.id}`);
        }
        return result;
      } catch (error) {
        units.rows.splice(0, units.rows.length, ...unitsBefore);
        throw error;
      }
    },
  } as unknown as Transactions;
  const started: TaskLaunch[] = [];
  const cancelled: { ids: string[]; reason: string }[] = [];
  const listed: { listTaskId: string; problems: string[] }[] = [];
  const starter: TaskWorkflowStarter = {
    ensureStarted: async (launches) => {
      log.push(`start ${launches.length}`);
      started.push(...launches);
      return { started: launches.length, existing: 0, failed: 0 };
    },
    cancelRemoved: async (ids, reason) => {
      cancelled.push({ ids, reason });
      return ids.length;
    },
    listProblems: async (listTaskId, problems) => {
      listed.push({ listTaskId, problems: problems.map((p) => p.problemId) });
    },
  };
  const service = new PlanImportService(plans, units.repository, transactions, starter, taskLaunchFactory());
  const run = (text: string, opts: Parameters<PlanImportService['importPlan']>[1] = {}) =>
    service.importPlan(parsePlanText(text), { planId: 'plan-2021', actor: supervisor, ...opts });
  return { run, units: units.rows, committed, started, cancelled, listed, log };
}

describe('importing a plan (all or nothing, then the workflows)', () => {
  it('writes the plan, every item with its units, the indicators and one event; then starts each leaf', async () => {
    const w = importer();
    const result = await w.run(PLAN);
    expect(result).toMatchObject({ status: 'new', applied: true, requiresConfirmation: false });
    expect(w.committed).toHaveLength(1);
    const write = w.committed[0];
    expect(write.plan).toMatchObject({ id: 'plan-2021', year: 2021, importedBy: supervisor.userId });
    expect(write.items).toHaveLength(result.counts.items);
    expect(write.items.find((i) => i.code === '2.1')).toMatchObject({
      id: 'plan-2021/2.1',
      isLeaf: true,
      leadUnit: 'water-air',
    });
    expect(write.items.filter((i) => !i.isLeaf).every((i) => i.kind === null)).toBe(true);
    expect(write.indicators.length).toBe(
      result.counts.indicators + write.indicators.filter((i) => i.qualitative).length,
    );
    expect(write.event).toMatchObject({ action: 'plan-import', actor: supervisor });
    expect(write.removedCodes).toEqual([]);
    // The workflows start only after the commit, one per leaf, under the task's id.
    expect(w.log).toEqual(['commit plan-2021', `start ${result.counts.leaves}`]);
    expect(w.started.map((l) => l.taskId).sort()).toEqual(
      write.items
        .filter((i) => i.isLeaf)
        .map((i) => i.id)
        .sort(),
    );
  });

  it('writes nothing for the same content again, and only makes sure every workflow runs', async () => {
    const w = importer();
    await w.run(PLAN);
    const again = await w.run(PLAN);
    expect(again).toMatchObject({ status: 'unchanged', applied: false });
    expect(w.committed).toHaveLength(1);
    expect(w.log.filter((l) => l.startsWith('start'))).toHaveLength(2);
  });

  it('applies a revision only when confirmed: the dropped task is marked and its workflow cancelled', async () => {
    const w = importer();
    await w.run(PLAN);
    const preview = await w.run(REVISED(PLAN));
    expect(preview).toMatchObject({ status: 'changed', applied: false, requiresConfirmation: true });
    expect(w.committed).toHaveLength(1);
    const confirmed = await w.run(REVISED(PLAN), { confirm: true });
    expect(confirmed).toMatchObject({ status: 'changed', applied: true });
    expect(w.committed[1]).toMatchObject({ removedCodes: ['9.4'], event: { action: 'plan-revision' } });
    expect(w.cancelled).toEqual([{ ids: ['plan-2021/9.4'], reason: expect.stringContaining('第 2 版') }]);
    expect(w.started.filter((l) => l.taskId === 'plan-2021/9.4')).toHaveLength(1);
  });

  it('imports an inspection list as one rectification task whose ledger holds every row', async () => {
    const w = importer();
    const result = await w.run(LIST, { planId: 'zg-2027' });
    expect(result.status).toBe('new');
    const [list, ...rows] = w.started;
    // The list's own task starts first: lead by most problems, the other unit cooperating, 销号 only.
    expect(list.taskId).toBe('zg-2027/ZG');
    expect(list.input).toMatchObject({
      kind: 'rectification',
      leadUnit: 'water-air',
      cooperatingUnits: ['enforcement'],
      policy: { receiptWorkdays: 0 },
    });
    expect(list.input.stages.map((st) => st.key)).toEqual(['closure']);
    expect(list.input.problems?.map((p) => [p.workflowId, p.added.by])).toEqual(
      rows.map((r) => [r.taskId, supervisor.userId]),
    );
    // Each row is a rectification of its own unit, asking that unit's 签收, and names its list.
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.input).toMatchObject({
        kind: 'rectification',
        parent: { workflowId: 'zg-2027/ZG', problemId: r.input.taskCode, ownReceipt: true },
        policy: { receiptWorkdays: 2 },
      });
    }
    expect(list.input.problems?.map((p) => p.dueAt)).toEqual(rows.map((r) => r.input.stages.at(-2)?.dueAt));
    // The ledger holds the list's row first (due with its last problem), the rows under it.
    const items = w.committed[0].items.filter((i) => i.isLeaf);
    expect(items[0]).toMatchObject({ id: 'zg-2027/ZG', code: 'ZG', ordinal: -1, dueDate: '2027-11-30' });
    expect(items.slice(1).every((i) => i.parentCode === 'ZG' && i.sourceKind === 'inspection')).toBe(true);
    expect(w.listed).toEqual([]);
  });

  it('tells a running list of the rows its revision adds, and of those only', async () => {
    const w = importer();
    await w.run(LIST, { planId: 'zg-2027' });
    await w.run(LIST_REVISED, { planId: 'zg-2027', confirm: true });
    const added = w.started.slice(4).find((l) => l.input.leadUnit === 'ecology');
    expect(added?.input.parent?.workflowId).toBe('zg-2027/ZG');
    expect(w.listed).toEqual([{ listTaskId: 'zg-2027/ZG', problems: [added!.input.taskCode] }]);
  });

  it('gives every task the import’s 序时进度 policy, and refuses one it cannot read before writing', async () => {
    const w = importer();
    await w.run(PLAN, { progress: 'quarterly:20,50,80,100/5,15' });
    expect(w.started.every((l) => l.input.policy.progress?.curve.kind === 'quarterly')).toBe(true);
    expect(w.started[0].input.policy.progress).toMatchObject({ yellowGap: 5, redGap: 15 });
    const plain = importer();
    await plain.run(PLAN);
    expect(plain.started[0].input.policy.progress).toEqual({ curve: { kind: 'linear' }, yellowGap: 10, redGap: 30 });
    const bad = importer();
    await expect(bad.run(PLAN, { progress: 'monthly' })).rejects.toMatchObject({
      code: 'BAD_PROGRESS_POLICY',
      details: { field: 'progress' },
    });
    expect([bad.committed, bad.started]).toEqual([[], []]);
  });

  it('refuses unknown units with each name and line, writing and starting nothing', async () => {
    const w = importer();
    await expect(w.run(UNKNOWN_LEAD(PLAN))).rejects.toMatchObject({
      status: 400,
      code: 'UNKNOWN_UNITS',
      details: { unknownUnits: [{ name: '碳达峰办公室', lines: [52] }] },
    });
    expect(w.committed).toEqual([]);
    expect(w.started).toEqual([]);
  });

  it('creates the unknown unit on request, in the transaction of the plan', async () => {
    const w = importer();
    const result = await w.run(UNKNOWN_LEAD(PLAN), { createUnknownUnits: true });
    expect(result.createdUnits).toEqual(['碳达峰办公室']);
    const created = w.units.find((u) => u.name === '碳达峰办公室')!;
    expect(created).toMatchObject({ kind: 'section', active: true });
    expect(w.committed[0].items.find((i) => i.code === '2.1')?.leadUnit).toBe(created.code);
  });

  it('leaves no unit and starts no workflow when the write fails', async () => {
    const w = importer({ failWrite: true });
    await expect(w.run(UNKNOWN_LEAD(PLAN), { createUnknownUnits: true })).rejects.toThrow('connection lost');
    expect(w.units.some((u) => u.name === '碳达峰办公室')).toBe(false);
    expect(w.started).toEqual([]);
  });

  it('writes and starts nothing on a dry run', async () => {
    const w = importer();
    const result = await w.run(PLAN, { dryRun: true });
    expect(result).toMatchObject({ status: 'new', applied: false, dryRun: true });
    expect(w.log).toEqual([]);
  });
});
