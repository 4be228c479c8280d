import { OrgUnit } from './org-unit';
import { PlanTree, TaskItem } from './plan-tree';
import { resolveUnits } from './unit-resolution';

const units: OrgUnit[] = [
  { code: 'shuiqi', name: '水气股', aliases: ['大气股'], kind: 'section' },
  { code: 'shengtai', name: '生态股', aliases: [], kind: 'section' },
  { code: 'jiance', name: '监测站', aliases: ['环境监测站'], kind: 'station' },
];

const leaf = (code: string, responsibility: TaskItem['responsibility'], line = 1): TaskItem => ({
  code,
  title: code,
  body: '',
  responsibility,
  deadline: { kind: 'date', date: '2027-12-31', defaulted: true, raw: '' },
  children: [],
  source: { line },
});

const tree = (items: TaskItem[]): PlanTree => ({
  schemaVersion: 1,
  metadata: { title: 't', year: 2027 },
  targets: [],
  sections: [{ code: '1', numeral: '一', title: 's', items, source: { line: 1 } }],
  warnings: [],
});

describe('resolving the units a plan names', () => {
  it('matches names and aliases; co-leads take part as cooperating units', () => {
    const r = resolveUnits(
      tree([
        leaf('1.1', {
          lead: { name: '大气股', kind: 'unit' },
          coLeads: [{ name: '生态股', kind: 'unit' }],
          cooperating: [{ name: '环境监测站', kind: 'unit' }],
          raw: '',
        }),
      ]),
      units,
    );
    expect(r.unknown).toEqual([]);
    expect(r.assignments.get('1.1')).toEqual({
      taskCode: '1.1',
      leadUnit: 'shuiqi',
      cooperatingUnits: ['shengtai', 'jiance'],
      relatedSectionsPending: false,
    });
  });

  it('lists each unknown name once with every line it appears on', () => {
    const r = resolveUnits(
      tree([
        leaf('1.1', { lead: { name: '综合股', kind: 'unit' }, cooperating: [], raw: '' }, 4),
        leaf(
          '1.2',
          { lead: { name: '水气股', kind: 'unit' }, cooperating: [{ name: '综合股', kind: 'unit' }], raw: '' },
          9,
        ),
      ]),
      units,
    );
    expect(r.unknown).toEqual([{ name: '综合股', lines: [4, 9] }]);
    expect(r.assignments.has('1.1')).toBe(false);
    expect(r.assignments.get('1.2')?.cooperatingUnits).toEqual([]);
  });
});
