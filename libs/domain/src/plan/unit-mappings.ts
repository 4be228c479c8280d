import { OrgUnit } from './org-unit';
import { normaliseUnitName } from './unit-resolution';

/**
 * What the import preview decided for a unit name the org-unit table does not know: it is another
 * name of an existing unit (remembered as that unit's alias, so the next import knows it), or a
 * unit to create. One decision covers every row that names it.
 */
export type UnitMapping = { name: string; unit: string } | { name: string; create: { name: string; kind: string } };

export interface AppliedMappings {
  /** The units with the aliases the mappings add. */
  units: OrgUnit[];
  aliasesAdded: { code: string; alias: string }[];
  created: OrgUnit[];
}

export class UnitMappingError extends Error {
  constructor(
    readonly code: 'UNKNOWN_UNIT' | 'ALIAS_TAKEN' | 'BAD_UNIT_MAPPING',
    readonly zh: string,
    readonly en: string,
    readonly unitName: string,
  ) {
    super(en);
  }
}

const MAX_NAME = 128;

/**
 * Applies the mappings to the known units (pure: the caller writes aliases and new units). A name
 * already known as a unit needs no mapping and is left alone; a code that does not exist, or a
 * name that another unit already answers to, is refused.
 */
export function applyUnitMappings(
  units: OrgUnit[],
  mappings: UnitMapping[],
  newCode: (name: string, taken: Set<string>) => string,
  kinds: readonly string[],
): AppliedMappings {
  const out = units.map((u) => ({ ...u, aliases: [...u.aliases] }));
  const owner = new Map<string, OrgUnit>();
  for (const u of out) for (const n of [u.name, ...u.aliases]) owner.set(normaliseUnitName(n), u);
  const taken = new Set(out.map((u) => u.code));
  const aliasesAdded: AppliedMappings['aliasesAdded'] = [];
  const created: OrgUnit[] = [];
  for (const m of mappings) {
    const name = m.name.trim();
    if (!name || name.length > MAX_NAME) {
      throw new UnitMappingError(
        'BAD_UNIT_MAPPING',
        `单位名称不能为空且不超过 ${MAX_NAME} 字`,
        'A mapped name must be 1–128 characters',
        name,
      );
    }
    const key = normaliseUnitName(name);
    if ('unit' in m) {
      const target = out.find((u) => u.code === m.unit);
      if (!target) {
        throw new UnitMappingError(
          'UNKNOWN_UNIT',
          `“${name}”要对应的单位 ${m.unit} 不存在`,
          `Unit ${m.unit} (for "${name}") does not exist`,
          name,
        );
      }
      const current = owner.get(key);
      if (current && current.code !== target.code) {
        throw new UnitMappingError(
          'ALIAS_TAKEN',
          `“${name}”已是单位“${current.name}”的名称或别名，不能再对应“${target.name}”`,
          `"${name}" already names unit ${current.code}`,
          name,
        );
      }
      if (!current) {
        target.aliases.push(name);
        owner.set(key, target);
        aliasesAdded.push({ code: target.code, alias: name });
      }
      continue;
    }
    const unitName = m.create.name.trim() || name;
    if (unitName.length > MAX_NAME || !kinds.includes(m.create.kind)) {
      throw new UnitMappingError(
        'BAD_UNIT_MAPPING',
        `新建单位“${unitName}”的名称或类型不对`,
        `Bad new unit "${unitName}"`,
        name,
      );
    }
    const existing = owner.get(normaliseUnitName(unitName));
    if (existing) {
      // Creating a unit that exists is mapping to it.
      if (!owner.has(key)) {
        existing.aliases.push(name);
        owner.set(key, existing);
        aliasesAdded.push({ code: existing.code, alias: name });
      }
      continue;
    }
    const code = newCode(unitName, taken);
    taken.add(code);
    const unit: OrgUnit = { code, name: unitName, aliases: unitName === name ? [] : [name], kind: m.create.kind };
    out.push(unit);
    created.push(unit);
    for (const n of [unitName, name]) owner.set(normaliseUnitName(n), unit);
  }
  return { units: out, aliasesAdded, created };
}
