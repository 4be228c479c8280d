import { PlanSection, PlanTree, TaskItem } from '../../domain/src/plan/plan-tree';

/** A leaf of the task tree — what one workflow tracks — with the section it belongs to. */
export interface LeafTask {
  item: TaskItem;
  section: PlanSection;
}

/** The leaves of the task tree, in document order. */
export function leafTasks(tree: PlanTree): LeafTask[] {
  const out: LeafTask[] = [];
  const visit = (item: TaskItem, section: PlanSection) => {
    if (item.children.length === 0) out.push({ item, section });
    else item.children.forEach((c) => visit(c, section));
  };
  tree.sections.forEach((s) => s.items.forEach((i) => visit(i, s)));
  return out;
}
