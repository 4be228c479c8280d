import { PlanTree } from '@duban/domain/plan/plan-tree';
import { WalkedItem } from '@duban/domain/plan/plan-walk';
import { UnitResolution } from '@duban/domain/plan/unit-resolution';
import { taskWorkflowId } from '@duban/domain/task/task-types';
import { IndicatorRow, PlanItemRow } from '@duban/persistence/repositories/plan-writer';

/** The task rows of a plan's items: headings and tasks, with their resolved units and deadlines. */
export function itemRows(
  planId: string,
  items: WalkedItem[],
  resolution: UnitResolution,
  kinds: Map<string, string>,
  sourceKind: string,
): PlanItemRow[] {
  return items.map((w) => {
    const a = resolution.assignments.get(w.item.code);
    const id = taskWorkflowId(planId, w.item.code);
    const d = w.item.deadline;
    return {
      id,
      code: w.item.code,
      parentCode: w.parentCode,
      sectionCode: w.section.code,
      ordinal: w.ordinal,
      isLeaf: w.isLeaf,
      title: w.item.title,
      body: w.item.body,
      kind: w.isLeaf ? (kinds.get(id) ?? null) : null,
      sourceKind,
      leadUnit: a?.leadUnit ?? null,
      cooperatingUnits: a?.cooperatingUnits ?? [],
      relatedSectionsPending: a?.relatedSectionsPending ?? false,
      deadlineKind: d.kind,
      dueDate: d.date ?? null,
      deadlineDefaulted: d.defaulted,
    };
  });
}

/**
 * The indicator rows of a plan's targets, numbered from 1 within a target; a qualitative target
 * is one row of sequence 0 holding its sentence.
 */
export function indicatorRows(tree: PlanTree): IndicatorRow[] {
  return tree.targets.flatMap((target): IndicatorRow[] =>
    target.indicators.length
      ? target.indicators.map((ind, i) => ({
          targetCode: target.code,
          seq: i + 1,
          name: ind.name,
          comparator: ind.comparator,
          value: ind.value,
          unit: ind.unit,
          aspirational: ind.aspirational,
          qualitative: false,
          raw: ind.raw,
        }))
      : [
          {
            targetCode: target.code,
            seq: 0,
            name: target.text,
            comparator: null,
            value: null,
            unit: null,
            aspirational: false,
            qualitative: true,
            raw: target.text,
          },
        ],
  );
}
