import { chineseNumeral } from '../numbering';
import { columnsOf, headerScore, roleOfHeader, TableColumns } from './table-columns';
import { unitsOfCell } from './unit-cells';

/** The heading put before a table's items: it opens the task part for the text parser. */
export const TABLE_HEADING = '任务清单';

/** Header rows are looked for among a table's first rows (a title row may come first). */
const HEADER_SEARCH_ROWS = 6;

const clean = (s: string | undefined) => (s ?? '').replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
const oneLine = (s: string | undefined) => clean(s).replace(/\n+/g, '');
/** The printed number of a 序号 cell: "1", "1.", "（一）", "一、". */
const printedNumber = (s: string) => s.replace(/[\s()（）、.．]/g, '');

/**
 * The header row of a table and the columns it names, merging a second header row into the first
 * when it carries more headers (two-row headers: 截至6月底进展 | 7月工作计划 under 进展情况).
 */
export function findHeader(rows: string[][]): { at: number; columns: TableColumns } | null {
  let best: { at: number; score: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const score = headerScore(rows[i].map(oneLine));
    if (score >= 2 && (!best || score > best.score)) best = { at: i, score };
  }
  if (!best) return null;
  const columns = columnsOf(rows[best.at].map(oneLine));
  return columns ? { at: best.at, columns } : null;
}

/** One data row of a task table, read by its columns. */
interface TableRow {
  /** Index of the row in the table (for the source reference of its task). */
  at: number;
  number: string;
  task: string;
  /** The detail cells that differ from the task's own text. */
  details: string[];
  /** From a 牵头 column. */
  lead: string[];
  /** From a 责任单位 column: its first unit leads when there is no 牵头 column. */
  listed: string[];
  cooperating: string[];
  deadlines: string[];
}

/** What the text parser gets for one leaf. */
interface RowItem {
  counter: number;
  title: string;
  body: string[];
  lead: string[];
  list: string[];
  cooperating: string[];
  deadlines: string[];
}

/** A leading item number printed in a cell ("1.文化中心北路", "（二）井盖整治项目"): dropped from the title. */
const PRINTED_NUMBER =
  /^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[.．、](?!\d)|[一二三四五六七八九十]{1,3}、)\s*/;
const withoutNumber = (s: string) => s.replace(PRINTED_NUMBER, '');

/**
 * A task table → the lines the text parser reads: a category or section row as a section heading
 * ("（一）…"), each task row as "1.任务。细化内容（牵头单位:A;配合单位:B;完成时限:C）".
 *
 * Rows a merged cell spans (序号 and 任务 repeated by the expansion of a vertical merge) belong to
 * one task. When those rows differ in their first detail cell (项目名称 over 工作任务, 重点工作 over
 * 具体措施, 项目 over 子项目), the merged task is a heading and each detail a task of its own;
 * otherwise they continue the one task, their further units cooperating and their dates added.
 * Returns null for a table that is not a task table.
 */
export function tableItemLines(rows: string[][]): string[] | null {
  return tableItems(rows)?.map((l) => l.text) ?? null;
}

/** A line made from a table, with the index of the table row it came from (none for the heading). */
export interface TableLine {
  text: string;
  row?: number;
}

/** tableItemLines with each line's table row: an import points at the row a task was read from. */
export function tableItems(rows: string[][]): TableLine[] | null {
  const header = findHeader(rows);
  if (!header) return null;
  const c = header.columns;
  // The table is the task part of the document, whatever headings the text around it has.
  const lines: TableLine[] = [{ text: TABLE_HEADING }];
  let rowAt = 0;
  const emit = (text: string, row = rowAt) => lines.push({ text, row });
  let sectionCount = 0;
  let counter = 0;
  let category = '';
  let numeralSection = '';
  // Inside a chapter a 序号 numeral spans (一 | 区住建局 | … merged over its rows): its groups and
  // its own tasks are "（k）", a group's tasks "1.".
  let chapterCount = 0;
  let nested = false;
  const openSection = (title: string, printed = false) => {
    sectionCount++;
    emit(printed ? sectionLine(title, sectionCount) : `（${toNumeral(sectionCount)}）${withoutNumber(title)}`);
    counter = 0;
  };
  const openChapter = (title: string) => {
    chapterCount++;
    emit(`${toNumeral(chapterCount)}、${withoutNumber(title)}`);
    nested = true;
    sectionCount = 0;
    counter = 0;
  };
  let group: TableRow[] = [];
  const flushGroup = () => {
    if (group.length === 0) return;
    const subtasks = [...new Set(group.map((r) => r.details[0] ?? ''))];
    if (group.length > 1 && subtasks.length > 1 && subtasks.every(Boolean)) {
      // The merged task heads its subtasks: "（k）" over "1." in a chapter, else "k." over "（1）".
      let subCount = 0;
      if (nested) emit(`（${toNumeral(++sectionCount)}）${withoutNumber(group[0].task)}`, group[0].at);
      else emit(`${++counter}.${withoutNumber(group[0].task)}`, group[0].at);
      const subLine = (rows: TableRow[]) => {
        subCount++;
        emit(itemLine(leafOf(rows, subCount, true), c, nested ? `${subCount}.` : `（${subCount}）`), rows[0].at);
      };
      let sub: TableRow[] = [];
      for (const row of group) {
        if (sub.length && row.details[0] !== sub[0].details[0]) {
          subLine(sub);
          sub = [];
        }
        sub.push(row);
      }
      subLine(sub);
    } else if (nested) {
      sectionCount++;
      emit(itemLine(leafOf(group, sectionCount, false), c, `（${toNumeral(sectionCount)}）`), group[0].at);
    } else {
      const n = /^\d+$/.test(group[0].number) ? Number(group[0].number) : counter + 1;
      counter = n;
      emit(itemLine(leafOf(group, n, false), c), group[0].at);
    }
    group = [];
  };

  for (let r = header.at + 1; r < rows.length; r++) {
    rowAt = r;
    const cells = rows[r];
    const texts = cells.map(oneLine);
    const filled = [...new Set(texts.filter((t) => t !== ''))];
    if (filled.length === 0) continue;
    if (isSecondHeaderRow(texts, rows[header.at].map(oneLine))) continue;
    // A row of one merged cell (or one filled cell) is a heading: a section of the table.
    if (filled.length === 1 && (texts.filter((t) => t).length >= 2 || !texts[c.task])) {
      flushGroup();
      nested = false;
      // A table's heading rows are its sections, whatever numbering they print ("一、…", "（一）…").
      openSection(filled[0], true);
      continue;
    }
    const number = c.number !== undefined ? printedNumber(texts[c.number] ?? '') : '';
    const task = texts[c.task] ?? '';
    const details = c.details.map((i) => texts[i]).filter((t) => t && t !== task);
    const units = [...c.lead, ...c.units, ...c.cooperating].some((i) => texts[i]);
    // A Chinese numeral in 序号 opens a section: "（一）" then its items — its own row when the row
    // holds nothing else, or the first of the rows it spans (一 | 区住建局 | 项目 … merged over them).
    if (number && chineseNumeral(number) > 0) {
      if (!units && details.length === 0) {
        flushGroup();
        openSection(task || filled.join(''));
        numeralSection = number;
        continue;
      }
      if (number !== numeralSection) {
        flushGroup();
        numeralSection = number;
        const before = texts.filter((t, i) => t && i !== c.number && i < c.task);
        openChapter([...new Set(before)].join(' ') || number);
      }
    }
    const cat = c.category !== undefined ? texts[c.category] : '';
    if (cat && cat !== category) {
      flushGroup();
      category = cat;
      openSection(cat);
    }
    if (!task && details.length === 0) continue;
    const row: TableRow = {
      at: r,
      number: chineseNumeral(number) > 0 ? '' : number,
      task,
      details,
      lead: c.lead.flatMap((i) => unitsOfCell(cells[i])),
      listed: c.units.flatMap((i) => unitsOfCell(cells[i])),
      cooperating: c.cooperating.flatMap((i) => unitsOfCell(cells[i])),
      deadlines: c.deadline.map((i) => texts[i]).filter(Boolean),
    };
    const head = group[0];
    // The expansion of a vertical merge repeats 序号 and 任务: the row belongs to that task.
    // Different numbers under one merged task are its subtasks (项目 | 1 子项目, 2 子项目).
    const sameTask =
      head &&
      task === head.task &&
      (row.number === '' || row.number === head.number || (details[0] ?? '') !== (head.details[0] ?? ''));
    if (!sameTask) flushGroup();
    group.push(row);
  }
  flushGroup();
  return lines;
}

/**
 * The leaf the rows of one task make: the first row gives title, lead and units; later rows add
 * their details to the body, their units as cooperating and their dates. As subtasks, the first
 * detail is the title and the merged task above is left to its heading.
 */
function leafOf(rows: TableRow[], counter: number, subtask: boolean): RowItem {
  const [first, ...rest] = rows;
  const details = subtask ? first.details : [first.task, ...first.details].filter(Boolean);
  const body: string[] = details.slice(1);
  const cooperating = [...first.cooperating];
  const deadlines = [...first.deadlines];
  for (const row of rest) {
    for (const d of subtask ? row.details.slice(1) : row.details) if (!body.includes(d)) body.push(d);
    cooperating.push(...row.lead, ...row.listed, ...row.cooperating);
    for (const d of row.deadlines) if (!deadlines.includes(d)) deadlines.push(d);
  }
  const leads = new Set(first.lead.length ? first.lead : first.listed.slice(0, 1));
  const list = first.lead.length ? first.listed.filter((u) => !leads.has(u)) : first.listed;
  return {
    counter,
    title: withoutNumber(details[0] ?? ''),
    body,
    lead: first.lead,
    list: [...new Set(list)],
    cooperating: [...new Set(cooperating)].filter((u) => !leads.has(u) && !list.includes(u)),
    deadlines,
  };
}

/**
 * The lower row of a two-row header (进展情况 split into 截至6月底进展 | 7月工作计划; 前期手续 |
 * 在建形象进度): it repeats the header above in most cells (a vertical merge), or all its own cells
 * are short header names; none is a number.
 */
function isSecondHeaderRow(texts: string[], header: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (new Set(filled).size < 2 || filled.some((t) => /^\d+$/.test(t) || PRINTED_NUMBER.test(t))) return false;
  const repeated = texts.filter((t, i) => t && t === header[i]).length;
  if (repeated * 2 >= filled.length) return true;
  const news = texts.filter((t, i) => t && t !== header[i]);
  return news.every((t) => t.length <= 12 && (roleOfHeader(t) !== null || /^截至|计划$|^\d{1,2}月/.test(t)));
}

function itemLine(item: RowItem, c: TableColumns, marker = `${item.counter}.`): string {
  const fields: string[] = [];
  if (item.lead.length) fields.push(`牵头单位:${item.lead.join('、')}`);
  if (item.list.length) fields.push(`${item.lead.length ? '配合单位' : '责任单位'}:${item.list.join('、')}`);
  if (item.cooperating.length) fields.push(`配合单位:${item.cooperating.join('、')}`);
  const deadlines = item.deadlines.length ? item.deadlines : c.quarter ? [`第${toNumeral(c.quarter)}季度`] : [];
  if (deadlines.length) fields.push(`完成时限:${deadlines.join(',')}`);
  const title = item.title.replace(/[。;；\s]+$/, '');
  const body = item.body.map((b) => b.replace(/[。;；\s]+$/, '')).join('。');
  return `${marker}${title}${body ? `。${body}` : ''}${fields.length ? `（${fields.join(';')}）` : ''}`;
}

/** "（一）title" for a heading row, keeping its printed numeral ("一、预期目标" → "（一）预期目标"). */
function sectionLine(text: string, count: number): string {
  const printed = /^\s*[(（]?([一二三四五六七八九十]+)[)）]?[、.．]?\s*(.*)$/.exec(text);
  if (printed && /[)）、.．]/.test(text.slice(0, printed[1].length + 2))) return `（${printed[1]}）${printed[2]}`;
  return `（${toNumeral(count)}）${text}`;
}

const NUMERALS = '一二三四五六七八九十';
function toNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
}
