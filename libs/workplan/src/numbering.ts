const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Chinese numerals below 10000 (一, 十, 十二, 二十三, 一百零五) → number, or NaN. */
export function chineseNumeral(s: string): number {
  if (!s || ![...s].every((c) => NUMERAL_CHARS.includes(c))) return NaN;
  let total = 0;
  let digit: number | null = null;
  let lastPower = Infinity;
  for (const c of s) {
    if (c in CN_DIGITS) {
      if (digit !== null && digit !== 0) return NaN; // two digits in a row: not a numeral
      digit = CN_DIGITS[c];
      continue;
    }
    const power = CN_POWERS[c];
    if (power >= lastPower) return NaN;
    // "十二" means 12: a bare power counts one of itself.
    total += (digit ?? 1) * power;
    digit = null;
    lastPower = power;
  }
  return total + (digit ?? 0);
}

const DIGIT_NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 105 → 一百零五: how plans print section numbers. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const parts: string[] = [];
  const powers: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let rest = n;
  let pendingZero = false;
  for (const [value, name] of powers) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d === 0) {
      if (parts.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) parts.push('零');
    pendingZero = false;
    parts.push(d === 1 && value === 10 && parts.length === 0 ? name : DIGIT_NAMES[d] + name);
  }
  if (rest > 0) {
    if (pendingZero) parts.push('零');
    parts.push(DIGIT_NAMES[rest]);
  }
  return parts.join('');
}

export type Marker =
  | { level: 'heading'; number: number; numeral: string; rest: string }
  | { level: 'section'; number: number; numeral: string; rest: string }
  | { level: 'item'; number: number; rest: string }
  | { level: 'subitem'; number: number; rest: string };

const N = `[${NUMERAL_CHARS}]+`;
const HEADING = new RegExp(`^(${N})\\s*[、.,]\\s*(.*)$`);
const SECTION = new RegExp(`^[(]\\s*(${N})\\s*[)]\\s*[、.]?\\s*(.*)$`);

/**
 * Recognises the numbering of a (normalised, half-width) line: 一、 (top heading), (一) (task
 * section), 1. 1、 (item), 1) (1) (sub-item). Returns null for body text.
 */
export function markerOf(line: string): Marker | null {
  let m = HEADING.exec(line);
  if (m && chineseNumeral(m[1]) > 0)
    return { level: 'heading', number: chineseNumeral(m[1]), numeral: m[1], rest: m[2] };
  m = SECTION.exec(line);
  if (m && chineseNumeral(m[1]) > 0)
    return { level: 'section', number: chineseNumeral(m[1]), numeral: m[1], rest: m[2] };
  m = /^[(]\s*(\d{1,4})\s*[)]\s*(.*)$/.exec(line);
  if (m) return { level: 'subitem', number: Number(m[1]), rest: m[2] };
  m = /^(\d{1,4})\s*[)]\s*(.*)$/.exec(line);
  if (m) return { level: 'subitem', number: Number(m[1]), rest: m[2] };
  // "1.3起/万枚" is a decimal, "2021年" a year: neither is an item number.
  m = /^(\d{1,4})\s*[.、](?!\d)\s*(.*)$/.exec(line);
  if (m) return { level: 'item', number: Number(m[1]), rest: m[2] };
  // "01 新增共享充电桩…", "10 创成…": two digits straight before the text (its space is dropped by
  // normalisation), but not a quantity ("10个", "30天").
  m = /^(\d{2})\s*(?![个项家所条处万亿年月日天名人台座户千百余多公米平吨亩辆倍%])(?=[\u4e00-\u9fa5])(.*)$/.exec(line);
  if (m) return { level: 'item', number: Number(m[1]), rest: m[2] };
  return null;
}
