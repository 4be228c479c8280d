import { PlanMetadata } from '../../domain/src/plan/plan-tree';
import { PlanParseError } from './errors';

interface Line {
  no: number;
  text: string;
}

const TITLE_END = /(工作要点|工作计划|任务清单|实施方案|工作安排|要点)$/;
const YEAR = /(20\d{2})\s*年/;
/** Labels of a government page's info table; cells may run together once spaces are dropped. */
const PAGE_LABEL = '生成日期|成文日期|发布日期|印发日期|文件编号|发文字号|索引号|主题分类|有效性|公开范围|公开方式';
const LABELLED_ISSUER = new RegExp(
  `(?:发布机构|发文机关|发文单位|印发单位|发布单位)\\s*:?\\s*([^\\s:]+?)(?=${PAGE_LABEL}|\\s|$)`,
  'm',
);
const LABELLED_DATE =
  /(?:生成日期|成文日期|发布日期|印发日期|发文日期)\s*:?\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
/** A signature date on a line of its own ("2021年4月28日"), as printed under the issuer at the end. */
const SIGNATURE_DATE = /^(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ORGANISATION = /(局|委员会|委|政府|办公室|办公厅|厅|中心|站|部)$/;

/** YYYY-MM-DD, or undefined when the parts are no calendar day (a garbled "2021-0-28"). */
function iso(y: string, m: string, d: string): string | undefined {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid =
    date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return valid ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : undefined;
}

/**
 * Title, issuer, issue date and plan year. The issuer and date come from the page's labels (发布机构,
 * 生成日期/成文日期) or, failing those, from the signature block at the end of the document.
 */
export function readMetadata(lines: Line[]): PlanMetadata {
  const head = lines.slice(0, 40).map((l) => l.text);
  const title =
    head.find((l) => TITLE_END.test(l) && l.length <= 60) ??
    head.find((l) => /工作要点|工作计划/.test(l) && l.length <= 60) ??
    head.find((l) => l.length > 0) ??
    '';
  const all = lines.map((l) => l.text).join('\n');
  // The page's info table sits above the text: labels are looked for there only.
  const top = head.join('\n');
  const signature = signatureOf(lines);
  const labelledDate = LABELLED_DATE.exec(top);
  const issuedOn = (labelledDate && iso(labelledDate[1], labelledDate[2], labelledDate[3])) || signature.date;
  const yearText = YEAR.exec(title)?.[1] ?? issuedOn?.slice(0, 4) ?? YEAR.exec(all)?.[1];
  if (!yearText) {
    throw new PlanParseError({
      code: 'NO_PLAN_YEAR',
      zh: '无法确定计划年度：标题和正文中都没有“20xx年”',
      en: 'Cannot tell the plan year: no "20xx年" in the title or the text',
      hint: '在标题中写明年度，例如“2021年生态环境工作要点”。',
      line: 1,
    });
  }
  const metadata: PlanMetadata = { title: title.replace(/\s+/g, ''), year: Number(yearText) };
  const issuer = LABELLED_ISSUER.exec(top)?.[1] ?? signature.issuer;
  if (issuer) metadata.issuer = issuer;
  if (issuedOn) metadata.issuedOn = issuedOn;
  return metadata;
}

/** The last non-empty lines: "XX局" over "2021年4月28日". */
function signatureOf(lines: Line[]): { issuer?: string; date?: string } {
  const tail = lines.filter((l) => l.text !== '').slice(-6);
  for (let i = tail.length - 1; i >= 0; i--) {
    const date = SIGNATURE_DATE.exec(tail[i].text.replace(/\s+/g, ''));
    if (!date) continue;
    const above = tail[i - 1]?.text.replace(/\s+/g, '');
    const issuer = above && above.length <= 30 && ORGANISATION.test(above) ? above : undefined;
    const iso8601 = iso(date[1], date[2], date[3]);
    if (iso8601) return { issuer, date: iso8601 };
  }
  return {};
}
