import { PlanMetadata } from '@duban/domain/plan/plan-tree';
import { PlanParseError } from './errors';
import { markerOf } from './numbering';
import { TABLE_HEADING } from './tables/table-items';

interface Line {
  no: number;
  text: string;
}

const YEAR = /(20\d{2})\s*年/;
/** Labels of a government page's info table; cells may run together once spaces are dropped. */
const PAGE_LABEL =
  '生成日期|成文日期|发布日期|印发日期|发文日期|文件编号|发文字号|文号|索引号|主题分类|组配分类|有效性|公开范围|公开方式|发布时间|信息来源|来源|浏览次数|访问次数|字号|字体';
const LABELLED_ISSUER = new RegExp(
  `(?:发布机构|发文机关|发文单位|印发单位|发布单位|发布机关)\\s*[:：]?\\s*([^\\s:：]+?)(?=${PAGE_LABEL}|\\s|$)`,
  'm',
);
/** 信息来源 / 来源: a weaker hint of the issuer (a news site names itself there too). */
const SOURCE_ISSUER = new RegExp(`(?:信息来源|来源)\\s*[:：]\\s*([^\\s:：]+?)(?=${PAGE_LABEL}|\\s|$)`, 'm');
const LABELLED_DATE =
  /(?:生成日期|成文日期|发布日期|印发日期|发文日期)\s*[:：]?\s*(20\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
/** A signature date on a line of its own ("2021年4月28日"), as printed under the issuer at the end. */
const SIGNATURE_DATE = /^(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ORGANISATION =
  /(局|委员会|委|政府|办公室|办公厅|厅|中心|站|部|督查室|分局|管委会|办)(?:[(（][^()（）]{1,20}[)）])?$/;
/** 文号: 蔡政办〔2023〕1号, 港政发[2021]10号, 洋政發〔2024〕8號 — the part from the year's bracket on. */
const DOC_NUMBER_TAIL = /[〔[［(（【]\s*20\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*[号號]/;
/** Words that end the text before a 文号's prefix (…人民政府文件鞍立政发〔2023〕2号). */
const BEFORE_PREFIX = /^.*(?:文件|通知|文号|字号|编号|[:：\s])/;

/** The 文号 printed in a line: its prefix is the few characters before the bracket (鞍立政发). */
function docNumberIn(line: string): string | null {
  const tail = DOC_NUMBER_TAIL.exec(line);
  if (!tail) return null;
  const before = /[\u4e00-\u9fa5]{1,10}$/.exec(line.slice(0, tail.index))?.[0] ?? '';
  const prefix = before.replace(BEFORE_PREFIX, '').slice(-6);
  return prefix ? `${prefix}${tail[0].replace(/\s+/g, '')}` : null;
}

/** What a plan's title ends with (before a bracketed note such as "(征求意见稿)"). */
const TITLE_END =
  /(?:工作要点|工作计划|任务清单|实施方案|工作方案|工作安排|要点|分解表|分工表|责任表|清单|登记表|进度表|进展表|汇总表|统计表|一览表|分解方案|分工方案|分解意见|责任分解|责任分工|实事项目|实事|重点工程|安排|方案|通知|公示|情况说明|工作要求|具体要求|计划|(?:进展|完成|落实|推进|整改|办理)情况)$/;
/** Lines that are never the title: letterheads, site chrome, page labels, markup. */
const NOT_TITLE = new RegExp(
  `文件$|^<|当前位置|所在的位置|首页|>|设为|收藏|浏览器|老年版|无障碍|IPv6|人民网|^[•·]|${PAGE_LABEL}|^(?:附件|索引号)`,
);
/** A plan title at the start of a long line, the text run on after it. */
const RUN_ON_TITLE =
  /^([^,，。:：]{6,60}?(?:工作方案|实施方案|工作要点|工作计划|任务清单)(?:[(（][^()（）]{1,12}[)）])?)(?=[\u4e00-\u9fa5])/;
/** "名称:…" in a page's info table gives the title as it is. */
const LABELLED_TITLE = /^(?:名称|标题|文件名称)\s*[:：]\s*(.{4,80})$/;
/** A news lead: "日前,潮州印发《…》。全文如下:" — the document is the one in the quotes. */
const NEWS_LEAD = /(?:印发|出台|发布|公布|制定)(?:了)?《([^》]{4,80})》/;
/** "X关于印发Y的通知": the plan is Y, X issued it. */
const NOTICE_OF = /^(.{0,40}?)关于印发《?(.{4,80}?)》?的通知$/;

/** YYYY-MM-DD, or undefined when the parts are no calendar day (a garbled "2021-0-28"). */
function iso(y: string, m: string, d: string): string | undefined {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid =
    date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return valid ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : undefined;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

interface TitleCandidate {
  title: string;
  score: number;
  /** Who issued it, when the line says ("X关于印发…的通知", "X文件"). */
  issuer?: string;
}

/** The line as a title, scored, or null when it cannot be one. */
function titleCandidate(raw: string, index: number): TitleCandidate | null {
  let text = squeeze(raw).replace(/^正在阅读[:：]/, '');
  const labelled = LABELLED_TITLE.exec(text);
  if (labelled) {
    const title = labelled[1].replace(new RegExp(`(?:${PAGE_LABEL})[:：]?.*$`), '');
    if (title.length >= 4) return { title, score: 10 - index * 0.01 };
  }
  // A document number printed before the title ("港政发〔2021〕10号黄石港区人民政府关于…").
  const printed = docNumberIn(text);
  if (printed && text.startsWith(printed)) text = text.slice(printed.length);
  const notice = NOTICE_OF.exec(text);
  if (notice) {
    return {
      title: notice[2],
      score: 8 - index * 0.01,
      ...(ORGANISATION.test(notice[1]) ? { issuer: notice[1] } : {}),
    };
  }
  const lead = NEWS_LEAD.exec(text);
  if (lead && /日前|近日|印发|全文如下/.test(text)) return { title: lead[1], score: 7 - index * 0.01 };
  // "附件:1.…" names the attached plan.
  text = text.replace(/^附件\s*[:：]?\s*\d*[.、]?/, '');
  // A date stamp run into the title ("…项目公布发布时间:2024-01-18").
  text = text.replace(new RegExp(`(?:${PAGE_LABEL})[:：]?.*$`), '');
  // A title the converter ran into the first sentence ("…2022年工作方案(征求意见稿)为持续推进…").
  const runOn = text.length > 60 ? RUN_ON_TITLE.exec(text) : null;
  if (runOn) return { title: runOn[1], score: 5 - index * 0.01 };
  if (text.length < 4 || text.length > 90) return null;
  if (NOT_TITLE.test(text) || markerOf(text) || /[:：]$/.test(text) || text === TABLE_HEADING) return null;
  const sentence = /[。!！?？]/.test(text.slice(0, -1)) || text.length > 60;
  const ending = text.replace(/[(（][^()（）]{1,20}[)）]$/, '');
  let score = -index * 0.01;
  if (TITLE_END.test(ending)) score += 4;
  if (YEAR.test(text) || /20\d{2}/.test(text)) score += 2;
  if (sentence) score -= 5;
  if (/[,，]/.test(text)) score -= 1;
  if (ORGANISATION.test(text) && !TITLE_END.test(ending)) score -= 3;
  return { title: text, score };
}

/** The title: the best-scored line among the first ones; the first usable line when none scores. */
function pickTitle(head: string[]): TitleCandidate {
  const candidates = head.map(titleCandidate).filter((c): c is TitleCandidate => c !== null);
  const best = candidates.reduce<TitleCandidate | null>((b, c) => (!b || c.score > b.score ? c : b), null);
  if (best && best.score > 0) return best;
  return candidates[0] ?? { title: squeeze(head.find((l) => l.trim()) ?? ''), score: 0 };
}

/**
 * Issuer from the page's labels (发布机构), a letterhead ("XX人民政府文件"), the notice line ("XX关于
 * 印发…的通知"), an organisation's name on its own line above the title, or the signature block.
 */
function pickIssuer(head: string[], top: string, title: TitleCandidate, signature?: string): string | undefined {
  const labelled = LABELLED_ISSUER.exec(top)?.[1];
  if (labelled) return labelled;
  if (title.issuer) return title.issuer;
  const letterhead = head
    .map(squeeze)
    .find((l) => /^[\u4e00-\u9fa5]{2,30}(?:人民政府|政府|委员会|局|办公室)文件$/.test(l));
  if (letterhead) return letterhead.replace(/文件$/, '');
  const titleAt = head.findIndex((l) => squeeze(l).includes(title.title));
  const above = head
    .slice(0, Math.max(titleAt, 0))
    .map(squeeze)
    .find(
      (l) => l.length >= 4 && l.length <= 24 && ORGANISATION.test(l) && !NOT_TITLE.test(l) && !/[,，。:：]/.test(l),
    );
  if (above) return above;
  return signature ?? SOURCE_ISSUER.exec(top)?.[1];
}

/**
 * Title, issuer, document number (文号), issue date and plan year. The issuer and date come from the
 * page's labels (发布机构, 生成日期/成文日期) or, failing those, from the letterhead, the notice line or
 * the signature block at the end of the document.
 */
export function readMetadata(lines: Line[], fallbackYear?: number): PlanMetadata & { yearAssumed?: boolean } {
  const head = lines
    .slice(0, 40)
    .map((l) => l.text)
    .filter((t) => t.trim() !== '');
  const picked = pickTitle(head);
  const title = picked.title;
  const all = lines.map((l) => l.text).join('\n');
  // The page's info table sits above the text: labels are looked for there only.
  const top = head.join('\n');
  const signature = signatureOf(lines);
  const labelledDate = LABELLED_DATE.exec(top);
  const issuedOn = (labelledDate && iso(labelledDate[1], labelledDate[2], labelledDate[3])) || signature.date;
  const docNumber = head.map(docNumberIn).find((d) => d !== null);
  const yearText =
    YEAR.exec(title)?.[1] ??
    /20\d{2}/.exec(title)?.[0] ??
    issuedOn?.slice(0, 4) ??
    /20\d{2}/.exec(docNumber ?? '')?.[0] ??
    YEAR.exec(all)?.[1];
  if (!yearText && !fallbackYear) {
    throw new PlanParseError({
      code: 'NO_PLAN_YEAR',
      zh: '无法确定计划年度：标题和正文中都没有“20xx年”',
      en: 'Cannot tell the plan year: no "20xx年" in the title or the text',
      hint: '在标题中写明年度，例如“2021年生态环境工作要点”，或在导入页面选择计划年度后重新上传。',
      line: 1,
    });
  }
  const metadata: PlanMetadata & { yearAssumed?: boolean } = {
    title,
    year: yearText ? Number(yearText) : fallbackYear!,
    ...(yearText ? {} : { yearAssumed: true }),
  };
  const issuer = pickIssuer(head, top, picked, signature.issuer);
  if (issuer) metadata.issuer = issuer;
  if (docNumber) metadata.docNumber = docNumber;
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
