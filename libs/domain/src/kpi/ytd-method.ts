import { YtdMethod } from './indicator-status';

/**
 * The year-to-date method an indicator's words imply: concentrations (浓度, μg/m³) average their
 * monthly means, 优良天数比例 is good days over valid days, counts of things built (个/座/处…) add up,
 * and any other rate is read as its latest value. The plan may override it per indicator.
 */
export function inferYtdMethod(name: string, unit: string | null): YtdMethod {
  const u = (unit ?? '').toLowerCase();
  if (/优良天数/.test(name)) return 'ratio-of-days';
  if (/浓度?/.test(name) || /μg|ug\/m|微克|毫克\/立方米|mg\/m/.test(u)) return 'mean-of-monthly-means';
  if (/^(个|座|处|家|件|起|台|套|公里|千米|亩|项|次)$/.test(unit ?? '')) return 'cumulative-count';
  return 'latest-value';
}

/** The method in a sentence of Chinese, as the Targets page and the bulletin state it. */
export function ytdMethodText(method: YtdMethod): string {
  switch (method) {
    case 'mean-of-monthly-means':
      return '年均值 = 已报各月均值的算术平均';
    case 'ratio-of-days':
      return '优良天数比例 = 累计优良天数 ÷ 累计有效监测天数 × 100%';
    case 'cumulative-count':
      return '累计完成数 = 各期完成数之和';
    case 'latest-value':
      return '当前值 = 最近一期报送值';
  }
}
