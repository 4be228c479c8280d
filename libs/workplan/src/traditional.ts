/** Characters that exist only in traditional writing and are common in plans: a cheap first test. */
const TRADITIONAL_ONLY =
  /[們與為發實區縣單務項號會時這個說國來對學還開關應經過現進門問題點電業東產書長場員報總機將當從動陽見頭車結給讓處導環體計據製義辦農質運設變觀際標權規萬類聯鄉邊選擇視聽鎮縣責協參領衛廳劃資監綜財稅廣後於種組織職確認範內]/g;

let toSimplified: ((text: string) => string) | undefined;

/**
 * A document written in traditional characters (a mirror site, an older export) is read in
 * simplified ones, so that 責任單位 is 责任单位 to the parser and unit names match the org units.
 * Returns null when the text is not traditional (fewer than ten telltale characters).
 */
export function simplifiedIfTraditional(text: string): string | null {
  const hits = text.match(TRADITIONAL_ONLY)?.length ?? 0;
  return hits < 10 ? null : toSimplifiedText(text);
}

/** Traditional characters → simplified (OpenCC, Taiwan standard to mainland). */
export function toSimplifiedText(text: string): string {
  // Loaded on first use: its dictionary costs time at start-up that most documents never need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Converter } = require('opencc-js/t2cn') as {
    Converter(o: { from: string; to: string }): (t: string) => string;
  };
  toSimplified ??= Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text);
}
