import JSZip from 'jszip';
import { HTMLElement, parse } from 'node-html-parser';
import { PlanParseError } from '../errors';
import { MAX_DOCX_XML_BYTES, tooComplex } from '../limits';
import { readListLabels } from './docx-list-labels';
import { simplifiedIfTraditional } from '../traditional';
import { htmlToLines } from './html';

export interface DocxText {
  text: string;
  /** Set when Word's list numbering could not be matched to the paragraphs and was renumbered. */
  renumbered: boolean;
  /** Set when the document was written in traditional characters (read as simplified). */
  traditional?: boolean;
  /** Per line, the Word table row it was read from ("表 1 第 3 行"), if any. */
  cells?: (string | undefined)[];
}

const malformed = (detail: string) =>
  new PlanParseError({
    code: 'MALFORMED_DOCX',
    zh: `无法读取 Word 文件：${detail}`,
    en: `Cannot read the Word document: ${detail}`,
    hint: '请确认文件是 .docx 格式（不是 .doc），并可在 Word 中正常打开；必要时另存为 .docx 或 .txt 后重新上传。',
  });

/**
 * .docx → text lines. Numbering typed as text survives as is. Word's automatic list numbering is not
 * part of the text: mammoth's HTML shows those paragraphs as <ol>/<li>, and each <li> gets back the
 * label Word prints for it, rebuilt from numbering.xml ("（一）", "1.", "1)").
 */
export async function docxToText(buffer: Buffer): Promise<DocxText> {
  let html: string;
  let labels: (string | null)[];
  try {
    const zip = await JSZip.loadAsync(buffer);
    if (!zip.file('word/document.xml')) throw new Error('word/document.xml is missing');
    assertXmlWithinLimit(zip);
    labels = await readListLabels(zip);
    // Loaded when a Word file comes, not for every parse.
    const mammoth = (await import('mammoth')).default;
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (error) {
    if (error instanceof PlanParseError) throw error;
    throw malformed(error instanceof Error ? error.message : String(error));
  }
  const simplified = simplifiedIfTraditional(html);
  return { ...labelListItems(simplified ?? html, labels), traditional: simplified !== null };
}

/**
 * Refuses a .docx whose XML parts decompress past MAX_DOCX_XML_BYTES, before any is inflated: a
 * small file can hold a huge document.xml (a zip bomb). Sizes come from the zip's central
 * directory; a size that lies is caught by the parse worker's memory limit.
 */
function assertXmlWithinLimit(zip: JSZip): void {
  let total = 0;
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    total += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  }
  if (total > MAX_DOCX_XML_BYTES) {
    throw tooComplex(
      `Word 文件的正文展开后有 ${(total / 1048576).toFixed(1)} MB，超过上限 ${MAX_DOCX_XML_BYTES / 1048576} MB`,
      `The Word document's XML decompresses to ${(total / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCX_XML_BYTES / 1048576} MB`,
    );
  }
}

/**
 * Puts each list item's label in front of its text, then flattens the HTML to lines. When the
 * labels and the list items disagree in number, lists are renumbered by nesting and `renumbered`
 * says so.
 */
export function labelListItems(html: string, labels: (string | null)[]): DocxText {
  const root = parse(html);
  // mammoth wraps a list that starts below level 0 in empty <li>s for the missing levels: skip them.
  const items = root.querySelectorAll('li').filter(hasOwnContent);
  const renumbered = items.length !== labels.length;
  if (renumbered) numberByNesting(root);
  else items.forEach((li, i) => prefix(li, labels[i]));
  const { lines, cells } = htmlToLines(root.toString());
  return { text: lines.join('\n'), renumbered, cells };
}

const isList = (node: unknown) => ['OL', 'UL'].includes((node as HTMLElement).tagName);

function hasOwnContent(li: HTMLElement): boolean {
  return li.childNodes.some((c) => !isList(c));
}

function prefix(li: HTMLElement, label: string | null | undefined) {
  if (label) li.insertAdjacentHTML('afterbegin', escapeHtml(label));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Fallback when the paragraphs and numbering.xml disagree: number <ol> items by position, "1." at
 * the first level and "1)" below it, the way plans print items and sub-items.
 */
function numberByNesting(root: HTMLElement) {
  const numberList = (list: HTMLElement, depth: number) => {
    const items = list.childNodes.filter((c): c is HTMLElement => (c as HTMLElement).tagName === 'LI');
    items.forEach((li, i) => {
      for (const nested of li.childNodes.filter((c): c is HTMLElement => (c as HTMLElement).tagName === 'OL'))
        numberList(nested, depth + 1);
      prefix(li, depth === 0 ? `${i + 1}.` : `${i + 1})`);
    });
  };
  for (const list of root.querySelectorAll('ol')) {
    if ((list.parentNode as HTMLElement | null)?.tagName !== 'LI') numberList(list, 0);
  }
}
