import { Deadline } from '@duban/domain/plan/plan-tree';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Labels that introduce a deadline field: what follows them is a deadline whatever its wording. */
const LABELLED =
  /(?:完成时限|整改时限|时间节点|完成时间|办结时限|时限要求|计划完成时间|完成期限|时限)\s*[:：]?\s*([^。;；)）\]】\n]*)/g;

const YEAR = '(?:(20\\d{2})\\s*年|(明|今|本|当|次)年)?';
/** What makes a date in running text a deadline: "前", or a verb of getting it done. */
const DONE_AFTER =
  /^\s*(?:底|末)?\s*(?:前|之前|以前|(?:全面|全部|基本|初步|力争|确保)?(?:完成|建成|投用|投入使用|竣工|印发|出台|实现|办结|销号|到位|上线|建立|通车|运营|运行|交付|验收|形成|组织开展|制定|编制|启动|提交|报送|发布|部署|召开|开展))/;

type Finder = { re: RegExp; read: (m: RegExpExecArray, year: (m: RegExpExecArray) => number) => Deadline };

/** Date phrases, tried at every position of the text. */
const DATE_PHRASES: Finder[] = [
  {
    // 2022年6月30日前 / 12月31日前
    re: new RegExp(`${YEAR}\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`, 'g'),
    read: (m, year) => dated(year(m), Number(m[3]), Number(m[4]), m[0]),
  },
  {
    // 2021.8 / 2021.10.15 / 2022-06-30 / 2021/8 (a deadline cell; a range 2024-2025 is no month)
    re: /(20\d{2})\s*[.．/-]\s*(\d{1,2})(?:\s*[.．/-]\s*(\d{1,2}))?(?![\d.．])/g,
    read: (m) => {
      const y = Number(m[1]);
      const month = Number(m[2]);
      if (month < 1 || month > 12) return { kind: 'date', defaulted: true, raw: '' };
      return dated(y, month, m[3] ? Number(m[3]) : lastDayOfMonth(y, month), m[0]);
    },
  },
  {
    // 6月—12月 / 2021年3-5月: the range's end
    re: new RegExp(`${YEAR}\\s*(\\d{1,2})\\s*月?\\s*(?:—|~|至|到|－|-)\\s*(\\d{1,2})\\s*月(?:底|末|份)?`, 'g'),
    read: (m, year) => {
      const y = year(m);
      const month = clampMonth(Number(m[4]));
      return dated(y, month, lastDayOfMonth(y, month), m[0]);
    },
  },
  {
    // 6月底前 / 7月份建成 / 11月上旬
    re: new RegExp(`${YEAR}\\s*(\\d{1,2})\\s*月\\s*(底|末|份|中旬|上旬|下旬)?`, 'g'),
    read: (m, year) => {
      const y = year(m);
      const month = clampMonth(Number(m[3]));
      const day = m[4] === '上旬' ? 10 : m[4] === '中旬' ? 20 : lastDayOfMonth(y, month);
      return dated(y, month, day, m[0]);
    },
  },
  {
    // 2021年至2022年: the range's end
    re: /(20\d{2})\s*年?\s*(?:至|到|—|~|－|-)\s*(20\d{2})(?:\s*年)?(?![\d.．])(?!\s*\d{1,2}\s*月)/g,
    read: (m) => dated(Number(m[2]), 12, 31, m[0]),
  },
  {
    // 年底前 / 年内 / 全年 / 到2020年
    re: /(?:(20\d{2})\s*年|(明|今|本|当|次)?年)(?:底|末|内)|全年|^到(20\d{2})年(?=[,，])|(?<=[，,。;；\s])到(20\d{2})年(?=[,，])|(?:(20\d{2})\s*年度|年度内|当年)(?=完成|内|底|$|[，,。;；])/g,
    read: (m, year) => {
      const y = m[3] ? Number(m[3]) : m[4] ? Number(m[4]) : m[5] ? Number(m[5]) : year(m);
      return dated(y, 12, 31, m[0]);
    },
  },
  {
    re: new RegExp(`${YEAR}(上|下)半年`, 'g'),
    read: (m, year) => (m[3] === '上' ? dated(year(m), 6, 30, m[0]) : dated(year(m), 12, 31, m[0])),
  },
  {
    re: new RegExp(`${YEAR}第?([一二三四1-4])季度(?:末|底)?`, 'g'),
    read: (m, year) => {
      const quarter = '一二三四'.includes(m[3]) ? '一二三四'.indexOf(m[3]) + 1 : Number(m[3]);
      const y = year(m);
      return dated(y, quarter * 3, lastDayOfMonth(y, quarter * 3), m[0]);
    },
  },
];

const RECURRING = /每(?:个)?(月|季度|季|半年|年)/g;
const RECURRING_DUTY =
  /报送|调度|通报|上报|报告|更新|公开|召开|开展|组织|检查|督查|巡查|巡河|监测|考核|会商|分析|研判|演练|评估|公示|汇总/;
const ONGOING = /长期坚持|持续推进|常态化|持续开展|长期|立行立改|常年/;

/**
 * Every deadline an item's text states, in order: labelled fields (完成时限 / 时间节点 / 整改时限) are
 * read generously; running text strictly — a date counts when "前" or a verb of completion follows
 * it (6月底前, 7月份建成, 年底前完成), so that a body mentioning "2025年" is not taken for one.
 * A staged item ("7月底前完成…，12月底前…") has several; quarterly milestones (第一季度：…) one per
 * quarter; 每季度 / 每月 make it recurring, 长期坚持 / 持续推进整改 ongoing. None → the plan's
 * default (year end), marked defaulted.
 */
export function parseDeadlines(text: string, planYear: number): Deadline[] {
  const found: Deadline[] = [];
  const labelled = [...text.matchAll(LABELLED)].map((m) => m[1]).filter((v) => v.trim());
  for (const value of labelled) found.push(...readAll(value, planYear, false));
  if (found.length === 0) found.push(...readAll(text, planYear, true));
  const unique = dedupe(found);
  return unique.length > 0 ? unique : [{ kind: 'date', date: `${planYear}-12-31`, defaulted: true, raw: '' }];
}

/** The item's own deadline: the last one it states (kept for callers that want one). */
export function parseDeadline(text: string, planYear: number): Deadline {
  const all = parseDeadlines(text, planYear);
  return all[all.length - 1];
}

function readAll(text: string, planYear: number, strict: boolean): Deadline[] {
  // 明年 in a notice of the year before is the plan year; 次年 is the year after the plan's.
  const yearOf = (m: RegExpExecArray) => (m[1] ? Number(m[1]) : m[2] === '次' ? planYear + 1 : planYear);
  const hits: { at: number; deadline: Deadline }[] = [];
  const covered: [number, number][] = [];
  const free = (start: number, end: number) => !covered.some(([s, e]) => start < e && end > s);
  for (const phrase of DATE_PHRASES) {
    phrase.re.lastIndex = 0;
    for (let m = phrase.re.exec(text); m; m = phrase.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const after = text.slice(end, end + 12);
      const milestone = /^\s*[:：]/.test(after) && /季度/.test(m[0]);
      const everyBefore = text[start - 1] === '每';
      if (everyBefore) continue;
      if (strict && !DONE_AFTER.test(after) && !milestone && !/年(?:度|底|末|内)|全年|^到/.test(m[0])) continue;
      // "到2035年，…" is a vision, not this year's deadline.
      const toYear = /^到(20\d{2})/.exec(m[0]);
      if (toYear && (Number(toYear[1]) < planYear || Number(toYear[1]) > planYear + 1)) continue;
      if (strict && /全年/.test(m[0]) && !/^[^，,。;；]{0,3}(?:完成|实现|建成|力争|确保)/.test(after)) continue;
      covered.push([start, end]);
      // The raw phrase as written, its "前" included ("6月底前").
      const before = /^\s*(?:底|末)?\s*(?:之前|以前|前)/.exec(after)?.[0] ?? '';
      const deadline = phrase.read(m, yearOf);
      if (deadline.defaulted) continue;
      hits.push({ at: start, deadline: { ...deadline, raw: `${deadline.raw}${before.trim()}` } });
    }
  }
  RECURRING.lastIndex = 0;
  for (let m = RECURRING.exec(text); m; m = RECURRING.exec(text)) {
    // In running text only a duty done every period ("每季度开展一次演练", "每月通报"), not a
    // rate or a habit ("每年新增", "每月一次的例会成果").
    const clause = text.slice(m.index + m[0].length).split(/[，,。;；\n]/)[0];
    if (strict && !RECURRING_DUTY.test(clause.slice(0, 16))) continue;
    const every = m[1] === '月' ? 'month' : m[1] === '半年' ? 'half-year' : m[1] === '年' ? 'year' : 'quarter';
    hits.push({ at: m.index, deadline: { kind: 'recurring', every, defaulted: false, raw: m[0] } });
    break;
  }
  const ongoing = strict ? ongoingInRunningText(text) : ONGOING.exec(text);
  if (ongoing) hits.push({ at: ongoing.index, deadline: { kind: 'ongoing', defaulted: false, raw: ongoing[0] } });
  return hits.sort((a, b) => a.at - b.at).map((h) => h.deadline);
}

/**
 * 长期坚持 anywhere; 持续推进 / 常态化 only as the item's closing words ("…，持续推进。"), where they
 * say how long, not what is done ("持续推进交通结构转变" is a task, not a deadline).
 */
function ongoingInRunningText(text: string): RegExpExecArray | null {
  const always = /长期坚持|立行立改/.exec(text);
  if (always) return always;
  // The closing words before the item's responsibility clause, if it ends with one (and a full stop).
  const body = text.replace(/\s*[(（[【〔][^()（）[\]【】〔〕]*[)）\]】〕][。;；.\s]*$/, '').replace(/[)）\]】]+$/, '');
  const closing = /(持续推进(?:整改)?|常态化(?:推进|开展)?|持续开展)[。;；]?\s*$/.exec(body);
  return closing;
}

function dedupe(list: Deadline[]): Deadline[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = d.kind === 'date' ? d.date! : d.kind === 'recurring' ? `r:${d.every}` : 'ongoing';
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

const clampMonth = (month: number) => Math.min(Math.max(month, 1), 12);

function dated(year: number, month: number, day: number, raw: string): Deadline {
  const safeMonth = clampMonth(month);
  const safeDay = Math.min(Math.max(day, 1), lastDayOfMonth(year, safeMonth));
  return { kind: 'date', date: `${year}-${pad(safeMonth)}-${pad(safeDay)}`, defaulted: false, raw: raw.trim() };
}
