import { PlanSection, PlanTree, TaskItem } from '@duban/domain/plan/plan-tree';
import { walkItems } from '@duban/domain/plan/plan-walk';

/** A leaf of the task tree — what one workflow tracks — with the section it belongs to. */
export interface LeafTask {
  item: TaskItem;
  section: PlanSection;
}

/** The leaves of the task tree, in document order. */
export function leafTasks(tree: PlanTree): LeafTask[] {
  return walkItems(tree)
    .filter((w) => w.isLeaf)
    .map(({ item, section }) => ({ item, section }));
}
