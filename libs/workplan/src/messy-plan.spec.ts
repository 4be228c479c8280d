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
});
