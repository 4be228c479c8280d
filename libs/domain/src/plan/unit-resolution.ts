import { OrgUnit, SECTION_KINDS } from './org-unit';
import { PlanTree, TaskItem, UnitRef } from './plan-tree';

/** Who answers for a leaf task, in org-unit codes. */
export interface ResolvedAssignment {
  taskCode: string;
  leadUnit: string;
  cooperatingUnits: string[];
  /** The plan said 相关业务股室: more units are to be named later. */
  relatedSectionsPending: boolean;
}

export interface UnknownUnitName {
  name: string;
  /** Lines of the source where the name appears. */
  lines: number[];
}

export interface UnitResolution {
  assignments: Map<string, ResolvedAssignment>;
  unknown: UnknownUnitName[];
}

/** Normalises a unit name for matching: width-folded, no spaces. */
export function normaliseUnitName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（(].*?[)）]/g, '');
}

/**
 * Maps every unit named by a leaf task to an org unit by name or alias. Group words expand:
 * 各股室 → every section (lead stays the first named unit). Names that match nothing are collected
 * with their lines so an import can stop with a complete list instead of failing on the first.
 */
export function resolveUnits(tree: PlanTree, units: OrgUnit[]): UnitResolution {
  const byName = new Map<string, OrgUnit>();
  for (const unit of units) {
    byName.set(normaliseUnitName(unit.name), unit);
    for (const alias of unit.aliases) byName.set(normaliseUnitName(alias), unit);
  }
  const sections = units.filter((u) => SECTION_KINDS.has(u.kind)).map((u) => u.code);
  const unknown = new Map<string, Set<number>>();
  const assignments = new Map<string, ResolvedAssignment>();

  const lookup = (ref: UnitRef, line: number): string[] => {
    if (ref.kind === 'all-sections') return sections;
    if (ref.kind === 'related-sections') return [];
    const unit = byName.get(normaliseUnitName(ref.name));
    if (unit) return [unit.code];
    const lines = unknown.get(ref.name) ?? new Set<number>();
    lines.add(line);
    unknown.set(ref.name, lines);
    return [];
  };

  const visit = (item: TaskItem): void => {
    if (item.children.length > 0) {
      item.children.forEach(visit);
      return;
    }
    const resp = item.responsibility;
    if (!resp) return;
    const line = item.source.line;
    const [lead] = lookup(resp.lead, line);
    const cooperating: string[] = [];
    // Co-leads (市生态环境局、市场监管局牵头) answer with the lead: they take part as cooperating units.
    for (const ref of [...(resp.coLeads ?? []), ...resp.cooperating]) {
      for (const code of lookup(ref, line)) {
        if (code !== lead && !cooperating.includes(code)) cooperating.push(code);
      }
    }
    if (lead === undefined) return;
    assignments.set(item.code, {
      taskCode: item.code,
      leadUnit: lead,
      cooperatingUnits: cooperating,
      relatedSectionsPending: [resp.lead, ...(resp.coLeads ?? []), ...resp.cooperating].some(
        (r) => r.kind === 'related-sections',
      ),
    });
  };
  tree.sections.forEach((s) => s.items.forEach(visit));

  return {
    assignments,
    unknown: [...unknown.entries()].map(([name, lines]) => ({ name, lines: [...lines].sort((a, b) => a - b) })),
  };
}
