import * as iconv from 'iconv-lite';
import { planRoster, RosterAccount } from '@duban/domain/roster/roster-plan';
import { DomainError } from '@duban/domain/errors/domain-error';
import { rosterGrid } from './roster-sheet';
import { rosterWorkbook } from './roster-workbook';

const UNITS = [
  { code: 'water-air', name: '水气股', aliases: [], active: true },
  { code: 'ecology', name: '生态股', aliases: [], active: true },
];
const name = (code: string) => UNITS.find((u) => u.code === code)!.name;

const ACCOUNTS: RosterAccount[] = [
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
  {
    username: 'wang.dd',
    displayName: '王副局长',
    role: 'deputy-director',
    unitCode: null,
    deputyUnits: ['water-air', 'ecology'],
    mobile: null,
    email: null,
    active: true,
  },
  {
    username: 'li',
    displayName: '李四',
    role: 'unit-head',
    unitCode: 'ecology',
    deputyUnits: [],
    mobile: '0791-88888888',
    email: null,
    active: false,
  },
];

describe('staff sheets', () => {
  it('exports a workbook that imports back as no change at all', async () => {
    const grid = await rosterGrid(await rosterWorkbook(ACCOUNTS, name), 'export.xlsx');
    expect(grid[0]).toEqual(['姓名', '用户名', '股室/单位', '职务/角色', '手机', '邮箱', '分管单位', '状态']);
    expect(grid[1]).toContain('13800000001');
    const plan = planRoster(grid, UNITS, ACCOUNTS, 'admin');
    expect(plan.problemCount).toBe(0);
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('reads a CSV as Excel saves it on a Chinese Windows (GBK), and as UTF-8 with a BOM', async () => {
    const csv = '姓名,股室,职务,手机\n张三,水气股,科员,13800000001\n"李,四",生态股,股长,13800000002\n';
    const gbk = await rosterGrid(iconv.encode(csv, 'gbk'), 'staff.csv');
    const bom = await rosterGrid(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'staff.csv');
    expect(gbk).toEqual(bom);
    expect(gbk[2]).toEqual(['李,四', '生态股', '股长', '13800000002']);
  });

  it('refuses what is not a sheet with a clear message', async () => {
    const refusal = async (bytes: Buffer, file: string) =>
      rosterGrid(bytes, file).then(
        () => '',
        (e: DomainError) => e.messageZh,
      );
    expect(await refusal(Buffer.alloc(0), 'a.csv')).toContain('文件为空');
    expect(await refusal(Buffer.from('PK\u0003\u0004garbage'), 'a.xlsx')).toContain('无法读取Excel 文件');
    expect(await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls')).toContain('.xls');
    expect(await refusal(Buffer.from('姓名,股室\n"张三,水气股\n'), 'a.csv')).toContain('格式有误');
  });
});
