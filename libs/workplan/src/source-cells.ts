import { PlanTree, TaskItem } from '@duban/domain/plan/plan-tree';

/**
 * Marks where in a spreadsheet or table each item and target was read ("整改清单 第 3 行"): the
 * text parser counts lines of the text made from the tables; a person looks for the row.
 */
export function attachCells(tree: PlanTree, cells: (string | undefined)[] | undefined): PlanTree {
  if (!cells || cells.every((c) => c === undefined)) return tree;
  const mark = (source: { line: number; cell?: string }) => {
    const cell = cells[source.line - 1];
    if (cell) source.cell = cell;
  };
  const visit = (item: TaskItem) => {
    mark(item.source);
    item.children.forEach(visit);
  };
  tree.targets.forEach((t) => mark(t.source));
  for (const section of tree.sections) {
    mark(section.source);
    section.items.forEach(visit);
  }
  return tree;
}
