import { demoAccountsTable } from './demo-accounts-table';

describe('the demo accounts table npm start ends with', () => {
  it('prints one aligned line per account under a Chinese header, CJK counted two columns wide', () => {
    const lines = demoAccountsTable([
      {
        username: 'water-air.handler',
        displayName: '水气股承办人',
        role: 'handler',
        unitCode: 'water-air',
        deputyUnits: [],
      },
      {
        username: 'deputy.a',
        displayName: '分管领导甲',
        role: 'deputy-director',
        unitCode: null,
        deputyUnits: ['water-air', 'ecology'],
      },
    ]).split('\n');
    expect(lines[0]).toMatch(/^用户名\s+姓名\s+角色\s+单位$/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^water-air\.handler\s+水气股承办人\s+承办人\s+water-air$/);
    expect(lines[3]).toMatch(/^deputy\.a\s+分管领导甲\s+分管领导\s+water-air、ecology$/);
    // The role column starts at the same terminal column on every line (a CJK character is two).
    const roleColumn = (l: string) => [.../^\S+\s+\S+\s+/.exec(l)![0]].reduce((n, c) => n + (c >= '\u2e80' ? 2 : 1), 0);
    expect(roleColumn(lines[2])).toBe(roleColumn(lines[3]));
    expect(roleColumn(lines[0])).toBe(roleColumn(lines[2]));
  });
});
