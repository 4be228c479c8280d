import { parseRoleMap } from './role-map';
import { accountUpdateFromClaims, ClaimMapping, mappedRole, matchUnit, UnitNames } from './account-update-from-claims';
import { claimValues } from './claim-values';

const UNITS: UnitNames[] = [
  { code: 'water-air', name: '水气股', aliases: ['水气科', '大气与水股'] },
  { code: 'monitoring', name: '监测站', aliases: [] },
];

const MAPPING: ClaimMapping = {
  roleMapping: { claim: 'duban_role', roles: parseRoleMap('督查室=supervisor,股长=unit-head,承办人=handler') },
  unitClaim: 'department',
};

const handler = { role: 'handler' as const, unitCode: 'water-air', deputyUnits: [] };

describe('claimValues', () => {
  it('reads strings, numbers and arrays of them, trimmed, without blanks', () => {
    expect(claimValues({ a: ' x ' }, 'a')).toEqual(['x']);
    expect(claimValues({ a: 7 }, 'a')).toEqual(['7']);
    expect(claimValues({ a: ['x', 2, '', null, { y: 1 }] }, 'a')).toEqual(['x', '2']);
    expect(claimValues({ a: true }, 'a')).toEqual([]);
    expect(claimValues({}, 'a')).toEqual([]);
  });

  it('reaches into object claims by a dotted path, unless a claim has that very name', () => {
    const claims = { realm_access: { roles: ['股长', 'offline_access'] }, 'https://x.gov.cn/unit': '水气股' };
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['股长', 'offline_access']);
    expect(claimValues(claims, 'https://x.gov.cn/unit')).toEqual(['水气股']);
    expect(claimValues(claims, 'realm_access.roles.more')).toEqual([]);
    expect(claimValues({ 'a.b': 'flat', a: { b: 'nested' } }, 'a.b')).toEqual(['flat']);
  });
});

describe('mappedRole', () => {
  it('takes the first entry of the map, in the order written, that the person holds', () => {
    const roles = MAPPING.roleMapping!.roles;
    expect(mappedRole(['承办人', '股长'], roles)).toBe('unit-head');
    expect(mappedRole(['承办人'], roles)).toBe('handler');
    expect(mappedRole(['财务科'], roles)).toBeUndefined();
  });
});

describe('matchUnit', () => {
  it('matches a code in any case, a name or an alias', () => {
    expect(matchUnit(['Water-Air'], UNITS)).toBe('water-air');
    expect(matchUnit(['监测站'], UNITS)).toBe('monitoring');
    expect(matchUnit(['大气与水股'], UNITS)).toBe('water-air');
    expect(matchUnit(['财务科', '监测站'], UNITS)).toBe('monitoring');
    expect(matchUnit(['财务科'], UNITS)).toBeUndefined();
  });
});

describe('accountUpdateFromClaims', () => {
  it('gives the account the role and unit the claims name', () => {
    const update = accountUpdateFromClaims({ duban_role: '股长', department: '监测站' }, MAPPING, handler, UNITS);
    expect(update).toEqual({
      next: { role: 'unit-head', unitCode: 'monitoring', deputyUnits: [] },
      changed: true,
      unmatched: [],
      violations: [],
    });
  });

  it('changes nothing when the claims say what the account already is', () => {
    const update = accountUpdateFromClaims({ duban_role: '承办人', department: 'water-air' }, MAPPING, handler, UNITS);
    expect(update.changed).toBe(false);
    expect(update.next).toEqual(handler);
  });

  it('keeps what the claims do not name, and reports the values that matched nothing', () => {
    const update = accountUpdateFromClaims({ duban_role: ['财务'], department: '监测站' }, MAPPING, handler, UNITS);
    expect(update.next).toEqual({ role: 'handler', unitCode: 'monitoring', deputyUnits: [] });
    expect(update.unmatched).toEqual(['duban_role=财务']);
    expect(accountUpdateFromClaims({}, MAPPING, handler, UNITS)).toMatchObject({ changed: false, unmatched: [] });
  });

  it('looks only at the claims configured', () => {
    const claims = { duban_role: '督查室', department: '监测站' };
    expect(accountUpdateFromClaims(claims, { roleMapping: null, unitClaim: null }, handler, UNITS).changed).toBe(false);
    expect(
      accountUpdateFromClaims(claims, { roleMapping: null, unitClaim: 'department' }, handler, UNITS).next,
    ).toEqual({ role: 'handler', unitCode: 'monitoring', deputyUnits: [] });
  });

  it('leaves the account as it was when the result would break the account rules', () => {
    const supervisor = { role: 'supervisor' as const, unitCode: null, deputyUnits: [] };
    const update = accountUpdateFromClaims({ duban_role: '股长', department: '财务科' }, MAPPING, supervisor, UNITS);
    expect(update.changed).toBe(false);
    expect(update.next).toEqual(supervisor);
    expect(update.violations).toEqual([expect.stringContaining('unitCode 必填')]);
    expect(update.unmatched).toEqual(['department=财务科']);
  });

  it('drops the overseen units of a deputy director who is mapped to another role', () => {
    const deputy = { role: 'deputy-director' as const, unitCode: null, deputyUnits: ['water-air'] };
    const update = accountUpdateFromClaims({ duban_role: '督查室' }, MAPPING, deputy, UNITS);
    expect(update).toMatchObject({ changed: true, next: { role: 'supervisor', unitCode: null, deputyUnits: [] } });
  });
});
