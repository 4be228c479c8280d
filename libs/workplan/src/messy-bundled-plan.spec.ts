import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { leafTasks } from './leaf-tasks';
import { parsePlanText } from './parse-plan-text';

/** Messy variants of the real plan: each edit is made on a known line, and checked there. */
const original = readFileSync(join(__dirname, '..', 'fixtures', 'xinjian-2021-workplan.txt'), 'utf8');
const lines = original.split('\n');
const reference = parsePlanText(original);

const lineOf = (fragment: string) => lines.findIndex((l) => l.includes(fragment)) + 1;
const edit = (line: number, change: (l: string) => string) =>
  lines.map((l, i) => (i === line - 1 ? change(l) : l)).join('\n');
const units = (tree: PlanTree) =>
  leafTasks(tree).map((l) => [
    l.item.code,
    l.item.responsibility?.lead.name,
    l.item.responsibility?.cooperating.map((u) => u.name),
  ]);
const leaf = (tree: PlanTree, code: string) => leafTasks(tree).find((l) => l.item.code === code)!.item;

describe('messy variants of the bundled plan', () => {
  it('a missing closing bracket: same units, a warning on that line', () => {
    const at = lineOf('3.加大帮扶和服务力度');
    const tree = parsePlanText(edit(at, (l) => l.replace(/\)\s*$/, '')));
    expect(units(tree)).toEqual(units(reference));
    expect(tree.warnings).toContainEqual(expect.objectContaining({ code: 'missing-closing-bracket', line: at }));
  });

  it('stray spaces everywhere: the same tree', () => {
    const spaced = lines.map((l) => l.replace(/([、:(])/g, ' $1 ').replace(/^(\d+)\./, '$1 . ')).join('\n');
    const tree = parsePlanText(spaced);
    expect(units(tree)).toEqual(units(reference));
    expect(leafTasks(tree).map((l) => l.item.title)).toEqual(leafTasks(reference).map((l) => l.item.title));
  });

  it('full-width brackets, colons and full stops: the same tree', () => {
    const wide = original
      .replace(/\(/g, '（')
      .replace(/\)/g, '）')
      .replace(/:/g, '：')
      .replace(/^(\d+)\./gm, '$1．');
    expect(units(parsePlanText(wide))).toEqual(units(reference));
  });

  it('a 牵头单位/配合单位 clause in place of 责任单位', () => {
    const at = lineOf('3.建立健全应对气候变化管理体系');
    const tree = parsePlanText(edit(at, (l) => l.replace('(责任单位:水气股、', '（牵头单位：水气股；配合单位：')));
    expect(leaf(tree, '2.3').responsibility).toMatchObject({
      lead: { name: '水气股' },
      cooperating: [{ name: '环评与辐射股' }, { name: '执法分局' }, { name: '办公室' }],
    });
  });

  it('deadlines of every kind, each read on its own item', () => {
    const kinds: [string, string][] = [
      ['1.编制实施“十四五”全区生态环境规划', ';完成时限:2021年6月底前'],
      ['2.统筹编制生态环境保护专项规划', ';完成时限:2022年11月30日前'],
      ['3.研究美丽南昌建设远景目标', ';时间节点:年底前'],
      ['1.制定实施全区碳排放达峰行动方案', ';完成时限:每季度'],
      ['2.配合推进碳交易工作', ';完成时限:每月'],
      ['3.建立健全应对气候变化管理体系', ';完成时限:长期坚持'],
    ];
    let text = original;
    for (const [item, field] of kinds) {
      text = text.replace(new RegExp(`(${item.replace('.', '\\.')}[^\\n]*?)\\)\\s*$`, 'm'), `$1${field})`);
    }
    const tree = parsePlanText(text);
    expect(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3'].map((c) => leaf(tree, c).deadline)).toEqual([
      { kind: 'date', date: '2021-06-30', defaulted: false, raw: '2021年6月底前' },
      { kind: 'date', date: '2022-11-30', defaulted: false, raw: '2022年11月30日前' },
      { kind: 'date', date: '2021-12-31', defaulted: false, raw: '年底前' },
      { kind: 'recurring', every: 'quarter', defaulted: false, raw: '每季度' },
      { kind: 'recurring', every: 'month', defaulted: false, raw: '每月' },
      { kind: 'ongoing', defaulted: false, raw: '长期坚持' },
    ]);
    expect(units(tree)).toEqual(units(reference));
    expect(tree.warnings.find((w) => w.code === 'deadline-defaulted')?.message).toContain('39');
  });

  it('an item wrapped over two lines by a converter is joined back', () => {
    const at = lineOf('3.研究美丽南昌建设远景目标');
    const wrapped = edit(at, (l) => l.replace('合理设置阶段性目标和任务,', '合理设置阶段性目标和任务,\n'));
    const tree = parsePlanText(wrapped);
    expect(leaf(tree, '1.3').body).toBe(leaf(reference, '1.3').body);
    expect(units(tree)).toEqual(units(reference));
  });

  it('two items run together on one line are still two items', () => {
    const at = lineOf('2.统筹编制生态环境保护专项规划');
    const joined = lines.map((l, i) => (i === at - 1 ? l + lines[at + 1] : l)).filter((_, i) => i !== at + 1);
    const tree = parsePlanText(joined.join('\n'));
    expect(units(tree)).toEqual(units(reference));
  });

  it('a dropped character in a heading number warns instead of guessing', () => {
    const at = lineOf('2.配合推进碳交易工作');
    const tree = parsePlanText(edit(at, (l) => l.replace(/^2\./, '2')));
    expect(tree.warnings).toContainEqual(expect.objectContaining({ line: at }));
    expect(leafTasks(tree)).toHaveLength(44);
  });
});
