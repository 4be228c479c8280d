import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leafTasks } from '../leaf-tasks';
import { parsePlan } from '../parse-plan';
import { validatePlanJson } from '../validate-plan-json';
import { draftFromTree, draftProblems, PlanDraft, treeFromDraft } from './plan-draft';

const bundled = () =>
  parsePlan(readFileSync(join(__dirname, '..', '..', 'fixtures', 'xinjian-2021-workplan.txt')), {
    filename: 'plan.txt',
  });

const leafFacts = (tree: Awaited<ReturnType<typeof bundled>>) =>
  leafTasks(tree).map(({ item }) => ({
    title: item.title,
    lead: item.responsibility?.lead.name,
    cooperating: item.responsibility?.cooperating.map((u) => u.name),
    due: item.deadline.defaulted ? 'default' : (item.deadline.date ?? item.deadline.every ?? item.deadline.kind),
  }));

describe('the import preview draft', () => {
  it('gives back the same 45 tasks, units and deadlines when nothing is changed', async () => {
    const tree = await bundled();
    const draft = draftFromTree(tree);
    expect(draft.rows).toHaveLength(45);
    expect(draftProblems(draft)).toEqual([]);
    const again = validatePlanJson(JSON.parse(JSON.stringify(treeFromDraft(draft))));
    expect(leafFacts(again)).toEqual(leafFacts(tree));
    // Sub-items stay under their item.
    expect(leafTasks(again).filter(({ item }) => item.code.split('.').length === 3)).toHaveLength(16);
  });

  it('numbers edited rows afresh, drops emptied sections, keeps groups together', async () => {
    const draft: PlanDraft = draftFromTree(await bundled());
    const firstSection = draft.rows.filter((r) => r.section === 0).length;
    draft.rows = draft.rows.filter((r) => r.section !== 0);
    draft.rows[0] = { ...draft.rows[0], title: '改过的标题', lead: '区发改局', cooperating: ['监测站、执法分局'] };
    draft.rows.splice(1, 0, { ...draft.rows[0], title: '新增的一行', deadline: { kind: 'recurring', every: 'month' } });
    const tree = treeFromDraft(draft);
    expect(tree.sections[0].title).toBe(draft.sections[1].title);
    const leaves = leafTasks(tree);
    expect(leaves).toHaveLength(45 - firstSection + 1);
    expect(leaves[0].item).toMatchObject({
      code: '1.1',
      title: '改过的标题',
      responsibility: { lead: { name: '区发改局' }, cooperating: [{ name: '监测站' }, { name: '执法分局' }] },
    });
    expect(leaves[1].item).toMatchObject({ code: '1.2', deadline: { kind: 'recurring', every: 'month' } });
  });

  it('names each mistake with its row', async () => {
    const draft = draftFromTree(await bundled());
    draft.rows[2] = { ...draft.rows[2], title: ' ', lead: '' };
    draft.rows[4] = { ...draft.rows[4], deadline: { kind: 'date', dates: ['2021-02-30', '1999-01-01'] } };
    draft.rows[5] = { ...draft.rows[5], deadline: { kind: 'date', dates: [] } };
    expect(draftProblems(draft)).toEqual([
      { row: 2, field: 'title', message: '第 3 行：任务名称不能为空' },
      { row: 2, field: 'lead', message: '第 3 行：请填写牵头单位' },
      {
        row: 4,
        field: 'deadline',
        message: '第 5 行：完成日期“2021-02-30”不是 2020–2023 年间的日期（格式 2021-06-30）',
      },
      {
        row: 4,
        field: 'deadline',
        message: '第 5 行：完成日期“1999-01-01”不是 2020–2023 年间的日期（格式 2021-06-30）',
      },
      { row: 5, field: 'deadline', message: '第 6 行：请填写完成日期（如 2021-06-30），或改为“未写（按年底）”' },
    ]);
    expect(draftProblems({ ...draft, rows: [] })).toEqual([
      { row: null, field: 'rows', message: '没有任何任务：请至少保留一行' },
    ]);
  });
});
