const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Chinese numerals up to 99 (一, 十, 十二, 二十三) → number, or NaN. */
export function chineseNumeral(s: string): number {
  if (!/^[一二三四五六七八九十]+$/.test(s)) return NaN;
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : NaN;
  const tens = i === 0 ? 1 : CN_DIGITS[s[0]];
  const ones = i === s.length - 1 ? 0 : CN_DIGITS[s[s.length - 1]];
  return tens * 10 + ones;
}

export type Marker =
  | { level: 'heading'; number: number; numeral: string; rest: string }
  | { level: 'section'; number: number; numeral: string; rest: string }
  | { level: 'item'; number: number; rest: string }
  | { level: 'subitem'; number: number; rest: string };

/**
 * Recognises the numbering of a (normalised) line: 一、 (top heading), (一) (task section),
 * 1. 1、 1． (item), 1) (1) (sub-item). Returns null for body text.
 */
export function markerOf(line: string): Marker | null {
  let m = /^([一二三四五六七八九十]+)\s*[、.]\s*(.*)$/.exec(line);
  if (m && !isNaN(chineseNumeral(m[1])))
    return { level: 'heading', number: chineseNumeral(m[1]), numeral: m[1], rest: m[2] };
  m = /^[(]\s*([一二三四五六七八九十]+)\s*[)]\s*(.*)$/.exec(line);
  if (m && !isNaN(chineseNumeral(m[1])))
    return { level: 'section', number: chineseNumeral(m[1]), numeral: m[1], rest: m[2] };
  m = /^[(]\s*(\d{1,2})\s*[)]\s*(.*)$/.exec(line);
  if (m) return { level: 'subitem', number: Number(m[1]), rest: m[2] };
  m = /^(\d{1,2})\s*[)]\s*(.*)$/.exec(line);
  if (m) return { level: 'subitem', number: Number(m[1]), rest: m[2] };
  m = /^(\d{1,2})\s*[.、](?!\d)\s*(.*)$/.exec(line);
  if (m) return { level: 'item', number: Number(m[1]), rest: m[2] };
  return null;
}
