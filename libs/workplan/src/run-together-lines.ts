/**
 * Text copied from a PDF viewer or a document-sharing site often has no line breaks at all: the
 * whole plan, headings included, on one physical line ("…特制订本方案。一、工作目标2022年…二、工作任务
 * (一)全力打好…攻坚战1.做好重污染天气应对。…"). Such lines are cut where a new heading, item or
 * labelled field plainly begins, so the structure can be read; ordinary lines are left alone.
 */

/** Only lines longer than this are cut: a plan's own lines are rarely so long. */
const LONG_LINE = 120;

const CN = '一二三四五六七八九十';
/** A chapter, section or item marker at a position (1. also after "1 ." was squeezed to "1."). */
const HEADING = new RegExp(`^[${CN}]{1,3}、`);
const SECTION = new RegExp(`^[(（][${CN}]{1,3}[)）]`);
const ITEM = /^\d{1,2}\s?[.、．](?!\d)/;
/** Fields that open a line of their own in records and rectification lists. */
const FIELD =
  /^(?:整改目标|整改措施|整改时限|整改要求|责任单位|牵头单位|配合单位|协办单位|责任人|责任领导|分管领导|部门分工|完成时限|时间节点)[:：]/;
/** Chapter names that end right where their chapter's text begins ("一、工作目标2022年，…"). */
const CHAPTER_NAME =
  /^[一二三四五六七八九十]{1,3}、(?:工作目标|主要目标|总体目标|目标任务|工作任务|主要任务|重点任务|重点工作|保障措施|工作要求|总体要求|指导思想|基本原则|组织保障|工作措施)/;
/** Page numbers a converter left in the text ("-1-", "— 2 —"). */
const PAGE_MARK = /(?:^|(?<=[\u4e00-\u9fa5。，,；;]))\s*[-—–－]\s*\d{1,3}\s*[-—–－]\s*/g;

/** A chapter whose short title runs into its first section ("…清单一、认识不深(一)部分…"). */
const CHAPTER_BEFORE_SECTION = new RegExp(`^[${CN}]{1,3}、[^。，,；;()（）]{1,16}[(（][${CN}]{1,3}[)）]`);

const SENTENCE_END = /[。；;！!？?）)]$/;

export function splitRunTogetherLine(line: string): string[] {
  const text = line.replace(PAGE_MARK, '');
  if (text.length <= LONG_LINE) return [text];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    const c = text[i - 1];
    if (c === '(' || c === '（' || c === '“' || c === '《') depth++;
    else if ((c === ')' || c === '）' || c === '”' || c === '》') && depth > 0) depth--;
    if (depth > 0) continue;
    const rest = text.slice(i, i + 30);
    const before = text.slice(start, i);
    const afterSentence = SENTENCE_END.test(before);
    // Sections and fields begin anywhere (they never sit inside a sentence); chapters and items
    // after a sentence end, or right after a short section title ("(一)全力打好…攻坚战1.做好…").
    const opens =
      SECTION.test(rest) ||
      FIELD.test(rest) ||
      ((HEADING.test(rest) || ITEM.test(rest)) && (afterSentence || isShortHeading(before))) ||
      CHAPTER_BEFORE_SECTION.test(rest);
    if (opens && before.trim()) {
      parts.push(before.trim());
      start = i;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.flatMap(splitChapterName);
}

/** A section or chapter line short enough to be a title only: what follows it begins anew. */
const isShortHeading = (s: string) => (SECTION.test(s) || HEADING.test(s)) && s.length <= 40 && !/[。，,；;]/.test(s);

/** "一、工作目标2022年，全市…" → the chapter, then its text. */
function splitChapterName(part: string): string[] {
  const m = CHAPTER_NAME.exec(part);
  if (!m || m[0].length === part.length) return [part];
  return [m[0], part.slice(m[0].length)];
}
