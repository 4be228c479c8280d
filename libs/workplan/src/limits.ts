import { PlanTree, TaskItem } from '@duban/domain/plan/plan-tree';
import { PlanParseError } from './errors';

/** Largest plan document accepted: real plans are tens of kilobytes; this leaves room for images in a .docx. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

/** Refuses a document over the limit before any decoding work is spent on it. */
export function assertWithinLimit(size: number, limit = MAX_PLAN_BYTES): void {
  if (size <= limit) return;
  throw new PlanParseError({
    code: 'TOO_LARGE',
    zh: `文件过大（${mib(size)} MB），上限为 ${mib(limit)} MB`,
    en: `Document too large (${mib(size)} MB); the limit is ${mib(limit)} MB`,
    hint: '工作要点正文通常只有几十 KB：删去图片和附件，或只上传正文后重试。',
  });
}

/** Task items one plan may hold: a year's 工作要点 has dozens to a few hundred; a 整改清单 a few hundred. */
export const MAX_PLAN_ITEMS = 5000;
/** Non-empty lines a text document may have before parsing (a plan of MAX_PLAN_ITEMS items needs far fewer). */
export const MAX_PLAN_LINES = 50_000;
/** Decompressed size of a .docx's XML parts: a 60-page plan is about 1 MB of document.xml. */
export const MAX_DOCX_XML_BYTES = 8 * 1024 * 1024;
/** YAML aliases (*ref) one plan may use: plans need none; a few are allowed for hand-written files. */
export const MAX_YAML_ALIASES = 50;
/** Values (objects, arrays, strings, numbers) a JSON/YAML plan may expand to. */
export const MAX_PLAN_NODES = 200_000;

/** The refusal of a document that would take too long or too much memory to read. */
export function tooComplex(zh: string, en: string): PlanParseError {
  return new PlanParseError({
    code: 'TOO_COMPLEX',
    zh,
    en,
    hint: '工作要点正文通常只有几十 KB：请只上传正文（删去图片、附件和重复内容），或拆分为多个文件后重试。',
  });
}

/** Refuses a plan tree with more task items than MAX_PLAN_ITEMS. */
export function assertItemCount(count: number): void {
  if (count <= MAX_PLAN_ITEMS) return;
  throw new PlanParseError({
    code: 'TOO_MANY_ITEMS',
    zh: `计划中有 ${count} 个任务事项，超过上限 ${MAX_PLAN_ITEMS} 个`,
    en: `The plan has ${count} task items; the limit is ${MAX_PLAN_ITEMS}`,
    hint: '请按年度或股室拆分为多个计划分别导入。',
  });
}

/** Refuses a text with more non-empty lines than MAX_PLAN_LINES, before any parsing work. */
export function assertLineCount(text: string): void {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (++lines > MAX_PLAN_LINES) {
      throw tooComplex(
        `文件超过 ${MAX_PLAN_LINES} 行，不像一份工作要点`,
        `The document has more than ${MAX_PLAN_LINES} lines; it does not look like a work plan`,
      );
    }
  }
}

/**
 * Counts the values of a parsed JSON/YAML document, refusing one that expands past MAX_PLAN_NODES
 * (an alias bomb reuses one node many times: it is counted every time it is reached).
 */
export function assertNodeBudget(value: unknown): void {
  let left = MAX_PLAN_NODES;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (--left < 0) {
      throw tooComplex(
        `计划文件展开后超过 ${MAX_PLAN_NODES} 个值（可能含有循环引用或别名炸弹）`,
        `The plan expands to more than ${MAX_PLAN_NODES} values (aliases or references?)`,
      );
    }
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
}

/** Items of a plan tree, at every depth. */
export function countItems(tree: PlanTree): number {
  let n = 0;
  const stack: TaskItem[] = tree.sections.flatMap((s) => s.items);
  while (stack.length > 0) {
    n++;
    stack.push(...stack.pop()!.children);
  }
  return n;
}
