import { OrgUnit } from './org-unit';
import { applyUnitMappings, UnitMappingError } from './unit-mappings';

const units: OrgUnit[] = [
  { code: 'office', name: '办公室', aliases: ['局办公室'], kind: 'office' },
  { code: 'water-air', name: '水气股', aliases: [], kind: 'section' },
];
const KINDS = ['section', 'office', 'station', 'branch', 'party'];
const code = (name: string, taken: Set<string>) => `u-${taken.size}-${name.length}`;

describe('unit decisions of the import preview', () => {
  it('remembers a mapped name as an alias and creates new units with the plan’s name as alias', () => {
    const r = applyUnitMappings(
      units,
      [
        { name: '大气办', unit: 'water-air' },
        { name: '区农水局', create: { name: '区农业农村水利局', kind: 'office' } },
        { name: '局办公室', unit: 'office' },
      ],
      code,
      KINDS,
    );
    expect(r.aliasesAdded).toEqual([{ code: 'water-air', alias: '大气办' }]);
    expect(r.created).toEqual([{ code: 'u-2-8', name: '区农业农村水利局', aliases: ['区农水局'], kind: 'office' }]);
    expect(r.units.find((u) => u.code === 'water-air')?.aliases).toEqual(['大气办']);
    // The caller's units are not changed.
    expect(units[1].aliases).toEqual([]);
  });

  it('takes creating a unit that exists for mapping to it', () => {
    const r = applyUnitMappings(units, [{ name: '水气科', create: { name: '水气股', kind: 'section' } }], code, KINDS);
    expect(r.created).toEqual([]);
    expect(r.aliasesAdded).toEqual([{ code: 'water-air', alias: '水气科' }]);
  });

  it('refuses a missing unit, a name another unit answers to, and a bad kind', () => {
    const refused = (m: Parameters<typeof applyUnitMappings>[1]) => {
      try {
        applyUnitMappings(units, m, code, KINDS);
        return null;
      } catch (error) {
        return error instanceof UnitMappingError ? error.code : 'other';
      }
    };
    expect(refused([{ name: 'x', unit: 'nope' }])).toBe('UNKNOWN_UNIT');
    expect(refused([{ name: '局办公室', unit: 'water-air' }])).toBe('ALIAS_TAKEN');
    expect(refused([{ name: 'y', create: { name: 'y', kind: 'planet' } }])).toBe('BAD_UNIT_MAPPING');
    expect(refused([{ name: ' ', unit: 'office' }])).toBe('BAD_UNIT_MAPPING');
  });
});
