import { labelledRecordsToLines } from './labelled-records';
import { roleOfHeader } from './table-columns';
import { findHeader, TableLine, tableItems } from './table-items';
import { isPersonLine, isUnitLine } from './unit-cells';

/**
 * Task tables that reached us as text — copied from a web page or exported by a converter — in the
 * two shapes they take: `cell | cell |` (a row per line, or a cell per line), and one cell per line
 * with no separator at all. Each found table is replaced by the item lines tableItemLines makes;
 * every other line is left as it is.
 */
export interface SourceLine {
  /** 1-based line of the document. */
  no: number;
  text: string;
}

export function textTablesToLines(lines: SourceLine[]): SourceLine[] {
  // Blank lines carry nothing for the parser, and copied tables are full of them.
  return oneCellPerLineTables(labelledRecordsToLines(pipeTables(lines.filter((l) => l.text.trim() !== ''))));
}

/** A table's lines, each at the document line of the row it came from (its heading at the first). */
export function atRows(items: TableLine[], rowNos: number[]): SourceLine[] {
  return items.map((l) => ({ no: rowNos[l.row ?? 0] ?? rowNos[0], text: l.text }));
}

const PIPE = /\|/;

function pipeTables(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length;) {
    if (!PIPE.test(lines[i].text)) {
      out.push(lines[i++]);
      continue;
    }
    let j = i;
    while (j < lines.length && (PIPE.test(lines[j].text) || lines[j].text.trim() === '')) j++;
    const block = lines.slice(i, j).filter((l) => l.text.trim() !== '');
    const items = pipeBlockItems(block);
    if (items) out.push(...items);
    else out.push(...block.map((l) => ({ no: l.no, text: l.text.replace(/\s*\|\s*/g, ' ').trim() })));
    i = j;
  }
  return out;
}

const cellsOfLine = (line: string) => {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
};

/** A block of pipe lines as a task table, or null. */
function pipeBlockItems(block: SourceLine[]): SourceLine[] | null {
  const wide = block.filter((l) => (l.text.match(/\|/g) ?? []).length >= 3).length;
  if (wide >= Math.max(2, block.length / 2)) return rowPerLine(block);
  // A cell per line: "序号 |", "问题具体情况 |", … then the cells of each row in turn.
  const cells = block.map((l) => ({
    no: l.no,
    text: l.text
      .replace(/\|\s*$/, '')
      .replace(/^\s*\|/, '')
      .trim(),
  }));
  return cellStream(cells);
}

function rowPerLine(block: SourceLine[]): SourceLine[] | null {
  const rows: string[][] = [];
  const rowNos: number[] = [];
  let header: string[] | null = null;
  for (const { no, text: line } of block) {
    if (/^[\s|:-]+$/.test(line)) continue; // a markdown separator row
    const cells = cellsOfLine(line);
    if (!header) {
      rows.push(cells);
      rowNos.push(no);
      const found = findHeader(rows);
      if (found) header = rows[found.at];
      continue;
    }
    const filled = cells.filter(Boolean).length;
    const prev = rows[rows.length - 1];
    const width = header.length;
    // A row shorter than the header lost the cells a merge spanned (a copied rowspan): put its
    // cells under the columns they fit and carry the spanned ones down from the row above.
    const spanned = filled < width && prev !== header ? spannedRow(cells, prev, header) : null;
    if (spanned) {
      rows.push(spanned);
      rowNos.push(no);
      continue;
    }
    // A wrapped row: fewer cells than the header, not starting with a number.
    if (prev !== header && cells.length < width - 1 && !/^\d+$/.test(cells[0] ?? '')) {
      const lastFilled = Math.max(0, prev.map((c) => c !== '').lastIndexOf(true));
      prev[lastFilled] = `${prev[lastFilled]}${cells[0] ?? ''}`;
      prev.splice(lastFilled + 1, cells.length - 1, ...cells.slice(1));
      continue;
    }
    rows.push(cells);
    rowNos.push(no);
  }
  const items = tableItems(rows);
  if (!items) return null;
  // The rows above the header (the table's title, a 文号) stay lines of the document.
  const headerAt = findHeader(rows)?.at ?? 0;
  const above = rows
    .slice(0, headerAt)
    .map((r, i) => ({ no: rowNos[i], text: [...new Set(r.filter(Boolean))].join(' ') }))
    .filter((l) => l.text);
  return [...above, ...atRows(items, rowNos)];
}

const DATE_LIKE =
  /^(?:\d{4}(?:[.．/-]\d{1,2})?|.{0,12}(?:\d{1,2}月|年底|年内|季度|全年|长期|持续|上半年|下半年|前|底))$/;

/** How well a cell's text fits a column of the given role (positive: it fits). */
function fit(cell: string, role: ReturnType<typeof roleOfHeader>): number {
  if (!cell) return 0;
  switch (role) {
    case 'number':
      return /^\d{1,4}$/.test(cell) ? 3 : -3;
    case 'lead':
    case 'units':
    case 'cooperating':
      return isUnitLine(cell) ? 2 : -2;
    case 'deadline':
      return DATE_LIKE.test(cell) && cell.length <= 40 ? 2 : -1;
    case 'person':
      return isPersonLine(cell) ? 1 : -1;
    case 'task':
    case 'detail':
      if (/^\d+$/.test(cell) || /^\d{4}[-—~]/.test(cell)) return -2;
      if (isUnitLine(cell)) return -2;
      if (DATE_LIKE.test(cell)) return -1;
      return cell.length >= 6 ? 1 : 0;
    default:
      return 0;
  }
}

/** Spanned columns are carried from above: a blank cell above spans nothing. */
const SPAN_OF_BLANK = -2;
/** Columns considered for a span at most (the search is over their combinations). */
const MAX_SPANNED = 5;

/**
 * The full row a short row stands for, when placing its cells under fewer columns — those they fit,
 * in order — fits clearly better than leaving them where they are; the skipped columns take the
 * row above's cells. Null when the row is no such remnant.
 */
function spannedRow(cells: string[], prev: string[], header: string[]): string[] | null {
  const roles = header.map(roleOfHeader);
  const width = header.length;
  const own = cells.slice(0, width);
  while (own.length && own[own.length - 1] === '') own.pop();
  const k = own.length;
  const skip = width - k;
  if (k === 0 || skip === 0 || skip > MAX_SPANNED) return null;
  if (own.every((t) => !t || roleOfHeader(t) !== null)) return null; // a second header row
  const inPlace = own.reduce((sum, t, i) => sum + fit(t, roles[i]), 0);
  let best: { score: number; positions: number[] } | null = null;
  const choose = (start: number, chosen: number[]) => {
    if (chosen.length === k) {
      let score = 0;
      const set = new Set(chosen);
      chosen.forEach((col, i) => (score += fit(own[i], roles[col])));
      for (let col = 0; col < width; col++)
        if (!set.has(col) && col < chosen[k - 1]) score += prev[col] ? 0 : SPAN_OF_BLANK;
      // On a tie the spanned columns are the leftmost: rowspans sit on a table's left.
      const sum = (p: number[]) => p.reduce((a, b) => a + b, 0);
      if (!best || score > best.score || (score === best.score && sum(chosen) > sum(best.positions)))
        best = { score, positions: [...chosen] };
      return;
    }
    for (let col = start; col <= width - (k - chosen.length); col++) choose(col + 1, [...chosen, col]);
  };
  choose(0, []);
  const found = best as { score: number; positions: number[] } | null;
  if (!found || found.score < inPlace + 2 || found.positions.every((col, i) => col === i)) return null;
  const row = header.map((_, col) => (col < found.positions[k - 1] ? (prev[col] ?? '') : ''));
  found.positions.forEach((col, i) => (row[col] = own[i]));
  return row;
}

/** Cells in reading order, a header run first: chunked into rows of the header's width. */
function cellStream(lines: SourceLine[]): SourceLine[] | null {
  const cells = lines.map((l) => l.text);
  const start = cells.findIndex((c, i) => headerRun(cells, i) >= 3);
  if (start < 0) return null;
  const width = headerRun(cells, start);
  const rows: string[][] = [cells.slice(start, start + width)];
  const rowNos = [lines[start].no];
  for (let i = start + width; i < cells.length; i += width) {
    rows.push(cells.slice(i, i + width));
    rowNos.push(lines[i].no);
  }
  const items = tableItems(rows);
  return items && [...lines.slice(0, start).filter((l) => l.text), ...atRows(items, rowNos)];
}

/** How many known header cells follow each other from `i` (a blank cell may sit among them). */
function headerRun(cells: string[], i: number): number {
  let n = 0;
  while (i + n < cells.length && (roleOfHeader(cells[i + n]) !== null || (cells[i + n] === '' && n > 0))) n++;
  while (n > 0 && cells[i + n - 1] === '') n--;
  return n;
}

// ---- one cell per line, no separators --------------------------------------------------------

/**
 * Finds header runs of short lines (序号, 重点工作内容, 牵头责任单位 …; a header split over two lines
 * such as 分管/领导 is joined), then reads the records under them: each starts with its bare number,
 * and its lines are given to the columns by what they look like — units to the unit columns (one
 * or more lines each), a name to a person column, the rest in order — since empty cells leave no line.
 */
function oneCellPerLineTables(source: SourceLine[]): SourceLine[] {
  const lines = source.map((l) => l.text);
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length;) {
    const header = headerLines(lines, i);
    if (!header) {
      out.push(source[i++]);
      continue;
    }
    const records: { no: number; cells: string[] }[] = [];
    let j = header.end;
    let expected = NaN;
    while (j < lines.length) {
      const line = lines[j].trim();
      const n = /^\d{1,4}$/.test(line) ? Number(line) : NaN;
      if (!isNaN(n) && (records.length === 0 || n === expected)) {
        records.push({ no: source[j].no, cells: [line] });
        expected = n + 1;
      } else if (records.length > 0 && line) records[records.length - 1].cells.push(line);
      else if (records.length === 0 && line) break;
      j++;
    }
    const rows = [header.cells, ...records.map((r) => recordCells(r.cells, header.cells))];
    const items = records.length ? tableItems(rows) : null;
    if (!items) {
      out.push(source[i++]);
      continue;
    }
    out.push(...atRows(items, [source[i].no, ...records.map((r) => r.no)]));
    i = j;
  }
  return out;
}

function headerLines(lines: string[], i: number): { cells: string[]; end: number } | null {
  const cells: string[] = [];
  let j = i;
  while (j < lines.length) {
    const line = lines[j].replace(/\s+/g, '');
    if (!line || line.length > 16) break;
    if (roleOfHeader(line)) {
      cells.push(line);
      j++;
    } else if (j + 1 < lines.length && roleOfHeader(line + lines[j + 1].replace(/\s+/g, ''))) {
      cells.push(line + lines[j + 1].replace(/\s+/g, ''));
      j += 2;
    } else break;
  }
  const roles = cells.map(roleOfHeader);
  const taskLike = roles.some((r) => r === 'task' || r === 'detail');
  const numbered = roles[0] === 'number';
  return cells.length >= 3 && taskLike && numbered && findHeader([cells]) ? { cells, end: j } : null;
}

function recordCells(record: string[], header: string[]): string[] {
  const roles = header.map(roleOfHeader);
  const cells: string[] = header.map(() => '');
  let k = 0;
  for (let c = 0; c < header.length && k < record.length; c++) {
    const role = roles[c];
    const line = record[k];
    if (role === 'lead' || role === 'units' || role === 'cooperating') {
      const units: string[] = [];
      while (k < record.length && isUnitLine(record[k])) units.push(record[k++]);
      cells[c] = units.join('\n');
    } else if (role === 'person') {
      if (isPersonLine(line)) cells[c] = record[k++];
    } else if (role === 'number') {
      cells[c] = record[k++];
    } else {
      // A task or detail cell is never a lone unit name: an empty cell left no line.
      if (isUnitLine(line) && roles.slice(c + 1).some((r) => r === 'lead' || r === 'units')) continue;
      cells[c] = record[k++];
    }
  }
  return cells;
}
