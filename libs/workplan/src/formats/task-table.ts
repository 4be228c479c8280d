import { HTMLElement } from 'node-html-parser';
import { chineseNumeral } from '../numbering';

/** Which column holds what, found from the header row of a 任务清单 table. */
interface Columns {
  number?: number;
  task: number;
  units?: number;
  lead?: number;
  cooperating?: number;
  deadline?: number;
}

const HEADER = {
  number: /^(序号|编号|序)$/,
  task: /任务|工作内容|事项|内容|措施/,
  units: /责任单位|责任股室|责任科室|责任部门|承办单位/,
  lead: /牵头/,
  cooperating: /配合|协办/,
  deadline: /时限|时间|节点|完成期限/,
};

const cellText = (cell: HTMLElement) => cell.text.replace(/\s+/g, ' ').trim();

/**
 * A task list laid out as a table (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限) → the lines the
 * text parser reads: "1.任务(牵头单位:A;配合单位:B;完成时限:C)". A row with one merged cell is a
 * section heading and is kept as written. Returns null for a table that is not a task list.
 */
export function taskTableLines(table: HTMLElement): string[] | null {
  const rows = table.querySelectorAll('tr').map((tr) => tr.querySelectorAll('td,th'));
  const headerAt = rows.findIndex((cells) => columnsOf(cells.map(cellText)) !== null);
  if (headerAt < 0) return null;
  const columns = columnsOf(rows[headerAt].map(cellText))!;
  const lines: string[] = [];
  let counter = 0;
  for (const cells of rows.slice(headerAt + 1)) {
    const texts = cells.map(cellText);
    if (texts.every((t) => t === '')) continue;
    if (texts.filter((t) => t !== '').length === 1 && texts.length < 3) {
      lines.push(texts.find((t) => t !== '')!);
      counter = 0;
      continue;
    }
    const task = texts[columns.task] ?? '';
    if (!task) continue;
    const printed = columns.number !== undefined ? texts[columns.number] : '';
    // A 序号 cell with a Chinese numeral opens a section: "（一）" then its items.
    if (printed && chineseNumeral(printed.replace(/[()（）、.]/g, '')) > 0) {
      lines.push(`（${printed.replace(/[()（）、.]/g, '')}）${task}`);
      counter = 0;
      continue;
    }
    counter = /^\d+$/.test(printed) ? Number(printed) : counter + 1;
    lines.push(`${counter}.${task}${responsibilityOf(texts, columns)}`);
  }
  return lines;
}

function columnsOf(header: string[]): Columns | null {
  const find = (re: RegExp) => {
    const i = header.findIndex((h) => re.test(h));
    return i < 0 ? undefined : i;
  };
  const units = find(HEADER.units);
  const lead = find(HEADER.lead);
  const task = header.findIndex((h, i) => HEADER.task.test(h) && i !== units && i !== lead && !HEADER.deadline.test(h));
  if (task < 0 || (units === undefined && lead === undefined)) return null;
  return {
    number: find(HEADER.number),
    task,
    units,
    lead,
    cooperating: find(HEADER.cooperating),
    deadline: find(HEADER.deadline),
  };
}

function responsibilityOf(texts: string[], columns: Columns): string {
  const at = (i: number | undefined) => (i === undefined ? '' : (texts[i] ?? ''));
  const fields: string[] = [];
  if (at(columns.lead)) fields.push(`牵头单位:${at(columns.lead)}`);
  else if (at(columns.units)) fields.push(`责任单位:${at(columns.units)}`);
  if (at(columns.cooperating)) fields.push(`配合单位:${at(columns.cooperating)}`);
  if (at(columns.deadline)) fields.push(`完成时限:${at(columns.deadline)}`);
  return fields.length > 0 ? `(${fields.join(';')})` : '';
}
