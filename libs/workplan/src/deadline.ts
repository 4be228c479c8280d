import { Deadline } from '../../domain/src/plan/plan-tree';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads a deadline written in the text (完成时限/时间节点 or inline): "2021年6月底前", "2022年11月30日前",
 * "年底前", "每季度", "每月", "长期坚持". Returns the plan default (year end) marked as defaulted otherwise.
 */
export function parseDeadline(text: string, planYear: number): Deadline {
  const t = text.replace(/\s+/g, '');
  const scope = /(?:完成时限|时间节点|完成时间)[:：]?([^。;；)）]*)/.exec(t)?.[1] ?? t;
  let m = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:前|之前|以前)/.exec(scope);
  if (m) {
    const year = m[1] ? Number(m[1]) : planYear;
    return dateDeadline(year, Number(m[2]), Number(m[3]), m[0]);
  }
  m = /(?:(\d{4})年)?(\d{1,2})月(?:底|末)(?:前|之前|以前)?/.exec(scope);
  if (m && (m[1] || /前/.test(m[0]) || scope !== t)) {
    const year = m[1] ? Number(m[1]) : planYear;
    const month = Number(m[2]);
    return dateDeadline(year, month, lastDayOfMonth(year, month), m[0]);
  }
  m = /(?:(\d{4})年)?(?:年底|年末|年内)(?:前|之前)?/.exec(scope);
  if (m && (/前|年内/.test(m[0]) || scope !== t)) {
    const year = m[1] ? Number(m[1]) : planYear;
    return dateDeadline(year, 12, 31, m[0]);
  }
  if (/长期坚持|持续推进|常态化/.test(scope) && /长期坚持/.test(scope)) {
    return { kind: 'ongoing', defaulted: false, raw: '长期坚持' };
  }
  m = /每(月|季度|季|半年|年)/.exec(scope);
  if (m && (scope !== t || /每(月|季度)(?:报送|调度|通报|上报)/.test(t) || /^每/.test(scope))) {
    const every = m[1] === '月' ? 'month' : m[1] === '半年' ? 'half-year' : m[1] === '年' ? 'year' : 'quarter';
    return { kind: 'recurring', every, defaulted: false, raw: m[0] };
  }
  return { kind: 'date', date: `${planYear}-12-31`, defaulted: true, raw: '' };
}

function dateDeadline(year: number, month: number, day: number, raw: string): Deadline {
  const safeMonth = Math.min(Math.max(month, 1), 12);
  const safeDay = Math.min(Math.max(day, 1), lastDayOfMonth(year, safeMonth));
  return { kind: 'date', date: `${year}-${pad(safeMonth)}-${pad(safeDay)}`, defaulted: false, raw };
}
