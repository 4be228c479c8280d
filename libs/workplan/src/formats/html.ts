import { HTMLElement, parse } from 'node-html-parser';
import { taskTableLines } from './task-table';

const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|TR|BR|HR|SECTION|ARTICLE|HEADER|FOOTER|TABLE|PRE|BLOCKQUOTE|DL|DT|DD)$/;

/**
 * HTML → text with one line per block element, scripts and styles dropped, entities decoded. A table
 * laid out as a task list (序号 | 任务 | 责任单位 | 完成时限) becomes numbered item lines.
 */
export function htmlToText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        line += child.text;
        continue;
      }
      const el = child as HTMLElement;
      const table = el.tagName === 'TABLE' ? taskTableLines(el) : null;
      if (table) {
        flush();
        lines.push(...table);
        continue;
      }
      const block = BLOCK.test(el.tagName ?? '');
      if (block) flush();
      walk(el);
      if (block) flush();
      // Cells of a row stay on one line ("发布机构 某局"), apart.
      else if (el.tagName === 'TD' || el.tagName === 'TH') line += ' ';
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
}
