import { PlanSection, PlanTree, TaskItem } from './plan-tree';

export interface WalkedItem {
  item: TaskItem;
  section: PlanSection;
  parentCode: string | null;
  isLeaf: boolean;
  /** Position in document order, over all items. */
  ordinal: number;
}

/** Every item of the tree in document order, parents before their children. */
export function walkItems(tree: PlanTree): WalkedItem[] {
  const out: WalkedItem[] = [];
  const visit = (item: TaskItem, section: PlanSection, parentCode: string | null) => {
    out.push({ item, section, parentCode, isLeaf: item.children.length === 0, ordinal: out.length });
    for (const child of item.children) visit(child, section, item.code);
  };
  for (const section of tree.sections) for (const item of section.items) visit(item, section, null);
  return out;
}
