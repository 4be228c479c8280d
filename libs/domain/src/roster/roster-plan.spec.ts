import { headingRowIndex, normaliseHeading, rosterColumns } from './roster-columns';
import { planRoster, RosterAccount, RosterSheetError, RosterUnit } from './roster-plan';
import { roleOfTitle } from './roster-role';

const UNITS: RosterUnit[] = [
  { code: 'water-air', name: '水气股', aliases: ['大气与水股'], active: true },
  { code: 'ecology', name: '生态股', aliases: [], active: true },
  { code: 'old', name: '老股室', aliases: [], active: false },
];

const HEAD = ['姓名', '股室', '职务', '手机', '邮箱', '分管单位'];

function plan(rows: string[][], existing: RosterAccount[] = [], head = HEAD) {
  return planRoster([head, ...rows], UNITS, existing, 'admin');
}

describe('roster headings', () => {
  it('reads bureaus’ own words for the columns, in any order, with remarks and marks', () => {
    const { fields, ignored } = rosterColumns(['序号', '手机号码', '人员姓名', '所在科室', '岗位', '电子邮箱', '备注']);
    expect(fields).toEqual({ mobile: 1, displayName: 2, unit: 3, role: 4, email: 5 });
    expect(ignored).toEqual(['序号', '备注']);
    expect(normaliseHeading(' 姓 名（必填）* ')).toBe('姓名');
    expect(normaliseHeading('ＥＭＡＩＬ')).toBe('email');
  });

  it('finds the heading row under a title line, and the first of a repeated column wins', () => {
    expect(headingRowIndex([['某局干部职工花名册'], [], ['姓名', '股室']])).toBe(2);
    expect(headingRowIndex([['姓名'], ['名单']])).toBe(-1);
    expect(rosterColumns(['姓名', '电话', '手机']).fields.mobile).toBe(1);
  });
});

describe('roleOfTitle', () => {
  it.each([
    ['', 'handler'],
    ['科员', 'handler'],
    ['一级科员', 'handler'],
    ['承办人', 'handler'],
    ['股长', 'unit-head'],
    ['监测站站长', 'unit-head'],
    ['办公室主任', 'unit-head'],
    ['副股长', 'handler'],
    ['副局长', 'deputy-director'],
    ['党组成员、副局长', 'deputy-director'],
    ['分管领导', 'deputy-director'],
    ['督查室主任', 'supervisor'],
    ['督查室', 'supervisor'],
    ['系统管理员', 'admin'],
    ['unit-head', 'unit-head'],
  ])('%s → %s', (title, role) => {
    expect(roleOfTitle(title)).toBe(role);
  });

  it('says nothing of a title it does not know', () => {
    expect(roleOfTitle('司机')).toBeUndefined();
  });
});

describe('planRoster', () => {
  it('turns rows into accounts: mobile as username, units by name or alias, titles as roles', () => {
    const result = plan([
      ['张三', '水气股', '科员', '138 0000 0001', 'zhang@example.gov.cn', ''],
      ['李四', '大气与水股', '股长', '13800000002', '', ''],
      ['王五', '', '副局长', '13800000003', '', '水气股、生态股'],
    ]);
    expect(result.problemCount).toBe(0);
    expect(result.rows.map((r) => r.account)).toEqual([
      {
        username: '13800000001',
        displayName: '张三',
        role: 'handler',
        unitCode: 'water-air',
        deputyUnits: [],
        mobile: '13800000001',
        email: 'zhang@example.gov.cn',
        active: true,
      },
      expect.objectContaining({ username: '13800000002', role: 'unit-head', unitCode: 'water-air', email: null }),
      expect.objectContaining({ role: 'deputy-director', unitCode: null, deputyUnits: ['water-air', 'ecology'] }),
    ]);
    expect(result.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
    ]);
  });

  it('keeps names as written but reads full-width contact details as typed by a Chinese IME', () => {
    const result = plan([
      ['分管领导（甲）', '', '副局长', '１３８００００００４１', 'ｌｉｕ＠ｅｘａｍｐｌｅ．ｃｎ', '水气股'],
    ]);
    expect(result.rows[0].account).toMatchObject({
      displayName: '分管领导（甲）',
      username: '13800000041',
      email: 'liu@example.cn',
    });
  });

  it('plans one new unit for a name the system does not know, shared by every row naming it', () => {
    const result = plan([
      ['甲', '固废股', '科员', '13800000011', '', ''],
      ['乙', '固 废 股', '股长', '13800000012', '', ''],
    ]);
    expect(result.newUnits).toEqual([{ code: expect.stringMatching(/^unit-/), name: '固废股', lines: [2, 3] }]);
    expect(new Set(result.rows.map((r) => r.account!.unitCode))).toEqual(new Set([result.newUnits[0].code]));
  });

  it('reports every problem of every row, each in its column, and gives no account for those rows', () => {
    const result = plan([
      ['', '水气股', '司机', '1380000', 'not-mail', ''],
      ['赵六', '', '科员', '', '', ''],
      ['钱七', '老股室', '副局长', '13800000021', '', ''],
      ['孙八', '水气股', '科员', '13800000022', '', ''],
      ['孙八', '生态股', '科员', '13800000022', '', ''],
    ]);
    const byLine = Object.fromEntries(result.rows.map((r) => [r.line, r.problems.map((p) => p.field)]));
    expect(byLine).toEqual({
      2: ['displayName', 'mobile', 'email', 'role'],
      3: ['username', 'unit'],
      4: ['unit', 'deputyUnits'],
      5: [],
      6: ['username'],
    });
    expect(result.rows[4].problems[0].message).toContain('与第 5 行重复');
    expect(result.rows.filter((r) => r.account).map((r) => r.line)).toEqual([5]);
    expect(result.problemCount).toBe(9);
  });

  it('skips blank rows and counts lines as the spreadsheet shows them, under a title line', () => {
    const result = planRoster(
      [['花名册'], HEAD, ['', '', '', '', '', ''], ['张三', '生态股', '', '13800000031', '', '']],
      UNITS,
      [],
      'admin',
    );
    expect(result.rows.map((r) => r.line)).toEqual([4]);
  });

  it('updates accounts that exist, leaves identical ones alone, and reads 状态', () => {
    const existing: RosterAccount = {
      username: 'zhang',
      displayName: '张三',
      role: 'handler',
      unitCode: 'water-air',
      deputyUnits: [],
      mobile: null,
      email: null,
      active: true,
    };
    const head = ['姓名', '用户名', '股室', '状态'];
    const result = plan(
      [
        ['张三', 'Zhang', '水气股', '在职'],
        ['张三', 'zhang2', '水气股', '离职'],
        ['张三', 'zhang3', '水气股', '休假'],
      ],
      [existing, { ...existing, username: 'zhang2' }],
      head,
    );
    expect(result.rows.map((r) => r.action)).toEqual(['unchanged', 'update', 'create']);
    expect(result.rows[1].account!.active).toBe(false);
    expect(result.rows[2].problems).toEqual([{ field: 'status', message: expect.stringContaining('休假') }]);
  });

  it('refuses to let the importing admin demote themselves', () => {
    const me: RosterAccount = {
      username: 'admin',
      displayName: '管理员',
      role: 'admin',
      unitCode: null,
      deputyUnits: [],
      mobile: null,
      email: null,
      active: true,
    };
    const result = planRoster(
      [
        ['姓名', '用户名', '职务', '股室'],
        ['管理员', 'admin', '科员', '水气股'],
      ],
      UNITS,
      [me],
      'admin',
    );
    expect(result.rows[0].problems.map((p) => p.field)).toEqual(['role']);
  });

  it('refuses sheets that are not staff lists, saying what to add', () => {
    expect(() =>
      planRoster(
        [
          ['a', 'b'],
          ['1', '2'],
        ],
        UNITS,
        [],
        'admin',
      ),
    ).toThrow(RosterSheetError);
    expect(() => planRoster([['姓名', '股室']], UNITS, [], 'admin')).toThrow(/用户名.*手机/);
    const long = [HEAD, ...Array.from({ length: 2001 }, () => ['x'])];
    expect(() => planRoster(long, UNITS, [], 'admin')).toThrow(/超过 2000 行/);
  });
});
