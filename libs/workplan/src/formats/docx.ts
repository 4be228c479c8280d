import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { PlanParseError } from '../errors';
import { htmlToText } from './html';

/**
 * .docx → text lines. Numbering typed as text survives as is; Word's automatic list numbering is
 * not part of the text, so lists come through mammoth's HTML (<ol>/<li>) and are numbered again
 * here the way the plan prints them: 1. at the first list level, 1) at the second.
 */
export async function docxToText(buffer: Buffer): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (error) {
    throw new PlanParseError(
      'MALFORMED_DOCX',
      `无法读取 Word 文件：${(error as Error).message}`,
      `Cannot read the Word document: ${(error as Error).message}`,
      '请确认文件是 .docx 格式（不是 .doc），并可在 Word 中正常打开；必要时另存为 .docx 或 .txt 后重新上传。',
    );
  }
  const root = parse(html);
  type El = ReturnType<typeof parse>;
  const numberList = (list: El, depth: number) => {
    const items = list.childNodes.filter((c) => (c as El).tagName === 'LI') as El[];
    items.forEach((li, i) => {
      for (const nested of li.childNodes.filter((c) => (c as El).tagName === 'OL') as El[])
        numberList(nested, depth + 1);
      li.insertAdjacentHTML('afterbegin', depth === 0 ? `${i + 1}.` : `${i + 1})`);
    });
  };
  for (const list of root.querySelectorAll('ol')) {
    if ((list.parentNode as El | null)?.tagName !== 'LI') numberList(list, 0);
  }
  return htmlToText(root.toString());
}
