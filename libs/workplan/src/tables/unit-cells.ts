/**
 * What a table cell holding units looks like: short, no sentence punctuation, ending in an organ's
 * suffix (局, 委, 街道, 集团 …) or opening with 各/相关/有关. Used to give the cells of flattened tables
 * to their columns, and to split a unit cell whose units are separated by spaces or line breaks.
 */
const UNIT_END =
  /(?:局|委|办|厅|院|所|站|队|处|中心|部|司|集团|公司|政府|街道|街|镇街|镇|乡|社区|管委会|园|开发区|专班|单位|部门|委员会|办事处|功能区|企业|学校|医院|股|室|科|投|城投)(?:[(（][^)）]*[)）])?$/;

export const isUnitLine = (s: string): boolean =>
  s.length <= 40 && !/[,，。;；:：]/.test(s) && (UNIT_END.test(s) || /^(?:各|相关|有关)/.test(s));

/** A person's name as a 责任人 cell gives it (two to four characters, maybe a space in a two-character name). */
export const isPersonLine = (s: string): boolean =>
  /^[\u4e00-\u9fa5]{1,3}\s?[\u4e00-\u9fa5]{1,2}$/.test(s) && !isUnitLine(s);

const clean = (s: string | undefined) => (s ?? '').replace(/[ \t\u00a0\u3000]+/g, ' ').trim();

/**
 * The units of a cell, in order: its lines are separate units ("经开区\n高新园\n各街道"), and so are
 * the space-separated parts of a line when every part is a unit ("区城管局 区水投"); otherwise a
 * line is kept whole (a wrap inside one name).
 */
export function unitsOfCell(s: string | undefined): string[] {
  const out: string[] = [];
  for (const line of clean(s).split(/\n+/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const parts = trimmed.split(' ');
    if (parts.length > 1 && parts.every(isUnitLine)) out.push(...parts);
    else out.push(trimmed.replace(/ /g, ''));
  }
  return out;
}
