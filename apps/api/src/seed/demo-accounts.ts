import { Role } from '../auth/auth-user';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  deputyUnits: string[];
}

/** Units overseen by the first demo deputy director; the second takes all the others. */
export const DEPUTY_A_UNITS = ['water-air', 'monitoring', 'enforcement'];

/**
 * The demo cast for the given units: a 承办人 and a 股长 per unit, two 分管领导 splitting the units,
 * the 督查室 and an administrator. Usernames are "<unit>.handler" / "<unit>.head".
 */
export function buildDemoAccounts(units: { code: string; name: string }[]): DemoAccount[] {
  const perUnit = units.flatMap((u): DemoAccount[] => [
    {
      username: `${u.code}.handler`,
      displayName: `${u.name}承办人`,
      role: 'handler',
      unitCode: u.code,
      deputyUnits: [],
    },
    {
      username: `${u.code}.head`,
      displayName: `${u.name}${headTitle(u.name)}`,
      role: 'unit-head',
      unitCode: u.code,
      deputyUnits: [],
    },
  ]);
  const codes = units.map((u) => u.code);
  const deputyA = codes.filter((c) => DEPUTY_A_UNITS.includes(c));
  const deputyB = codes.filter((c) => !DEPUTY_A_UNITS.includes(c));
  const deputies: DemoAccount[] = [
    {
      username: 'deputy.a',
      displayName: '分管领导（甲）',
      role: 'deputy-director',
      unitCode: null,
      deputyUnits: deputyA,
    },
    {
      username: 'deputy.b',
      displayName: '分管领导（乙）',
      role: 'deputy-director',
      unitCode: null,
      deputyUnits: deputyB,
    },
  ].filter((d) => d.deputyUnits.length > 0) as DemoAccount[];
  return [
    ...perUnit,
    ...deputies,
    { username: 'supervisor', displayName: '督查室', role: 'supervisor', unitCode: null, deputyUnits: [] },
    { username: 'admin', displayName: '系统管理员', role: 'admin', unitCode: null, deputyUnits: [] },
  ];
}

/** 股 → 股长; stations, branches, offices and party bodies have a 负责人. */
function headTitle(unitName: string): string {
  return unitName.endsWith('股') ? '股长' : '负责人';
}
