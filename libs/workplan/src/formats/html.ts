import { HTMLElement, parse } from 'node-html-parser';
import { htmlTableRows } from '../tables/html-table-rows';
import { tableItems } from '../tables/table-items';

const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|TR|BR|HR|SECTION|ARTICLE|HEADER|FOOTER|TABLE|PRE|BLOCKQUOTE|DL|DT|DD)$/;

/**
 * HTML → text with one line per block element, scripts and styles dropped, entities decoded. A table
 * laid out as a task list (序号 | 任务 | 牵头单位 | 配合单位 | 完成时限, merged cells carried) becomes
 * numbered item lines; any other table keeps one line per row.
 */
export function htmlToText(html: string): string {
  return htmlToLines(html).lines.join('\n');
}

/** htmlToText's lines, with the table row each task line came from ("表 2 第 5 行"), for the source. */
export function htmlToLines(html: string): { lines: string[]; cells: (string | undefined)[] } {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const lines: string[] = [];
  const cells: (string | undefined)[] = [];
  let tables = 0;
  let line = '';
  const flush = () => {
    if (line.trim()) {
      lines.push(line.trim());
      cells.push(undefined);
    }
    line = '';
  };
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        // The parser hands a doctype over as text.
        if (!/^\s*<!/.test(child.text)) line += child.text;
        continue;
      }
      const el = child as HTMLElement;
      const number = el.tagName === 'TABLE' ? ++tables : 0;
      const table = number ? tableItems(htmlTableRows(el)) : null;
      if (table) {
        flush();
        for (const l of table) {
          lines.push(l.text);
          cells.push(l.row === undefined ? undefined : `表 ${number} 第 ${l.row + 1} 行`);
        }
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
  return { lines, cells };
}
