import { isIsoDate } from './shanghai-time';

/** What a pasted State Council holiday notice says about one year. */
export interface ParsedHolidayNotice {
  holidays: string[];
  makeupWorkdays: string[];
  /** 文号 when the text carries it (国办发明电〔2025〕7号). */
  docNumber: string | null;
  /** Sentences with dates that were not understood, or dates of another year. */
  warnings: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** A day range "1月1日（周四）至3日（周六）" / "12月31日至1月1日" / "5月1日" → its dates. */
function expand(year: number, m1: number, d1: number, m2: number | null, d2: number | null, crossYear: boolean) {
  const startYear = crossYear && m1 === 12 ? year - 1 : year;
  const start = Date.UTC(startYear, m1 - 1, d1);
  const endMonth = m2 ?? m1;
  const endYear = crossYear && endMonth === 12 ? year - 1 : year;
  const end = d2 === null ? start : Date.UTC(endYear, endMonth - 1, d2);
  const out: string[] = [];
  for (let t = start; t <= end && out.length < 40; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const MD = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const RANGE =
  /(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[（(][^）)]*[）)])?\s*(?:至|到|—|-|~)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/;

/**
 * Reads the days off and 调休 make-up workdays out of the text of a notice
 * (国务院办公厅关于YYYY年部分节假日安排的通知) as an admin pastes it: each sentence with 放假 gives
 * its first date or date range, each sentence with 上班 gives all its dates. 元旦 dates in December
 * belong to the year before and are reported, not taken.
 */
export function parseHolidayNotice(text: string, year: number): ParsedHolidayNotice {
  const holidays = new Set<string>();
  const makeup = new Set<string>();
  const warnings: string[] = [];
  const docNumber =
    /国办发(?:明电)?\s*[〔[（(]\s*\d{4}\s*[〕\]）)]\s*\d+\s*号/.exec(text)?.[0].replace(/\s+/g, '') ?? null;
  const take = (into: Set<string>, dates: string[], sentence: string) => {
    for (const d of dates) {
      if (!isIsoDate(d)) warnings.push(`无效日期 ${d}：${sentence}`);
      else if (!d.startsWith(`${year}-`)) warnings.push(`${d} 属于 ${d.slice(0, 4)} 年，请在该年录入：${sentence}`);
      else into.add(d);
    }
  };
  let festival = '';
  for (const raw of text.split(/[。；;\n]/)) {
    const sentence = raw.trim();
    if (!sentence) continue;
    // A festival's heading ("一、元旦：") holds for its sentences until the next heading.
    festival = /(元旦|春节|清明|劳动节|端午|中秋|国庆)/.exec(sentence)?.[1] ?? festival;
    const newYearsDay = festival === '元旦';
    if (/放假/.test(sentence)) {
      const r = RANGE.exec(sentence);
      if (r) {
        take(holidays, expand(year, +r[1], +r[2], r[3] ? +r[3] : null, +r[4], newYearsDay), sentence);
      } else {
        const single = [...sentence.matchAll(MD)][0];
        if (single) take(holidays, expand(year, +single[1], +single[2], null, null, newYearsDay), sentence);
        else warnings.push(`未找到放假日期：${sentence}`);
      }
    }
    if (/上班/.test(sentence)) {
      const dates = [...sentence.matchAll(MD)].map((m) =>
        dateOf(newYearsDay && +m[1] === 12 ? year - 1 : year, +m[1], +m[2]),
      );
      if (dates.length === 0) warnings.push(`未找到上班日期：${sentence}`);
      take(makeup, dates, sentence);
    }
  }
  return { holidays: [...holidays].sort(), makeupWorkdays: [...makeup].sort(), docNumber, warnings };
}
