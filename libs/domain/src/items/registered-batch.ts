import { ItemPolicy, PlanMetadata, PlanTree, TaskItem } from '../plan/plan-tree';
import { TaskKind } from '../task/task-types';
import { SourceKind } from './source-kinds';

/** One item a supervisor registers (立项): what to do, who leads, by when. */
export interface RegisteredItem {
  title: string;
  body: string;
  /** Unit names as the org-unit table has them (the import resolves them like a plan's). */
  leadUnit: string;
  cooperatingUnits: string[];
  /** YYYY-MM-DD, given or computed from the urgency class. */
  deadline: string;
  /** How the deadline was set, as the ledger shows it: "2027-01-15", "特急（3 个工作日）". */
  deadlineText: string;
  kind: TaskKind;
  /** Its own reminders and ladder, when the registrar set them. */
  policy?: ItemPolicy;
  /** The code of the unit that verifies the completion beside the office (核实单位). */
  verifyingUnit?: string;
}

/** The batch the item joins (one meeting's decisions, one leader's instructions), or starts. */
export interface BatchMeta {
  title: string;
  sourceKind: SourceKind;
  year: number;
  issuer?: string;
  issuedOn?: string;
  docNumber?: string;
}

/**
 * A batch of registered items as a plan tree, so they run exactly like a plan's leaves: one
 * section, the items numbered 1.1, 1.2, … in the order they were registered. Adding an item to a
 * batch keeps the batch's own details and every earlier item as it was.
 */
export function batchWithItem(existing: PlanTree | null, meta: BatchMeta, item: RegisteredItem): PlanTree {
  const metadata: PlanMetadata = existing?.metadata ?? {
    title: meta.title,
    year: meta.year,
    sourceKind: meta.sourceKind,
    ...(meta.issuer ? { issuer: meta.issuer } : {}),
    ...(meta.issuedOn ? { issuedOn: meta.issuedOn } : {}),
    ...(meta.docNumber ? { docNumber: meta.docNumber } : {}),
  };
  const earlier = existing?.sections[0]?.items ?? [];
  const n = earlier.length + 1;
  const cooperating = item.cooperatingUnits.filter((u) => u !== item.leadUnit);
  const raw = `牵头单位：${item.leadUnit}${cooperating.length ? `；配合单位：${cooperating.join('、')}` : ''}`;
  const added: TaskItem = {
    code: `1.${n}`,
    title: item.title,
    body: item.body || item.title,
    responsibility: {
      lead: { name: item.leadUnit, kind: 'unit' },
      cooperating: cooperating.map((name) => ({ name, kind: 'unit' as const })),
      raw,
    },
    deadline: { kind: 'date', date: item.deadline, defaulted: false, raw: item.deadlineText },
    children: [],
    source: { line: n },
    kind: item.kind,
    ...(item.policy ? { policy: item.policy } : {}),
    ...(item.verifyingUnit ? { verifyingUnit: item.verifyingUnit } : {}),
  };
  return {
    schemaVersion: 1,
    metadata,
    targets: [],
    sections: [{ code: '1', numeral: '一', title: metadata.title, items: [...earlier, added], source: { line: 1 } }],
    warnings: [],
  };
}
