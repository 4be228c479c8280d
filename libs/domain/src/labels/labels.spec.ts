import {
  isoWeekLabel,
  COMPARATOR_SIGNS,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_LEVEL_REACH_LABELS,
  ESCALATION_TARGET_LABELS,
  EVENT_LABELS,
  INDICATOR_LIGHT_LABELS,
  label,
  PERIOD_LABELS,
  QUALITATIVE_STATUS_LABELS,
  ROLE_LABELS,
  STAGE_STATUS_LABELS,
  stageKeyLabel,
  TASK_LIGHT_LABELS,
  TASK_STATUS_LABELS,
  UNIT_ROLE_LABELS,
} from './labels';

const CHINESE = /^[\u4e00-\u9fa5（）/]+$/;

describe('the labels', () => {
  it.each([
    ['task lights', TASK_LIGHT_LABELS, ['green', 'yellow', 'red', 'none']],
    ['indicator lights', INDICATOR_LIGHT_LABELS, ['green', 'yellow', 'red', 'none']],
    ['periods', PERIOD_LABELS, ['monthly', 'quarterly', 'annual']],
    ['qualitative standings', QUALITATIVE_STATUS_LABELS, ['on-track', 'at-risk', 'off-track', 'achieved']],
    ['roles', ROLE_LABELS, ['handler', 'unit-head', 'deputy-director', 'supervisor', 'admin']],
    ['task statuses', TASK_STATUS_LABELS, ['active', 'suspended', 'completed', 'closed', 'cancelled', 'pending']],
    [
      'stage statuses',
      STAGE_STATUS_LABELS,
      // …and the two the ledger shows while a task waits for 签收 (its current step is the receipt).
      [
        'pending',
        'open',
        'awaiting-cooperation',
        'submitted',
        'returned',
        'approved',
        'closed',
        'awaiting-receipt',
        'declined',
      ],
    ],
    ['escalation targets', ESCALATION_TARGET_LABELS, ['unit-head', 'deputy-director', 'supervisor']],
    ['unit roles', UNIT_ROLE_LABELS, ['any', 'lead', 'cooperating']],
    ['escalation levels', ESCALATION_LEVEL_LABELS, ['1', '2', '3']],
    ['escalation reaches', ESCALATION_LEVEL_REACH_LABELS, ['1', '2', '3']],
  ])('name every code of the %s in Chinese', (_what, labels, codes) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const code of codes)
      expect([code, (labels as Record<string, string>)[code]]).toEqual([code, expect.stringMatching(CHINESE)]);
  });

  it('tells the two lights apart: a task without a deadline has none, an indicator without data is not yet judged', () => {
    expect([TASK_LIGHT_LABELS.none, INDICATOR_LIGHT_LABELS.none]).toEqual(['无', '未评定']);
    expect([TASK_LIGHT_LABELS.red, INDICATOR_LIGHT_LABELS.yellow, TASK_LIGHT_LABELS.green]).toEqual([
      '红灯',
      '黄灯',
      '绿灯',
    ]);
  });

  it('signs each comparator, stored code or written symbol alike', () => {
    expect(['lte', 'lt', 'gte', 'gt', 'eq'].map((c) => COMPARATOR_SIGNS[c])).toEqual(['≤', '<', '≥', '>', '=']);
    expect(['<=', '<', '>=', '>', '='].map((c) => COMPARATOR_SIGNS[c])).toEqual(['≤', '<', '≥', '>', '=']);
  });

  it('names every event of the timeline, the ladder by whom it reaches', () => {
    for (const [code, name] of Object.entries(EVENT_LABELS))
      expect([code, name]).toEqual([code, expect.stringMatching(CHINESE)]);
    expect(EVENT_LABELS.reminder).toBe('催办');
    expect(EVENT_LABELS.escalation).toBe('督办');
    expect(ESCALATION_LEVEL_REACH_LABELS[2]).toBe('二级（分管领导）');
  });

  it('names stages from their keys, quarters and months included', () => {
    expect(['plan', 'done', 'closure', 'rectify-plan', 'rectify-implement', 'acceptance'].map(stageKeyLabel)).toEqual([
      '工作方案',
      '完成',
      '销号',
      '整改方案',
      '整改实施',
      '验收',
    ]);
    expect(stageKeyLabel('progress-q3')).toBe('季度进展（第3季度）');
    expect(stageKeyLabel('report-04')).toBe('4月工作报告');
    expect(stageKeyLabel('custom-key')).toBe('custom-key');
  });

  it('shows a code without a label as itself, and nothing for no code', () => {
    expect(label(TASK_STATUS_LABELS, 'closed')).toBe('已销号');
    expect(label(TASK_STATUS_LABELS, 'archived')).toBe('archived');
    expect([
      label(TASK_STATUS_LABELS, null),
      label(TASK_STATUS_LABELS, undefined),
      label(TASK_STATUS_LABELS, ''),
    ]).toEqual(['', '', '']);
  });
});

describe('isoWeekLabel', () => {
  it('reads an ISO week the Chinese way and leaves anything else as it is', () => {
    expect(isoWeekLabel('2021-W41')).toBe('2021年第41周');
    expect(isoWeekLabel('2027-W01')).toBe('2027年第1周');
    expect(isoWeekLabel('2021-41')).toBe('2021-41');
  });
});
