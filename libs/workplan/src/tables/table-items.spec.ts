import { PlanTree } from '@duban/domain/plan/plan-tree';
import { leafTasks } from '../leaf-tasks';
import { parsePlan } from '../parse-plan';
import { buildDocx } from '../testing/build-docx';
import { buildXlsx } from '../testing/build-xlsx';
import { rectificationWorkbook } from '../testing/rectification-workbook';
import { taskBreakdownDocx } from '../testing/task-breakdown-docx';

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

describe('merged cells and the shapes tables take', () => {
  const rows = (tree: PlanTree) =>
    leafTasks(tree).map(({ item }) => [
      item.code,
      item.title,
      item.responsibility?.lead.name,
      item.responsibility?.cooperating.map((u) => u.name) ?? [],
      (item.deadlines ?? [item.deadline]).filter((d) => !d.defaulted).map((d) => d.date ?? d.every ?? d.kind),
    ]);

  it('reads a merged task over its measures as a heading, each measure a task (Word vMerge)', async () => {
    const tree = await parsePlan(await taskBreakdownDocx(), { filename: 'breakdown.docx' });
    expect(rows(tree)).toEqual([
      ['1.1.1', '编制2027年臭氧污染防控方案', '大气股', ['监测站'], ['2027-04-30']],
      ['1.1.2', '完成12家涉VOCs企业“一企一策”治理', '大气股', ['执法大队'], ['2027-09-30']],
      ['1.2', '重污染天气应对', '大气股', [], ['2027-10-31']],
      ['1.3.1', '开展千吨万人水源地环境问题排查', '水生态股', ['监测站', '执法大队'], ['2027-06-30']],
      ['1.3.2', '每季度开展一次水源地水质监测', '监测站', [], ['quarter']],
      ['2.4', '“双随机、一公开”执法检查', '执法大队', [], ['2027-12-31']],
      ['2.5', '环境信访办理', '综合股', ['各股室'], ['ongoing']],
    ]);
    expect(tree.sections.map((s) => s.title)).toEqual(['污染防治攻坚', '生态环境监管']);
  });

  it('reads an Excel 整改清单: category merged down, 配合单位, people left out, the notes sheet ignored', async () => {
    const tree = await parsePlan(await rectificationWorkbook(), { filename: '整改清单.xlsx' });
    expect(tree.metadata).toMatchObject({ title: '某区2027年省级生态环境保护督察反馈问题整改清单', year: 2027 });
    expect(tree.sections.map((s) => s.title)).toEqual(['大气污染防治', '水污染防治', '生态保护修复']);
    expect(rows(tree)).toEqual([
      ['1.1', '城区建筑工地扬尘管控不到位,部分工地裸土未覆盖', '区住建局', ['执法大队', '区城管局'], ['2027-06-30']],
      ['1.2', '部分加油站油气回收装置不正常运行', '区生态环境分局', ['区商务局'], ['ongoing']],
      ['1.3', '餐饮油烟扰民投诉较多', '区城管局', ['各街道办事处', '区市场监管局'], ['2027-12-31']],
      ['2.4', '乡镇污水处理厂进水浓度偏低', '区水务局', ['各乡镇人民政府'], ['2027-09-30']],
      ['2.5', '入河排污口底数不清', '区生态环境分局', ['区水务局', '区农业农村局'], ['2027-03-31', '2027-11-30']],
      ['3.6', '自然保护区实验区内存在违规建设项目', '区林业局', ['区自然资源局'], ['2027-12-31']],
    ]);
    expect(JSON.stringify(tree)).not.toMatch(/张某某|填表说明/);
    // Each task points at its row of the sheet; numbering on through the categories is no gap.
    expect(leafTasks(tree).map(({ item }) => item.source.cell)).toEqual(
      [3, 4, 5, 6, 7, 8].map((r) => `整改清单 第 ${r} 行`),
    );
    expect(tree.warnings.filter((w) => w.code === 'numbering-gap')).toEqual([]);
  });

  it('reads a 序号 numeral merged over a group of rows as a chapter, and a two-row header', async () => {
    const xlsx = await buildXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['2027年民生实事项目进度表'],
          ['序号', '牵头单位', '项目名称', '项目名称', '业主单位', '本月进展情况', '本月进展情况'],
          ['序号', '牵头单位', '项目名称', '项目名称', '业主单位', '前期手续', '在建形象进度'],
          ['一', '区住建局', '（一）断头路攻坚', '1.文化中心北路', '区城投', '', '已完工'],
          ['一', '区住建局', '（一）断头路攻坚', '2.乐业路', '区城管局', '', '已完工'],
          ['二', '区城管局', '（一）井盖整治项目', '（一）井盖整治项目', '区城管局 区水投', '', '在建'],
        ],
        merges: ['A1:G1', 'A2:A3', 'B2:B3', 'C2:D3', 'E2:E3', 'F2:G2', 'A4:A5', 'B4:B5', 'C4:C5', 'C6:D6'],
      },
    ]);
    const tree = await parsePlan(xlsx, { filename: 'progress.xlsx' });
    expect(rows(tree)).toEqual([
      ['1.1.1', '文化中心北路', '区住建局', ['区城投'], []],
      ['1.1.2', '乐业路', '区住建局', ['区城管局'], []],
      ['2.1', '井盖整治项目', '区城管局', ['区水投'], []],
    ]);
  });

  it('puts the cells of a copied rowspan back under their columns', async () => {
    const text = [
      '2021年民生实事进展情况登记表',
      '项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |',
      '1.城市人居环境提升项目 | 对人民中路等3条城区道路进行综合提升改造; | 11月 | 建设局 |',
      '2021.8 | 城投集团 | ||',
      '对七星路等重点区域进行绿化亮化提档升级; | 2021.12 | 城投集团 | |',
      '2.生态公墓建设项目 | 新建生态公益性墓地15处 | 10月底 | 民政局 |',
    ].join('\n');
    const tree = await parsePlan(Buffer.from(text), { filename: 'list.txt' });
    expect(rows(tree)).toEqual([
      ['1.1.1', '对人民中路等3条城区道路进行综合提升改造', '建设局', ['城投集团'], ['2021-11-30', '2021-08-31']],
      ['1.1.2', '对七星路等重点区域进行绿化亮化提档升级', '城投集团', [], ['2021-12-31']],
      ['1.2', '生态公墓建设项目', '民政局', [], ['2021-10-31']],
    ]);
    expect(tree.metadata.title).toBe('2021年民生实事进展情况登记表');
  });

  it('reads records written as labelled lines', async () => {
    const text = [
      '某县省级生态环境保护督察反馈问题整改情况公示',
      '一、反馈问题整改情况',
      '问题编号:第二十七项',
      '整改目标:提升畜禽粪污处理和资源化利用能力。',
      '整改时限:2021年12月底前',
      '责任单位:县畜牧兽医事务服务中心',
      '整改情况:已完成。',
      '问题编号:第二十八项',
      '整改目标:完成城区污水管网改造。',
      '整改时限:2022年6月底前',
      '责任单位:县住建局',
      '公示时间:2021年1月6日至1月10日。',
    ].join('\n');
    const tree = await parsePlan(Buffer.from(text), { filename: 'notice.txt' });
    expect(rows(tree)).toEqual([
      ['1.1', '提升畜禽粪污处理和资源化利用能力', '县畜牧兽医事务服务中心', [], ['2021-12-31']],
      ['1.2', '完成城区污水管网改造', '县住建局', [], ['2022-06-30']],
    ]);
  });
});
