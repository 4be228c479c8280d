import ExcelJS from 'exceljs';

export interface XlsxSheet {
  name: string;
  rows: (string | number | Date | null)[][];
  /** Ranges to merge, e.g. "A1:J1" (a title across the table), "B3:B5" (a category over three rows). */
  merges?: string[];
}

/** A real .xlsx workbook, for tests and corpus fixtures: sheets of rows, with merged cells. */
export async function buildXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
