import type ExcelJS from 'exceljs';
import { PlanParseError } from '../errors';
import { findHeader, tableItems } from '../tables/table-items';
import { simplifiedIfTraditional } from '../traditional';

const malformed = (detail: string) =>
  new PlanParseError({
    code: 'MALFORMED_XLSX',
    zh: `无法读取 Excel 文件：${detail}`,
    en: `Cannot read the Excel workbook: ${detail}`,
    hint: '请确认文件是 .xlsx 格式（不是 .xls），并可在 Excel 或 WPS 中正常打开；必要时另存为 .xlsx 后重新上传。',
  });

/** The text of a cell as a person reads it: rich text joined, a date as YYYY-MM-DD, a formula's result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/**
 * A worksheet's cells as text, row by row (an empty row is []). A merged cell's slaves report the
 * master's value: the merge is carried into every cell it covers, as a reader sees it.
 */
export function worksheetGrid(sheet: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.isMerged ? cell.master.value : cell.value).trim();
    });
    grid[r - 1] = Array.from({ length: cells.length }, (_, i) => cells[i] ?? '');
  });
  return Array.from({ length: grid.length }, (_, i) => grid[i] ?? []);
}

/**
 * A workbook (任务分解表, 整改清单) → text lines: per sheet, the rows above the table header (title,
 * 文号) as lines, then the table's items as tableItemLines makes them. Merged cells are carried into
 * every cell they cover. Sheets that hold no task table contribute their text rows only.
 */
export async function xlsxToText(
  buffer: Buffer,
): Promise<{ text: string; traditional: boolean; cells: (string | undefined)[] }> {
  // Loaded when a workbook comes: ExcelJS takes a quarter of a second to load.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : String(error));
  }
  const tables: { text: string; cell?: string }[] = [];
  const texts: { text: string; cell?: string }[] = [];
  let traditional = false;
  for (const sheet of workbook.worksheets) {
    let rows = worksheetGrid(sheet);
    // Traditional characters read as simplified before the headers are matched.
    const joined = rows.map((r) => r.join('\u0001')).join('\u0002');
    const simplified = simplifiedIfTraditional(joined);
    if (simplified !== null) {
      traditional = true;
      rows = simplified.split('\u0002').map((r) => r.split('\u0001'));
    }
    const rowText = (r: string[]) => [...new Set(r.filter(Boolean))].join(' ');
    const items = tableItems(rows);
    // "整改清单 第 3 行": the sheet's name (short) and the row, as Excel numbers them.
    const cellOf = (r: number) => `${sheet.name.slice(0, 16)} 第 ${r + 1} 行`;
    if (!items) {
      rows.forEach((r, i) => {
        if (r.some((c) => c)) texts.push({ text: rowText(r), cell: cellOf(i) });
      });
      continue;
    }
    // What lies above the header: the title, the document number (one merged cell each).
    const headerAt = findHeader(rows)?.at ?? 0;
    rows.slice(0, Math.max(headerAt, 0)).forEach((r, i) => {
      if (rowText(r)) tables.push({ text: rowText(r), cell: cellOf(i) });
    });
    tables.push(...items.map((l) => ({ text: l.text, cell: l.row === undefined ? undefined : cellOf(l.row) })));
  }
  // A workbook with task tables is read from them: other sheets (填表说明, 汇总) are notes, whose
  // numbered lines are no tasks.
  const lines = tables.length > 0 ? tables : texts;
  return { text: lines.map((l) => l.text).join('\n'), traditional, cells: lines.map((l) => l.cell) };
}
