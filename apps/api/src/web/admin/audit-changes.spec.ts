import { auditChanges } from './audit-changes';

const names: Record<string, string> = { 'water-air': '水气股', ecology: '生态股' };
const unitName = (code: string) => names[code] ?? code;

describe('auditChanges', () => {
  it('names each changed field with its old and new value, in words', () => {
    const before = { id: 'x', role: 'handler', unitCode: 'water-air', deputyUnits: [], active: true, email: null };
    const after = {
      id: 'x',
      role: 'deputy-director',
      unitCode: null,
      deputyUnits: ['water-air', 'ecology'],
      active: false,
      email: null,
    };
    expect(auditChanges(before, after, unitName)).toBe(
      '角色：承办人 → 分管领导；单位：水气股 → （空）；分管单位：（空） → 水气股、生态股；状态：启用 → 停用',
    );
  });

  it('lists what a creation set, and says nothing when there is no change to tell', () => {
    expect(auditChanges(null, { name: '固废股', kind: 'section', aliases: ['固废科'] }, unitName)).toBe(
      '名称：固废股；别名：固废科；类别：股室',
    );
    expect(auditChanges({ role: 'handler' }, { role: 'handler' }, unitName)).toBe('');
    expect(auditChanges(null, null, unitName)).toBe('');
  });
});
