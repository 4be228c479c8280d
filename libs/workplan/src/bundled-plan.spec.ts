import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leafTasks } from './leaf-tasks';
import { parsePlanText } from './parse-plan-text';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'xinjian-2021-workplan.txt'), 'utf8');

describe('the bundled 2021 Xinjian plan', () => {
  const tree = parsePlanText(text);
  const leaves = leafTasks(tree);

  it('reads the metadata', () => {
    expect(tree.metadata).toEqual({
      title: '南昌市新建生态环境局2021年生态环境工作要点',
      issuer: '新建生态环境局',
      issuedOn: '2021-04-28',
      year: 2021,
    });
  });

  it('has 9 sections, 32 items, 16 sub-items under 3 items, 45 leaves', () => {
    expect(tree.sections).toHaveLength(9);
    const items = tree.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(32);
    const parents = items.filter((i) => i.children.length > 0);
    expect(parents.map((p) => p.code)).toEqual(['3.1', '3.2', '3.3']);
    expect(parents.reduce((n, p) => n + p.children.length, 0)).toBe(16);
    expect(leaves).toHaveLength(45);
    expect(parents.every((p) => p.responsibility === undefined)).toBe(true);
  });

  it('gives every leaf a responsible unit, with the expected lead counts', () => {
    expect(leaves.every((l) => l.item.responsibility !== undefined)).toBe(true);
    const leads: Record<string, number> = {};
    for (const { item } of leaves)
      leads[item.responsibility!.lead.name] = (leads[item.responsibility!.lead.name] ?? 0) + 1;
    expect(leads).toEqual({
      水气股: 13,
      生态股: 9,
      办公室: 6,
      综合股: 5,
      环评与辐射股: 4,
      局党组: 3,
      执法分局: 2,
      局党总支: 2,
      监测站: 1,
    });
  });

  it('codes items stably and takes the lead phrase as title', () => {
    const byCode = new Map(leaves.map((l) => [l.item.code, l.item]));
    expect(byCode.get('3.1.2')?.title).toBe('推动开展工业污染深度治理');
    expect(byCode.get('3.1.4')?.responsibility?.cooperating.map((u) => u.name)).toEqual(['监测站']);
    expect(byCode.get('9.5')?.responsibility?.lead.name).toBe('局党总支');
  });

  it('resolves group words instead of dropping them', () => {
    const byCode = new Map(leaves.map((l) => [l.item.code, l.item]));
    expect(byCode.get('9.1')?.responsibility?.cooperating).toEqual([
      { name: '各股室', kind: 'all-sections' },
      { name: '监测站', kind: 'unit' },
      { name: '执法分局', kind: 'unit' },
    ]);
    expect(byCode.get('6.3')?.responsibility?.cooperating).toEqual([
      { name: '执法分局', kind: 'unit' },
      { name: '相关业务股室', kind: 'related-sections' },
    ]);
  });

  it('defaults every deadline to the plan year end, and says so', () => {
    expect(leaves.every((l) => l.item.deadline.defaulted && l.item.deadline.date === '2021-12-31')).toBe(true);
    expect(tree.warnings.filter((w) => w.code === 'deadline-defaulted')).toHaveLength(1);
  });

  it('reads 10 targets holding the numeric indicators', () => {
    expect(tree.targets).toHaveLength(10);
    const all = tree.targets.flatMap((t) => t.indicators);
    expect(all.length).toBeGreaterThanOrEqual(12);
    const find = (fragment: string) => all.find((i) => i.name.includes(fragment));
    expect(find('PM2.5')).toMatchObject({ comparator: 'lte', value: 34, unit: '微克/立方米' });
    expect(find('PM10')).toMatchObject({ comparator: 'lte', value: 62, unit: '微克/立方米' });
    expect(find('二氧化氮')).toMatchObject({ comparator: 'lte', value: 33, unit: '微克/立方米' });
    expect(find('优良天数比例')).toMatchObject({ comparator: 'gte', value: 90, unit: '%', aspirational: true });
    expect(find('农村污水处理设施')).toMatchObject({ comparator: 'gte', value: 50, unit: '个' });
    expect(find('放射源辐射事故')).toMatchObject({ comparator: 'lte', value: 1.3, unit: '起/万枚' });
    expect(tree.targets[0].indicators).toHaveLength(3);
    expect(tree.targets.filter((t) => t.qualitative).map((t) => t.code)).toEqual(['6', '7']);
  });
});
