import { Deadline } from '../../domain/src/plan/plan-tree';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Labels that introduce a deadline field: what follows them is a deadline whatever its wording. */
const LABELLED = /(?:完成时限|时间节点|完成时间|办结时限|时限要求|时限)\s*[:：]?\s*([^。;；)）\]】]*)/;
const BEFORE = '(?:前|之前|以前)';
const EXACT_DAY = new RegExp(`(?:(20\\d{2})\\s*年)?\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日${BEFORE}?`);
const MONTH_END = new RegExp(`(?:(20\\d{2})\\s*年)?\\s*(\\d{1,2})\\s*月\\s*(?:底|末|份)${BEFORE}?`);
const YEAR_END = new RegExp(`(?:(20\\d{2})\\s*)?年(?:底|末|内)${BEFORE}?`);
const HALF_YEAR = new RegExp(`(?:(20\\d{2})\\s*年)?(上|下)半年${BEFORE}?`);
const QUARTER_END = new RegExp(`(?:(20\\d{2})\\s*年)?第?([一二三四1-4])季度(?:末|底)?${BEFORE}?`);
const RECURRING = /每(?:个)?(月|季度|季|半年|年)/;
const ONGOING = /长期坚持|长期|持续推进|常态化|持续开展/;

/**
 * Reads an item's deadline. A labelled field (完成时限 / 时间节点) is read generously: dates, 年底前,
 * 每季度 / 每月 (recurring), 长期坚持 (ongoing). Free text is read strictly, only phrases that
 * plainly set a deadline ("2021年6月底前", "年底前完成", "每季度报送", "长期坚持"), so that a body
 * mentioning "2025年" is not mistaken for one. Nothing found → the plan default (year end),
 * marked defaulted.
 */
export function parseDeadline(text: string, planYear: number): Deadline {
  const labelled = LABELLED.exec(text)?.[1];
  const found =
    (labelled !== undefined ? readPhrase(labelled, planYear, false) : null) ?? readPhrase(text, planYear, true);
  return found ?? { kind: 'date', date: `${planYear}-12-31`, defaulted: true, raw: '' };
}

function readPhrase(text: string, planYear: number, strict: boolean): Deadline | null {
  const yearOf = (y: string | undefined) => (y ? Number(y) : planYear);
  // Free text must say "before" (前) for a date to be a deadline; a labelled field need not.
  const usable = (raw: string) => !strict || new RegExp(`${BEFORE}$`).test(raw);

  const find = (re: RegExp, ok: (m: RegExpExecArray) => boolean = (m) => usable(m[0])) => firstMatch(re, text, ok);
  // Cheap guards first: most item texts hold no date words at all.
  const hasMonth = text.includes('月');
  let m = hasMonth ? find(EXACT_DAY) : null;
  if (m) return dated(yearOf(m[1]), Number(m[2]), Number(m[3]), m[0]);
  m = hasMonth ? find(MONTH_END) : null;
  if (m) {
    const year = yearOf(m[1]);
    return dated(year, Number(m[2]), lastDayOfMonth(year, clampMonth(Number(m[2]))), m[0]);
  }
  m = !text.includes('年') ? null : find(YEAR_END, (y) => usable(y[0]) || /年内/.test(y[0]));
  if (m) return dated(yearOf(m[1]), 12, 31, m[0]);
  m = text.includes('半年') ? find(HALF_YEAR) : null;
  if (m) return dated(yearOf(m[1]), m[2] === '上' ? 6 : 12, m[2] === '上' ? 30 : 31, m[0]);
  m = !text.includes('季度') ? null : find(QUARTER_END, (q) => usable(q[0]) && text[q.index - 1] !== '每');
  if (m) {
    const quarter = '一二三四'.includes(m[2]) ? '一二三四'.indexOf(m[2]) + 1 : Number(m[2]);
    const year = yearOf(m[1]);
    return dated(year, quarter * 3, lastDayOfMonth(year, quarter * 3), m[0]);
  }
  m = RECURRING.exec(text);
  if (m && (!strict || /^每(?:个)?(?:月|季度|季)(?:报送|调度|通报|上报|报告|更新)/.test(text.slice(m.index)))) {
    const every = m[1] === '月' ? 'month' : m[1] === '半年' ? 'half-year' : m[1] === '年' ? 'year' : 'quarter';
    return { kind: 'recurring', every, defaulted: false, raw: m[0] };
  }
  m = strict ? /长期坚持/.exec(text) : ONGOING.exec(text);
  if (m) return { kind: 'ongoing', defaulted: false, raw: m[0] };
  return null;
}

/** The first match of `re` in `text` that `ok` accepts. */
function firstMatch(re: RegExp, text: string, ok: (m: RegExpExecArray) => boolean): RegExpExecArray | null {
  const global = new RegExp(re.source, 'g');
  for (let m = global.exec(text); m; m = global.exec(text)) if (ok(m)) return m;
  return null;
}

const clampMonth = (month: number) => Math.min(Math.max(month, 1), 12);

function dated(year: number, month: number, day: number, raw: string): Deadline {
  const safeMonth = clampMonth(month);
  const safeDay = Math.min(Math.max(day, 1), lastDayOfMonth(year, safeMonth));
  return { kind: 'date', date: `${year}-${pad(safeMonth)}-${pad(safeDay)}`, defaulted: false, raw: raw.trim() };
}
