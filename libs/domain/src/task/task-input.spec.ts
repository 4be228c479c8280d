import { CalendarYearUnavailableError, WorkdayCalendar } from '../calendar/workday-calendar';
import { TaskItem } from '../plan/plan-tree';
import { buildTaskInput, resolveDueInstants } from './task-input';

const calendar = new WorkdayCalendar();
const item = (over: Partial<TaskItem> = {}): TaskItem => ({
  code: '3.1.2',
  title: '推动开展工业污染深度治理',
  body: '推动开展工业污染深度治理。',
  deadline: { kind: 'date', date: '2021-12-31', defaulted: true, raw: '' },
  children: [],
  source: { line: 1 },
  ...over,
});
const ctx = {
  planId: 'xinjian-2021',
  planYear: 2021,
  issuedOn: '2021-04-28',
  leadUnit: 'water-air',
  cooperatingUnits: [],
  calendar,
};

describe('buildTaskInput', () => {
  it('gives an annual task 工作方案 → two quarterly reports → 完成 → 销号 with workday due instants', () => {
    const input = buildTaskInput(item(), ctx);
    expect(input.kind).toBe('annual');
    expect(input.stages.map((s) => [s.key, s.name, s.dueAt])).toEqual([
      ['plan', '工作方案', '2021-05-28T09:30:00.000Z'],
      ['progress-q2', '季度进展（第二季度）', '2021-07-07T09:30:00.000Z'],
      ['progress-q3', '季度进展（第三季度）', '2021-10-13T09:30:00.000Z'],
      ['done', '完成', '2021-12-31T09:30:00.000Z'],
      ['closure', '销号', null],
    ]);
    expect(input.stages.find((s) => s.key === 'closure')?.closure).toBe(true);
  });

  it('asks cooperating units for feedback on completion', () => {
    const input = buildTaskInput(item(), { ...ctx, cooperatingUnits: ['monitoring'] });
    expect(input.stages.filter((s) => s.requiresCooperation).map((s) => s.key)).toEqual(['done']);
  });

  it('drops progress reports that would fall after an early deadline', () => {
    const input = buildTaskInput(
      item({ deadline: { kind: 'date', date: '2021-06-30', defaulted: false, raw: '6月底前' } }),
      ctx,
    );
    expect(input.stages.map((s) => s.key)).toEqual(['plan', 'done', 'closure']);
  });

  it('recognises rectification, quantitative, recurring and ongoing tasks', () => {
    expect(buildTaskInput(item({ title: '抓好突出问题整改' }), ctx).stages.map((s) => s.name)).toEqual([
      '整改方案',
      '整改实施',
      '验收',
      '销号',
    ]);
    const q = buildTaskInput(item({ body: '全区建设农村污水处理设施50个。' }), ctx);
    expect(q.kind).toBe('quantitative');
    expect(q.stages.find((s) => s.key === 'done')?.targetQuantity).toBe(50);
    const monthly = buildTaskInput(
      item({ deadline: { kind: 'recurring', every: 'month', defaulted: false, raw: '每月' } }),
      ctx,
    );
    expect(monthly.stages.map((s) => s.key)).toEqual([
      'report-04',
      'report-05',
      'report-06',
      'report-07',
      'report-08',
      'report-09',
      'report-10',
      'report-11',
      'report-12',
      'closure',
    ]);
    const ongoing = buildTaskInput(item({ deadline: { kind: 'ongoing', defaulted: false, raw: '长期坚持' } }), ctx);
    expect(ongoing.stages.map((s) => s.key)).toEqual(['report-06', 'report-09', 'report-12', 'closure']);
  });

  it('lets the plan owner override the kind and the policy', () => {
    const input = buildTaskInput(item(), {
      ...ctx,
      override: { kind: 'rectification', policy: { reminderOffsets: [2] } },
    });
    expect(input.kind).toBe('rectification');
    expect(input.policy.reminderOffsets).toEqual([2]);
    expect(input.policy.ladder).toHaveLength(3);
  });
});

describe('buildTaskInput(planId, item, planYear, overrides) + resolveDueInstants', () => {
  const withUnits = item({
    responsibility: {
      lead: { name: '水气股', kind: 'unit' },
      cooperating: [{ name: '监测站', kind: 'unit' }],
      raw: '责任单位:水气股、监测站',
    },
  });

  it('gives due DATES first, with the plan bracket units unless overridden', () => {
    const draft = buildTaskInput('xinjian-2021', withUnits, 2021, { issuedOn: '2021-04-28' });
    expect(draft.leadUnit).toBe('水气股');
    expect(draft.cooperatingUnits).toEqual(['监测站']);
    expect(draft.stages.map((s) => [s.key, s.dueDate])).toEqual([
      ['plan', '2021-05-28'],
      ['progress-q2', '2021-07-07'],
      ['progress-q3', '2021-10-13'],
      ['done', '2021-12-31'],
      ['closure', null],
    ]);
    const coded = buildTaskInput('xinjian-2021', withUnits, 2021, {
      leadUnit: 'water-air',
      cooperatingUnits: ['monitoring'],
    });
    expect([coded.leadUnit, coded.cooperatingUnits, coded.stages[0].ownerUnit]).toEqual([
      'water-air',
      ['monitoring'],
      'water-air',
    ]);
  });

  it('resolves a due date to 17:30 Shanghai, moving a day off back to the previous workday', () => {
    const draft = buildTaskInput(
      'p',
      item({ deadline: { kind: 'date', date: '2021-10-03', defaulted: false, raw: '国庆前' } }),
      2021,
      {
        kind: 'rectification',
      },
    );
    expect(draft.stages.find((s) => s.key === 'acceptance')?.dueDate).toBe('2021-10-03');
    const input = resolveDueInstants(draft);
    expect(input.stages.find((s) => s.key === 'acceptance')?.dueAt).toBe('2021-09-30T09:30:00.000Z');
    expect(input.stages.every((s) => s.requiresEvidence || s.closure)).toBe(true);
  });

  it('plans a year without a notice on the provisional calendar, keeping the planned date', () => {
    const input = resolveDueInstants(
      buildTaskInput('p', item({ deadline: { kind: 'date', date: '2031-06-30', defaulted: false, raw: '' } }), 2031),
    );
    const last = input.stages.filter((s) => !s.closure).at(-1)!;
    expect(last.dueDate).toBe('2031-06-30');
    expect(last.dueAt).toBe('2031-06-30T09:30:00.000Z'); // a Monday
  });

  it('fails loudly for a year outside the calendar range', () => {
    expect(() =>
      resolveDueInstants(
        buildTaskInput('p', item({ deadline: { kind: 'date', date: '2131-06-30', defaulted: false, raw: '' } }), 2131),
      ),
    ).toThrow(CalendarYearUnavailableError);
  });
});
