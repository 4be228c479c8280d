import { normalisePhone } from '../access/contact-details';
import { normaliseHeading, rosterColumns } from './roster-columns';
import { MAX_ROSTER_ROWS, planRoster, RosterAccount, RosterSheetError, RosterUnit } from './roster-plan';
import { roleOfTitle } from './roster-role';

/** The words and the limits of the staff-sheet import, one rule a test (what an admin reads). */
const UNITS: RosterUnit[] = [
  { code: 'water-air', name: '水气股', aliases: ['水气科'], active: true },
  { code: 'ecology', name: '生态股', aliases: [], active: true },
  { code: 'old', name: '老股室', aliases: [], active: false },
];
const HEAD = ['姓名', '用户名', '股室', '职务', '手机', '邮箱', '分管单位', '状态'];
const row = (over: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    姓名: '张三',
    用户名: 'zhang',
    股室: '水气股',
    职务: '科员',
    手机: '',
    邮箱: '',
    分管单位: '',
    状态: '',
    ...over,
  };
  return HEAD.map((h) => cells[h]);
};
const problemsOf = (cells: string[], existing: RosterAccount[] = [], actor = 'admin') =>
  planRoster([HEAD, cells], UNITS, existing, actor).rows[0].problems;

const ZHANG: RosterAccount = {
  username: 'zhang',
  displayName: '张三',
  role: 'handler',
  unitCode: 'water-air',
  deputyUnits: [],
  mobile: null,
  email: null,
  active: true,
};

describe('what the import tells an admin, word for word', () => {
  it.each([
    [{ 姓名: '' }, 'displayName', '姓名为空'],
    [{ 姓名: '张'.repeat(65) }, 'displayName', '姓名超过 64 个字'],
    [{ 手机: '12345' }, 'mobile', '手机号码「12345」格式不正确：应为 11 位手机号，或 区号-电话号码'],
    [{ 邮箱: 'zhang@' }, 'email', '邮箱「zhang@」格式不正确'],
    [{ 用户名: '张三' }, 'username', '用户名「张三」不合规：2–64 位小写字母、数字、点、连字符或下划线'],
    [
      { 职务: '司机' },
      'role',
      '无法识别的职务「司机」：请写 承办人、股长、分管领导、督查室、管理员，或科员、股长、副局长等职务',
    ],
    [{ 股室: '' }, 'unit', '承办人须填写所在股室/单位'],
    [{ 股室: '', 职务: '股长' }, 'unit', '股长须填写所在股室/单位'],
    [{ 股室: '老股室' }, 'unit', '单位「老股室」已停用'],
    [{ 股室: '股'.repeat(129) }, 'unit', `单位名称「${'股'.repeat(20)}…」超过 128 个字`],
    [{ 职务: '副局长', 股室: '' }, 'deputyUnits', '分管领导须在「分管单位」列写明分管的股室，用顿号分隔'],
    [{ 状态: '休假' }, 'status', '状态「休假」无法识别：请写「在职」或「停用」'],
  ])('%j → %s: %s', (over, field, message) => {
    expect(problemsOf(row(over))).toEqual([{ field, message }]);
  });

  it('accepts the limits themselves: a 64-character name, a 128-character unit', () => {
    expect(problemsOf(row({ 姓名: '张'.repeat(64) }))).toEqual([]);
    const plan = planRoster([HEAD, row({ 股室: '股'.repeat(128) })], UNITS, [], 'admin');
    expect(plan.rows[0].problems).toEqual([]);
    expect(plan.newUnits.map((u) => u.name)).toEqual(['股'.repeat(128)]);
  });

  it('says a repeated username once, on the later row, naming the first', () => {
    const plan = planRoster([HEAD, row(), row({ 姓名: '张三丰' })], UNITS, [], 'admin');
    expect(plan.rows.map((r) => r.problems)).toEqual([
      [],
      [{ field: 'username', message: '用户名 zhang 与第 2 行重复' }],
    ]);
  });

  it('refuses the importing admin’s own demotion or switch-off, in those words', () => {
    const me = { ...ZHANG, username: 'admin', role: 'admin' as const, unitCode: null };
    expect(problemsOf(row({ 用户名: 'admin', 职务: '管理员', 状态: '停用', 股室: '' }), [me])).toEqual([
      { field: 'role', message: '不能通过导入更改自己的角色或停用自己的账号' },
    ]);
    expect(problemsOf(row({ 用户名: 'admin', 职务: '管理员', 股室: '' }), [me])).toEqual([]);
  });

  it('names what a sheet lacks, and how to fix it', () => {
    const refusal = (grid: string[][]) => {
      try {
        planRoster(grid, UNITS, [], 'admin');
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(RosterSheetError);
        return { zh: (e as RosterSheetError).zh, hint: (e as RosterSheetError).hint };
      }
    };
    expect(refusal([['序号', '备注']])).toEqual({
      zh: '找不到表头：表的前 10 行里没有同时含「姓名」和其他列（如「股室」「职务」「手机」）的一行',
      hint: '请在第一行写表头，例如：姓名、用户名、股室/单位、职务/角色、手机、邮箱、分管单位、状态',
    });
    expect(refusal([['姓名', '股室']])).toEqual({
      zh: '表中既没有「用户名」列也没有「手机」列，无法确定登录账号',
      hint: '请加一列「用户名」（小写字母、数字），或一列「手机」（以手机号作为用户名）',
    });
    const rows = (n: number) => [HEAD, ...Array.from({ length: n }, () => row())];
    expect(refusal(rows(MAX_ROSTER_ROWS + 1))).toEqual({
      zh: '表中有 2001 行，超过 2000 行',
      hint: '请分成几张表分别导入',
    });
    expect(refusal(rows(MAX_ROSTER_ROWS))).toBeNull();
  });
});

describe('update or leave alone: every column counts', () => {
  it.each([
    ['姓名', { 姓名: '张叁' }],
    ['职务', { 职务: '股长' }],
    ['股室', { 股室: '生态股' }],
    ['手机', { 手机: '13800000001' }],
    ['邮箱', { 邮箱: 'zhang@example.cn' }],
    ['状态', { 状态: '停用' }],
  ])('a changed %s is an update', (_column, over) => {
    const plan = planRoster([HEAD, row(over)], UNITS, [ZHANG], 'admin');
    expect(plan.rows[0].action).toBe('update');
  });

  it('a deputy’s overseen units count as a set: reordered is unchanged, another unit is an update', () => {
    const deputy = {
      ...ZHANG,
      role: 'deputy-director' as const,
      unitCode: null,
      deputyUnits: ['water-air', 'ecology'],
    };
    const asSheet = (units: string) => row({ 职务: '副局长', 股室: '', 分管单位: units });
    expect(planRoster([HEAD, asSheet('生态股、水气股')], UNITS, [deputy], 'admin').rows[0].action).toBe('unchanged');
    expect(planRoster([HEAD, asSheet('生态股')], UNITS, [deputy], 'admin').rows[0].action).toBe('update');
    // Named twice (by name and by alias) is one unit.
    const twice = planRoster([HEAD, asSheet('水气股、水气科、生态股')], UNITS, [deputy], 'admin').rows[0];
    expect(twice.account!.deputyUnits).toEqual(['water-air', 'ecology']);
  });
});

describe('reading cells as people write them', () => {
  it('reads 状态 in any case and width; a row of blank cells is no person', () => {
    expect(planRoster([HEAD, row({ 状态: 'INACTIVE' })], UNITS, [], 'admin').rows[0].account!.active).toBe(false);
    expect(planRoster([HEAD, row({ 状态: 'Ｙｅｓ' })], UNITS, [], 'admin').rows[0].account!.active).toBe(true);
    const short = planRoster([HEAD, ['李四', 'li']], UNITS, [], 'admin').rows[0];
    expect(short.cells).toEqual({
      displayName: '李四',
      username: 'li',
      unit: '',
      role: '',
      mobile: '',
      email: '',
      deputyUnits: '',
      status: '',
    });
  });

  it('finds a unit by its code too, whatever its case', () => {
    expect(planRoster([HEAD, row({ 股室: 'Water-Air' })], UNITS, [], 'admin').rows[0].account!.unitCode).toBe(
      'water-air',
    );
  });

  it('keeps a remark in a heading that is no 必填 mark', () => {
    expect(normaliseHeading('股室（单位）')).toBe('股室(单位)');
    expect(normaliseHeading('姓名(选填)')).toBe('姓名');
    expect(rosterColumns(['姓名', '', '  ']).ignored).toEqual([]);
  });

  it('reads a title with spaces in it', () => {
    expect(roleOfTitle('副 局 长')).toBe('deputy-director');
    expect(roleOfTitle(' 承办人 ')).toBe('handler');
  });

  it('reads phone numbers only whole: no trailing or leading digits beyond the number', () => {
    expect(normalisePhone('86-13912345678')).toBe('13912345678');
    expect(normalisePhone('0791-88888888x')).toBeNull();
    expect(normalisePhone('x0791-88888888')).toBeNull();
  });
});

describe('the system’s own role words', () => {
  it('read back as their roles (an exported sheet says 承办人 … 管理员)', async () => {
    const { ROLE_LABELS } = await import('../labels/labels');
    for (const [role, word] of Object.entries(ROLE_LABELS)) expect(roleOfTitle(word)).toBe(role);
  });
});

describe('headings at their edges', () => {
  it('needs the name column itself: two other columns are no heading row', () => {
    expect(
      planRoster(
        [
          ['股室', '手机'],
          ['姓名', '手机'],
          ['张三', '13800000001'],
        ],
        UNITS,
        [],
        'admin',
      ).rows[0].line,
    ).toBe(3);
  });

  it('drops a remark with a 必填/选填 word anywhere in it, and reports unused columns trimmed', () => {
    expect(normaliseHeading('手机（11位，选填）')).toBe('手机');
    expect(normaliseHeading('手机（选填，11位）')).toBe('手机');
    expect(rosterColumns(['姓名', ' 备注 ']).ignored).toEqual(['备注']);
  });
});
