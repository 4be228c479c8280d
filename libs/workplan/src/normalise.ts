/**
 * Folds full-width forms to half-width for pattern matching (（→( ：→: ，→, １→1) and drops stray
 * spaces next to Chinese text. Roman numerals such as Ⅲ are kept, since water-quality classes use them.
 */
export function normaliseForMatching(line: string): string {
  const folded = line
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    // Small-form and look-alike marks of numbering: 1﹑ 1﹒ → 1、 1.
    .replace(/[﹑]/g, '、')
    .replace(/[﹒]/g, '.');
  const spaced = folded.replace(/[\s\u00a0]+/g, ' ');
  // Most lines hold no space at all; skip the costlier pass for them.
  return (spaced.includes(' ') ? spaced.replace(SPACE_BY_CJK, '') : spaced).trim();
}

/** Full-width ASCII forms (！ to ～), each 0xfee0 above its half-width twin. */
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** CJK characters and punctuation, full-width forms included. */
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
/** A space next to Chinese text, or between Chinese text and punctuation, carries no meaning. */
const SPACE_BY_CJK = new RegExp(`\\s+(?=[${CJK}(),.:;])|(?<=[${CJK}(),.:;])\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g');

/**
 * Splits items run together on one line ("…(责任单位:A)2.下一事项…"): a closed responsibility
 * clause followed by a new number ends an item.
 */
export function splitRunOnItems(line: string): string[] {
  if (!line.includes(')')) return [line];
  return line.replace(RUN_ON, '$1\n').split('\n');
}

const RUN_ON = /(\((?:责任|牵头)[^()]*\))\s*(?=\d{1,4}\s*[.、)](?!\d)|\(\s*[一二三四五六七八九十\d]+\s*\))/g;

/** Removes all spaces (stray spaces inside Chinese text carry no meaning). */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
