import { PlanTree } from '../../../domain/src/plan/plan-tree';
import { leafTasks } from '../leaf-tasks';
import { parsePlan } from '../parse-plan';
import { buildDocx } from '../testing/build-docx';

const leaves = (tree: PlanTree) =>
  leafTasks(tree).map(({ item }) => [
    item.code,
    item.title,
    item.responsibility?.lead.name,
    item.responsibility?.cooperating.map((u) => u.name),
    item.deadline.date ?? item.deadline.every ?? item.deadline.kind,
  ]);

const expected = [
  ['1.1', '开展臭氧污染防治', '水气股', ['监测站'], '2022-06-30'],
  ['1.2', '推进扬尘治理', '水气股', ['执法分局', '各股室'], 'month'],
  ['2.1', '整治黑臭水体', '生态股', [], '2022-12-31'],
];

describe('task lists laid out as tables', () => {
  it('reads an HTML table: merged rows are sections, the others items', async () => {
    const html = `<html><body>
      <h1>某区生态环境局2022年重点任务清单</h1>
      <table><tr><td>索引号</td><td>123</td></tr><tr><td>发布机构</td><td>某区生态环境局</td></tr></table>
      <p>三、主要任务</p>
      <table>
        <tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
        <tr><td colspan="5">（一）大气污染防治</td></tr>
        <tr><td>1</td><td>开展臭氧污染防治。制定方案。</td><td>水气股</td><td>监测站</td><td>2022年6月底前</td></tr>
        <tr><td>2</td><td>推进扬尘治理</td><td>水气股</td><td>执法分局、各股室</td><td>每月</td></tr>
        <tr><td colspan="5">（二）水污染防治</td></tr>
        <tr><td>1</td><td>整治黑臭水体</td><td>生态股</td><td></td><td>年底前</td></tr>
      </table></body></html>`;
    const tree = await parsePlan(Buffer.from(html), { filename: 'list.html' });
    expect(leaves(tree)).toEqual(expected);
    expect(tree.sections.map((s) => s.title)).toEqual(['大气污染防治', '水污染防治']);
    expect(tree.metadata).toMatchObject({ year: 2022, issuer: '某区生态环境局' });
  });

  it('reads the same table from a .docx, sections given in the 序号 column', async () => {
    const docx = await buildDocx([
      { text: '某区生态环境局2022年重点任务清单' },
      { text: '主要任务' },
      {
        text: '',
        table: [
          ['序号', '工作任务', '责任单位', '完成时限'],
          ['一', '大气污染防治', '', ''],
          ['1', '开展臭氧污染防治', '水气股、监测站', '2022年6月底前'],
          ['2', '推进扬尘治理', '水气股、执法分局、各股室', '每月'],
          ['二', '水污染防治', '', ''],
          ['1', '整治黑臭水体', '生态股', '年底前'],
        ],
      },
    ]);
    expect(leaves(await parsePlan(docx, { filename: 'list.docx' }))).toEqual(expected);
  });
});
