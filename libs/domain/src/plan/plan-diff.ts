import { walkItems } from './plan-walk';
import { PlanTree, TaskItem } from './plan-tree';

export interface ItemChange {
  code: string;
  title: string;
  /** Which facts differ: title, body, units, deadline, structure (leaf ↔ parent). */
  fields: string[];
}

export interface PlanDiff {
  added: { code: string; title: string }[];
  removed: { code: string; title: string }[];
  changed: ItemChange[];
  targetsChanged: boolean;
}

const unitsOf = (item: TaskItem): string =>
  item.responsibility
    ? [item.responsibility.lead, ...item.responsibility.cooperating].map((u) => `${u.kind}:${u.name}`).join('|')
    : '';

const deadlineOf = (item: TaskItem): string =>
  `${item.deadline.kind}:${item.deadline.date ?? ''}:${item.deadline.every ?? ''}:${item.deadline.defaulted}`;

/** What a revised plan changes against the imported one, item by item (matched by code). */
export function diffPlans(before: PlanTree, after: PlanTree): PlanDiff {
  const old = new Map(walkItems(before).map((w) => [w.item.code, w]));
  const neu = new Map(walkItems(after).map((w) => [w.item.code, w]));
  const diff: PlanDiff = { added: [], removed: [], changed: [], targetsChanged: false };
  for (const [code, w] of neu) {
    const prev = old.get(code);
    if (!prev) {
      diff.added.push({ code, title: w.item.title });
      continue;
    }
    const fields: string[] = [];
    if (prev.item.title !== w.item.title) fields.push('title');
    if (prev.item.body !== w.item.body) fields.push('body');
    if (unitsOf(prev.item) !== unitsOf(w.item)) fields.push('units');
    if (deadlineOf(prev.item) !== deadlineOf(w.item)) fields.push('deadline');
    if (prev.isLeaf !== w.isLeaf) fields.push('structure');
    if (fields.length > 0) diff.changed.push({ code, title: w.item.title, fields });
  }
  for (const [code, w] of old) if (!neu.has(code)) diff.removed.push({ code, title: w.item.title });
  diff.targetsChanged = JSON.stringify(before.targets) !== JSON.stringify(after.targets);
  return diff;
}

export function isEmptyDiff(diff: PlanDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0 && !diff.targetsChanged;
}
