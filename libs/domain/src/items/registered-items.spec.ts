import { calendarDataOf, seedYears } from '../calendar/calendar-data';
import { WorkdayCalendar } from '../calendar/workday-calendar';
import { stageTemplate, kindOf } from '../task/stage-templates';
import { batchWithItem, RegisteredItem } from './registered-batch';
import { itemPolicyOf } from './item-policy';
import { DEFAULT_URGENCY_WORKDAYS, urgencyDeadline } from './urgency';

// 2027 as a notice could set it: Labour Day 1–5 May off, Sunday 25 April and Saturday 8 May worked.
const calendar = new WorkdayCalendar(
  calendarDataOf([
    ...seedYears(),
    {
      year: 2027,
      status: 'official',
      holidays: ['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'],
      makeupWorkdays: ['2027-04-25', '2027-05-08'],
    },
  ]),
);

describe('urgencyDeadline', () => {
  it('counts workdays on the calendar: holidays skipped, 调休 Saturdays counted', () => {
    // Thursday 29 April: Friday 30 April is 1, the holiday passes, Thursday 6 May is 2, Friday 7 May 3.
    expect(urgencyDeadline('extra-urgent', '2027-04-29', calendar)).toBe('2027-05-07');
    // 急件, 7 workdays: …, Saturday 8 May (调休) is the 4th, then 10–12 May.
    expect(urgencyDeadline('urgent', '2027-04-29', calendar)).toBe('2027-05-12');
    expect(urgencyDeadline('normal', '2027-04-29', calendar, { ...DEFAULT_URGENCY_WORKDAYS, normal: 1 })).toBe(
      '2027-04-30',
    );
  });

  it('gives each class more time than the one before it', () => {
    const days = [
      DEFAULT_URGENCY_WORKDAYS['extra-urgent'],
      DEFAULT_URGENCY_WORKDAYS.urgent,
      DEFAULT_URGENCY_WORKDAYS.normal,
      DEFAULT_URGENCY_WORKDAYS['long-term'],
    ];
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    expect(new Set(days).size).toBe(4);
  });
});

const item = (over: Partial<RegisteredItem> = {}): RegisteredItem => ({
  title: '落实秸秆禁烧部署',
  body: '',
  leadUnit: '水气股',
  cooperatingUnits: ['执法分局', '水气股'],
  deadline: '2027-05-07',
  deadlineText: '特急（3 个工作日）',
  kind: 'assigned',
  ...over,
});

describe('batchWithItem', () => {
  it('makes a first item a batch of its own, with the source document as the plan’s metadata', () => {
    const tree = batchWithItem(
      null,
      {
        title: '2027年第1次局务会议定事项',
        sourceKind: 'meeting',
        year: 2027,
        issuer: '局务会',
        docNumber: '会议纪要〔2027〕1号',
      },
      item(),
    );
    expect(tree.metadata).toEqual({
      title: '2027年第1次局务会议定事项',
      year: 2027,
      sourceKind: 'meeting',
      issuer: '局务会',
      docNumber: '会议纪要〔2027〕1号',
    });
    const [only] = tree.sections[0].items;
    expect(only).toMatchObject({
      code: '1.1',
      title: '落实秸秆禁烧部署',
      body: '落实秸秆禁烧部署',
      kind: 'assigned',
      deadline: { kind: 'date', date: '2027-05-07', defaulted: false, raw: '特急（3 个工作日）' },
      responsibility: {
        lead: { name: '水气股', kind: 'unit' },
        cooperating: [{ name: '执法分局', kind: 'unit' }],
        raw: '牵头单位：水气股；配合单位：执法分局',
      },
    });
  });

  it('appends later items in order and keeps the batch and every earlier item as they were', () => {
    const first = batchWithItem(null, { title: '批示件', sourceKind: 'instruction', year: 2027 }, item());
    const second = batchWithItem(
      first,
      { title: 'ignored', sourceKind: 'other', year: 2030 },
      item({ title: '整治露天焚烧', cooperatingUnits: [] }),
    );
    expect(second.metadata).toEqual(first.metadata);
    expect(second.sections[0].items.map((i) => i.code)).toEqual(['1.1', '1.2']);
    expect(second.sections[0].items[0]).toEqual(first.sections[0].items[0]);
    expect(second.sections[0].items[1].responsibility!.raw).toBe('牵头单位：水气股');
  });
});

describe('batchWithItem, all of the tree', () => {
  it('keeps the source date, the units in order, the item’s own policy, and one numbered section', () => {
    const policy = { reminderOffsets: [2, 0] };
    const tree = batchWithItem(
      null,
      { title: '上级交办件', sourceKind: 'higher', year: 2027, issuedOn: '2027-01-05' },
      item({ cooperatingUnits: ['执法分局', '监测站'], policy }),
    );
    expect(tree.metadata.issuedOn).toBe('2027-01-05');
    expect(tree.sections.map(({ code, numeral, title }) => ({ code, numeral, title }))).toEqual([
      { code: '1', numeral: '一', title: '上级交办件' },
    ]);
    expect(tree.sections[0].items[0].responsibility!.raw).toBe('牵头单位：水气股；配合单位：执法分局、监测站');
    expect(tree.sections[0].items[0].policy).toEqual(policy);
    expect(tree.targets).toEqual([]);
    // A tree with no section yet (an empty batch) takes its first item as 1.1.
    const empty = { ...tree, sections: [] };
    expect(
      batchWithItem(empty, { title: 'x', sourceKind: 'other', year: 2027 }, item()).sections[0].items[0].code,
    ).toBe('1.1');
  });
});

describe('the 交办件 template', () => {
  it('is 办理 (evidence, cooperation when there are cooperating units) then 销号, chosen by the registrar', () => {
    const stages = stageTemplate('assigned', {
      start: '2027-04-29',
      due: '2027-05-07',
      year: 2027,
      hasCooperatingUnits: true,
      calendar,
    });
    expect(stages.map((s) => [s.key, s.name, s.dueDate, s.requiresEvidence, s.requiresCooperation])).toEqual([
      ['handle', '办理', '2027-05-07', true, true],
      ['closure', '销号', null, false, false],
    ]);
    const tree = batchWithItem(null, { title: 'x', sourceKind: 'higher', year: 2027 }, item({ title: '整改反馈问题' }));
    // The registrar's choice wins over the words (整改 would otherwise make it a rectification).
    expect(kindOf(tree.sections[0].items[0])).toEqual({ kind: 'assigned' });
  });
});

describe('itemPolicyOf', () => {
  it('takes reminders in any order, once each, latest first; and a ladder of three rising steps', () => {
    expect(itemPolicyOf([0, 2, 2, 1], [1, 2, 4])).toEqual({
      policy: {
        reminderOffsets: [2, 1, 0],
        ladder: [
          { afterWorkdays: 1, level: 1, to: 'unit-head' },
          { afterWorkdays: 2, level: 2, to: 'deputy-director' },
          { afterWorkdays: 4, level: 3, to: 'supervisor' },
        ],
      },
    });
    expect(itemPolicyOf(undefined, undefined)).toEqual({});
  });

  it('takes the limits themselves, and says what the limits are', () => {
    expect(itemPolicyOf([30, 5, 4, 3, 2, 1], [1, 2, 60]).problem).toBeUndefined();
    expect(itemPolicyOf([31], undefined).problem?.message).toBe(
      '催办应为 1–6 个 0–30 的整数（到期前的工作日数，0 为到期当日）',
    );
    expect(itemPolicyOf(undefined, [1, 2, 61]).problem?.message).toBe(
      '督办应为 3 个递增的 1–60 的整数：逾期几个工作日后依次升至股长、分管领导、督查室',
    );
  });

  it.each([
    [[], undefined, 'reminderOffsets'],
    [[31], undefined, 'reminderOffsets'],
    [[-1], undefined, 'reminderOffsets'],
    [[1.5], undefined, 'reminderOffsets'],
    [[0, 1, 2, 3, 4, 5, 6], undefined, 'reminderOffsets'],
    [undefined, [1, 3], 'escalationAfterWorkdays'],
    [undefined, [3, 3, 5], 'escalationAfterWorkdays'],
    [undefined, [0, 3, 5], 'escalationAfterWorkdays'],
    [undefined, [1, 3, 61], 'escalationAfterWorkdays'],
  ])('refuses reminders %j / ladder %j in %s', (reminders, ladder, field) => {
    expect(itemPolicyOf(reminders, ladder).problem?.field).toBe(field);
  });
});
