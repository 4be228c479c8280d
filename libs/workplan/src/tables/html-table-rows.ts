import { HTMLElement, Node } from 'node-html-parser';

/** A cell's text with its line breaks (<br>, paragraphs) kept as "\n". */
function cellText(cell: HTMLElement): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.text;
      else {
        const el = child as HTMLElement;
        const tag = el.tagName;
        if (tag === 'BR') out += '\n';
        else {
          const block = tag === 'P' || tag === 'DIV' || tag === 'LI';
          if (block && out && !out.endsWith('\n')) out += '\n';
          walk(el);
          if (block) out += '\n';
        }
      }
    }
  };
  walk(cell);
  return out
    .replace(/&nbsp;/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * An HTML table as a grid of cell texts, merged cells expanded: a cell spanning columns or rows
 * (colspan, rowspan) fills every position it covers, as a person reading the printed table would
 * carry it along.
 */
export function htmlTableRows(table: HTMLElement): string[][] {
  const grid: string[][] = [];
  const rows = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of tr.childNodes.filter(
      (n): n is HTMLElement => n instanceof HTMLElement && (n.tagName === 'TD' || n.tagName === 'TH'),
    )) {
      while (grid[r][col] !== undefined) col++;
      const text = cellText(cell);
      const colspan = Math.min(Math.max(Number(cell.getAttribute('colspan')) || 1, 1), 50);
      const rowspan = Math.min(Math.max(Number(cell.getAttribute('rowspan')) || 1, 1), 500);
      for (let dr = 0; dr < rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) grid[r + dr][col + dc] = text;
      }
      col += colspan;
    }
  });
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
}
