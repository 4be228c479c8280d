import { PlanSection, PlanTree, TaskItem } from '../../domain/src/plan/plan-tree';

/** The leaves of the task tree (what workflows track), with their section, in document order. */
export function leafTasks(tree: PlanTree): { item: TaskItem; section: PlanSection }[] {
  const out: { item: TaskItem; section: PlanSection }[] = [];
  const visit = (item: TaskItem, section: PlanSection) => {
    if (item.children.length === 0) out.push({ item, section });
    else item.children.forEach((c) => visit(c, section));
  };
  tree.sections.forEach((s) => s.items.forEach((i) => visit(i, s)));
  return out;
}
