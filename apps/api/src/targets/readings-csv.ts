import { parse } from 'csv-parse/sync';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { ReadingInput } from '@duban/domain/kpi/reading-validation';

/** One CSV data row with its line number in the file (the header is line 1). */
export interface CsvReadingRow extends ReadingInput {
  row: number;
  /** Target code and position of the indicator, e.g. "1.1" (target 1, first indicator). */
  indicator: string;
}

/** Accepted header names, Chinese or English, for each column. */
const COLUMNS: Record<string, keyof Omit<CsvReadingRow, 'row'>> = {
  indicator: 'indicator',
  指标: 'indicator',
  指标编号: 'indicator',
  period: 'period',
  期间: 'period',
  value: 'value',
  数值: 'value',
  unit: 'unit',
  单位: 'unit',
  good_days: 'goodDays',
  优良天数: 'goodDays',
  valid_days: 'validDays',
  有效天数: 'validDays',
};

export const READINGS_CSV_HEADER = 'indicator,period,value,unit,good_days,valid_days';
export const MAX_READINGS_CSV_BYTES = 1024 * 1024;

const num = (text: string | undefined): number | null | undefined => {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : Number.NaN;
};

/**
 * Parses a readings CSV (UTF-8, optional BOM, header row). Malformed CSV or an unknown header is
 * refused as a whole with the line at fault; the values are checked later against each indicator.
 */
export function parseReadingsCsv(buffer: Buffer): CsvReadingRow[] {
  let records: string[][];
  let lines: number[];
  try {
    const parsed: { record: string[]; info: { lines: number } }[] = parse(buffer, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    lines = parsed.map((p) => p.info.lines);
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new BadInputError(
      'CSV_MALFORMED',
      `CSV 文件格式错误（第 ${e.lines ?? '?'} 行）：${e.message}`,
      `The CSV file is malformed (line ${e.lines ?? '?'}): ${e.message}`,
      { row: e.lines ?? null },
    );
  }
  if (records.length === 0)
    throw new BadInputError(
      'CSV_EMPTY',
      `CSV 文件为空，首行应为表头：${READINGS_CSV_HEADER}`,
      `The CSV file is empty; expected the header ${READINGS_CSV_HEADER}`,
    );
  const header = records[0].map((h) => COLUMNS[h.trim().toLowerCase()] ?? COLUMNS[h.trim()]);
  const unknown = records[0].filter((_, i) => !header[i]);
  if (unknown.length > 0 || !header.includes('indicator') || !header.includes('period')) {
    throw new BadInputError(
      'CSV_HEADER',
      `CSV 表头无法识别（${unknown.join('、') || '缺少 indicator/period 列'}），应为：${READINGS_CSV_HEADER}`,
      `Unrecognised CSV header (${unknown.join(', ') || 'indicator/period column missing'}); expected: ${READINGS_CSV_HEADER}`,
      { row: 1 },
    );
  }
  return records.slice(1).map((cells, i) => {
    const get = (key: keyof Omit<CsvReadingRow, 'row'>) => {
      const at = header.indexOf(key);
      return at < 0 ? undefined : cells[at];
    };
    return {
      row: lines[i + 1],
      indicator: get('indicator') ?? '',
      period: get('period') ?? '',
      value: num(get('value')),
      unit: get('unit') ?? null,
      goodDays: num(get('goodDays')),
      validDays: num(get('validDays')),
    };
  });
}
