import * as iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { headingRowIndex } from '@duban/domain/roster/roster-columns';
import { worksheetGrid } from '@duban/workplan/formats/xlsx';

/** A staff sheet is a few hundred rows; anything near this is not one. */
export const MAX_ROSTER_BYTES = 2 * 1024 * 1024;

const unreadable = (what: string, detail: string) =>
  new BadInputError('ROSTER_UNREADABLE', `无法读取${what}：${detail}`, `Cannot read the ${what}: ${detail}`, {
    hint: '请上传 .xlsx（Excel、WPS 另存为 .xlsx）或 .csv（UTF-8 或 GBK）格式的人员名单。',
  });

/**
 * The cells of a staff sheet as text, whatever it came as: .xlsx (the first sheet that has a
 * heading row, merged cells carried into every cell they cover) or .csv (UTF-8 or GBK, as Excel
 * saves it on a Chinese Windows).
 */
export async function rosterGrid(buffer: Buffer, fileName: string): Promise<string[][]> {
  if (buffer.length === 0) throw unreadable('文件', '文件为空');
  if (buffer.length > MAX_ROSTER_BYTES) throw unreadable('文件', '超过 2 MB');
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b;
  if (isZip) return xlsxGrid(buffer);
  if (/\.xlsx?$/i.test(fileName)) throw unreadable('Excel 文件', '不是 .xlsx 格式（旧版 .xls 请另存为 .xlsx）');
  return csvGrid(buffer);
}

async function xlsxGrid(buffer: Buffer): Promise<string[][]> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable('Excel 文件', error instanceof Error ? error.message : String(error));
  }
  const grids = workbook.worksheets.map(worksheetGrid);
  return grids.find((g) => headingRowIndex(g) >= 0) ?? grids[0] ?? [];
}

function csvGrid(buffer: Buffer): string[][] {
  let bytes = buffer;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'gb18030');
  }
  if (text.includes('\u0000')) throw unreadable('CSV 文件', '含有二进制内容');
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw unreadable('CSV 文件', `${line ? `第 ${line} 行` : ''}格式有误（引号不成对？）`);
  }
}
