import { leafTasks } from './leaf-tasks';
import { parsePlanText } from './parse-plan-text';

const plan = (tasks: string) => `某区生态环境局2022年工作要点\n三、主要任务\n（一）打好污染防治攻坚战\n${tasks}`;

describe('messy documents', () => {
  it('reads full-width brackets, colons and stray spaces', () => {
    const tree = parsePlanText(plan('1．推进 治理 工作。（ 责任单位 ： 水气股 、 监测站 ）'));
    const [leaf] = leafTasks(tree);
    expect(leaf.item.responsibility?.lead.name).toBe('水气股');
    expect(leaf.item.responsibility?.cooperating.map((u) => u.name)).toEqual(['监测站']);
  });

  it('reads 牵头单位/配合单位 and 责任科室 forms', () => {
    const tree = parsePlanText(
      plan('1、甲事项。(牵头单位:生态股;配合单位:执法分局、监测站)\n2、乙事项。（责任科室：综合科）'),
    );
    const [a, b] = leafTasks(tree);
    expect(a.item.responsibility?.lead.name).toBe('生态股');
    expect(a.item.responsibility?.cooperating.map((u) => u.name)).toEqual(['执法分局', '监测站']);
    expect(b.item.responsibility?.lead.name).toBe('综合科');
  });

  it('warns, with the line, about a missing closing bracket and still reads the units', () => {
    const tree = parsePlanText(plan('1.甲事项。(责任单位:水气股、监测站\n2.乙事项。(责任单位:生态股)'));
    expect(leafTasks(tree)[0].item.responsibility?.cooperating.map((u) => u.name)).toEqual(['监测站']);
    expect(tree.warnings).toContainEqual(expect.objectContaining({ code: 'missing-closing-bracket', line: 4 }));
  });

  it('warns about a leaf without units and a numbering gap', () => {
    const tree = parsePlanText(plan('1.甲事项。\n3.丙事项。(责任单位:生态股)'));
    expect(tree.warnings).toContainEqual(expect.objectContaining({ code: 'no-responsible-unit', line: 4 }));
    expect(tree.warnings).toContainEqual(expect.objectContaining({ code: 'numbering-gap', line: 5 }));
  });

  it('keeps duplicate numbers apart and says so', () => {
    const tree = parsePlanText(plan('1.甲。(责任单位:生态股)\n1.乙。(责任单位:水气股)'));
    expect(leafTasks(tree).map((l) => l.item.code)).toEqual(['1.1', '1.1-2']);
    expect(tree.warnings).toContainEqual(expect.objectContaining({ code: 'duplicate-code', line: 5 }));
  });

  it('reads every kind of deadline', () => {
    const tree = parsePlanText(
      plan(
        [
          '1.甲。2022年6月底前完成。(责任单位:生态股)',
          '2.乙。完成时限:2022年11月30日前。(责任单位:生态股)',
          '3.丙。年底前完成验收。(责任单位:生态股)',
          '4.丁。每季度报送进展。(责任单位:生态股)',
          '5.戊。每月调度。(责任单位:生态股)',
          '6.己。长期坚持。(责任单位:生态股)',
          '7.庚。无时限。(责任单位:生态股)',
        ].join('\n'),
      ),
    );
    expect(leafTasks(tree).map((l) => l.item.deadline)).toEqual([
      { kind: 'date', date: '2022-06-30', defaulted: false, raw: '2022年6月底前' },
      { kind: 'date', date: '2022-11-30', defaulted: false, raw: '2022年11月30日前' },
      { kind: 'date', date: '2022-12-31', defaulted: false, raw: '年底前' },
      { kind: 'recurring', every: 'quarter', defaulted: false, raw: '每季度' },
      { kind: 'recurring', every: 'month', defaulted: false, raw: '每月' },
      { kind: 'ongoing', defaulted: false, raw: '长期坚持' },
      { kind: 'date', date: '2022-12-31', defaulted: true, raw: '' },
    ]);
  });

  it('reads plans whose task sections are numbered 一、二、 without a 主要任务 heading', () => {
    const tree = parsePlanText(
      '某县2023年环境保护工作要点\n一、总体要求\n坚持。\n二、大气治理\n1.控尘。(责任单位:水气股)\n三、水治理\n1.治河。(责任单位:水气股)',
    );
    expect(tree.sections.map((s) => s.title)).toEqual(['大气治理', '水治理']);
    expect(leafTasks(tree)).toHaveLength(2);
  });

  it('reads 一、 sections under an unnumbered 主要任务 heading, and stops at 保障措施', () => {
    const tree = parsePlanText(
      '某县2023年工作要点\n主要任务\n一、大气治理\n1.控尘。(责任单位:水气股)\n二、水治理\n1.治河。(责任单位:生态股)\n三、保障措施\n1.加强领导。',
    );
    expect(tree.sections.map((s) => [s.code, s.title])).toEqual([
      ['1', '大气治理'],
      ['2', '水治理'],
    ]);
    expect(leafTasks(tree).map((l) => l.item.code)).toEqual(['1.1', '2.1']);
  });

  it('ends the tasks at the next numbered chapter after 三、主要任务', () => {
    const tree = parsePlanText(
      '某县2023年工作要点\n三、主要任务\n(一)大气\n1.控尘。(责任单位:水气股)\n四、其他事项\n1.不是任务。',
    );
    expect(leafTasks(tree).map((l) => l.item.code)).toEqual(['1.1']);
  });

  it('puts items written straight under 主要任务 into one section named by the heading', () => {
    const tree = parsePlanText(
      '某县2023年工作要点\n三、重点任务\n1.控尘。(责任单位:水气股)\n2.治河。(责任单位:生态股)',
    );
    expect(tree.sections.map((s) => [s.code, s.title, s.items.length])).toEqual([['1', '重点任务', 2]]);
    expect(tree.warnings.filter((w) => w.code === 'unknown-line')).toEqual([]);
  });

  it('takes (1) numbering for items when a section has no 1. level', () => {
    const tree = parsePlanText(plan('（1）控尘。（责任单位：水气股）\n（2）治河。（责任单位：生态股）'));
    expect(leafTasks(tree).map((l) => [l.item.code, l.item.responsibility?.lead.name])).toEqual([
      ['1.1', '水气股'],
      ['1.2', '生态股'],
    ]);
  });

  it('drops a chapter that holds no items, and says so', () => {
    const tree = parsePlanText(
      '某县2023年工作要点\n一、工作回顾\n去年完成了任务。\n二、大气治理\n1.控尘。(责任单位:水气股)',
    );
    expect(tree.sections.map((s) => s.title)).toEqual(['大气治理']);
    expect(tree.warnings).toContainEqual(expect.objectContaining({ code: 'unknown-line', line: 2 }));
  });

  it('reads targets and units written with the other bracket and colon forms', () => {
    const tree = parsePlanText(
      '某县2023年工作要点\n二、主要目标\n1、PM2.5年均浓度控制在30微克/立方米以内；\n三、主要任务\n（一）大气\n1．控尘。【责任股室：水气股、各科室】',
    );
    expect(tree.targets[0].indicators[0]).toMatchObject({ comparator: 'lte', value: 30, unit: '微克/立方米' });
    expect(leafTasks(tree)[0].item.responsibility).toEqual({
      lead: { name: '水气股', kind: 'unit' },
      cooperating: [{ name: '各科室', kind: 'all-sections' }],
      raw: '责任股室:水气股、各科室',
    });
  });

  it('points a missing closing bracket at the wrapped line it is on', () => {
    const tree = parsePlanText(
      plan('1.甲事项,内容较长\n接续的一行。(责任单位:水气股、监测站\n2.乙事项。(责任单位:生态股)'),
    );
    expect(tree.warnings).toContainEqual(expect.objectContaining({ code: 'missing-closing-bracket', line: 5 }));
    expect(leafTasks(tree)[0].item.body).toBe('甲事项,内容较长接续的一行。');
  });

  it('gives sub-items without a deadline the one their parent item wrote', () => {
    const tree = parsePlanText(
      plan('1.总事项。2022年9月底前完成。\n1)子甲。(责任单位:水气股)\n2)子乙。完成时限:每月。(责任单位:生态股)'),
    );
    expect(
      leafTasks(tree).map((l) => [l.item.code, l.item.deadline.kind, l.item.deadline.date ?? l.item.deadline.every]),
    ).toEqual([
      ['1.1.1', 'date', '2022-09-30'],
      ['1.1.2', 'recurring', 'month'],
    ]);
  });

  it('reads the 一、 → （一） → 1. hierarchy of plans without a 主要任务 heading', () => {
    const tree = parsePlanText(
      [
        '某县生态环境局2022年工作要点',
        '2022年工作的总体思路是稳中求进。',
        '一、深入打好蓝天保卫战',
        '（一）加强臭氧治理。（责任股室：大气股）',
        '（二）推进重点行业治理。',
        '1.钢铁超低排放。（责任股室：大气股、执法大队）',
        '2.水泥深度治理。（责任股室：执法大队）',
        '二、深入打好碧水保卫战',
        '（一）整治黑臭水体。（责任股室：水股）',
        '三、保障措施',
        '（一）加强组织领导。',
      ].join('\n'),
    );
    expect(leafTasks(tree).map((l) => [l.item.code, l.item.title, l.item.responsibility?.lead.name])).toEqual([
      ['1.1', '加强臭氧治理', '大气股'],
      ['1.2.1', '钢铁超低排放', '大气股'],
      ['1.2.2', '水泥深度治理', '执法大队'],
      ['2.1', '整治黑臭水体', '水股'],
    ]);
  });
});
