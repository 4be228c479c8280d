import { WorkdayCalendar } from '../calendar/workday-calendar';
import { TaskItem } from '../plan/plan-tree';
import { kindOf, stageTemplate, TemplateContext } from './stage-templates';

const calendar = new WorkdayCalendar();
const ctx: TemplateContext = {
  start: '2021-04-28',
  due: '2021-12-31',
  year: 2021,
  hasCooperatingUnits: false,
  calendar,
};
const item = (
  title: string,
  body = title,
  deadline: TaskItem['deadline'] = { kind: 'date', date: '2021-12-31', defaulted: true, raw: '' },
): TaskItem => ({
  code: '1.1',
  title,
  body,
  deadline,
  children: [],
  source: { line: 1 },
});

describe('kindOf', () => {
  it('reads the kind from the deadline and the wording', () => {
    expect(
      kindOf(item('持续改善环境质量', '长期坚持。', { kind: 'ongoing', defaulted: false, raw: '长期坚持' })).kind,
    ).toBe('ongoing');
    expect(
      kindOf(item('报送工作信息', '每月报送。', { kind: 'recurring', every: 'month', defaulted: false, raw: '每月' }))
        .kind,
    ).toBe('recurring');
    expect(kindOf(item('抓好督察反馈问题整改')).kind).toBe('rectification');
    expect(kindOf(item('推进问题清单', '对排查发现的问题清单逐项整改到位。')).kind).toBe('rectification');
    expect(kindOf(item('推进污水设施建设', '新建农村污水处理设施 12 座。'))).toEqual({
      kind: 'quantitative',
      targetQuantity: 12,
    });
    expect(kindOf(item('加强组织协调')).kind).toBe('annual');
  });
});

describe('stageTemplate', () => {
  it('requires evidence at every rectification stage and ends with 销号', () => {
    const stages = stageTemplate('rectification', ctx);
    expect(stages.map((s) => s.name)).toEqual(['整改方案', '整改实施', '验收', '销号']);
    expect(stages.filter((s) => !s.closure).every((s) => s.requiresEvidence)).toBe(true);
  });

  it('gives quantitative progress stages pro-rata milestones and the final stage the target', () => {
    const stages = stageTemplate('quantitative', { ...ctx, targetQuantity: 50 });
    expect(stages.map((s) => [s.key, s.dueDate, s.milestoneQuantity, s.targetQuantity])).toEqual([
      ['plan', '2021-05-28', undefined, undefined],
      ['progress-q2', '2021-07-07', 15, undefined], // 70 of 247 days: 14.2 → 15,
      ['progress-q3', '2021-10-13', 35, undefined], // 168 of 247 days: 34.01 → 35,
      ['done', '2021-12-31', undefined, 50],
      ['closure', null, undefined, undefined],
    ]);
  });

  it('has no final deadline for an ongoing task: quarterly reports, then 销号 when the plan ends', () => {
    const stages = stageTemplate('ongoing', ctx);
    expect(stages.map((s) => [s.key, s.dueDate])).toEqual([
      ['report-06', '2021-06-30'],
      ['report-09', '2021-09-30'],
      ['report-12', '2021-12-31'],
      ['closure', null],
    ]);
  });
});
