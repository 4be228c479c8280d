import { PlanTree } from '@duban/domain/plan/plan-tree';
import { DecodedText, decodeText } from './decode-text';
import { PlanParseError, toPlanParseError } from './errors';
import { docxToText } from './formats/docx';
import { htmlToLines } from './formats/html';
import { xlsxToText } from './formats/xlsx';
import { attachCells } from './source-cells';
import { parseJsonPlan } from './formats/json-plan';
import { parseYamlPlan } from './formats/yaml-plan';
import { findUnsafeText } from '@duban/domain/text/safe-text';
import { assertItemCount, assertLineCount, assertWithinLimit, countItems } from './limits';
import { parsePlanText, TextParseOptions } from './parse-plan-text';
import { simplifiedIfTraditional } from './traditional';

export type PlanFormat = 'text' | 'docx' | 'xlsx' | 'html' | 'json' | 'yaml';

export interface ParsePlanOptions {
  /** Used to tell the format by extension (.txt .docx .html .json .yaml). */
  filename?: string;
  /** Overrides detection. */
  format?: PlanFormat;
  /** The plan year to assume when the document names none (a warning says so). */
  fallbackYear?: number;
}

/** The format of a document, from its file name and, failing that, its first bytes. */
export function detectFormat(buffer: Buffer, filename?: string): PlanFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'doc' || ext === 'wps' || ext === 'pdf' || ext === 'xls' || ext === 'et') {
    throw new PlanParseError({
      code: 'UNSUPPORTED_FORMAT',
      zh: `不支持 .${ext} 文件`,
      en: `.${ext} files are not supported`,
      hint: '请另存为 .docx、.xlsx、纯文本（.txt）或 .html 后重新上传。',
    });
  }
  // .docx and .xlsx are zip archives: the part names tell them apart.
  if (buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04) {
    return buffer.includes('xl/workbook') || buffer.includes('xl/worksheets') ? 'xlsx' : 'docx';
  }
  const head = buffer
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|meta|div|p[\s>])/.test(head)) return 'html';
  if (head.startsWith('{')) return 'json';
  if (/^(---\s*\n)?schemaversion\s*:/.test(head)) return 'yaml';
  return 'text';
}

/**
 * Any supported document → plan tree. Throws PlanParseError (what, where, how to fix) for input
 * that is not a plan, and never anything else.
 */
export async function parsePlan(buffer: Buffer, options: ParsePlanOptions = {}): Promise<PlanTree> {
  try {
    assertWithinLimit(buffer.length);
    const format = options.format ?? detectFormat(buffer, options.filename);
    return checkedTree(await parseFormat(buffer, format, { fallbackYear: options.fallbackYear }));
  } catch (error) {
    throw toPlanParseError(error);
  }
}

/**
 * What every format's tree must satisfy before it may be imported: no more than MAX_PLAN_ITEMS
 * items, and only text the database can store (a JSON/YAML plan could carry a NUL or a lone
 * surrogate in any field: refused with its JSON path).
 */
function checkedTree(tree: PlanTree): PlanTree {
  assertItemCount(countItems(tree));
  const unsafe = findUnsafeText(tree);
  if (unsafe) {
    throw new PlanParseError({
      code: 'INVALID_PLAN_JSON',
      zh: `计划中含有无法保存的字符：${unsafe.zh}`,
      en: `The plan holds characters that cannot be stored: ${unsafe.en}`,
      hint: '删除该字段中的控制字符（常由复制粘贴带入）后重新上传。',
      path: `/${unsafe.field.replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/')}`,
    });
  }
  return tree;
}

async function parseFormat(buffer: Buffer, format: PlanFormat, text: TextParseOptions): Promise<PlanTree> {
  {
    switch (format) {
      case 'docx':
        return parseDocx(buffer, text);
      case 'xlsx': {
        const sheet = await xlsxToText(buffer);
        return withNotes(attachCells(parsePlanText(sheet.text, text), sheet.cells), null, sheet.traditional);
      }
      case 'html': {
        const decoded = decodeText(buffer);
        assertLineCount(decoded.text);
        const { value, converted } = simplified(decoded.text);
        const html = htmlToLines(value);
        return withNotes(attachCells(parsePlanText(html.lines.join('\n'), text), html.cells), decoded, converted);
      }
      case 'json':
        return parseJsonPlan(decodeText(buffer).text);
      case 'yaml':
        return parseYamlPlan(decodeText(buffer).text);
      case 'text':
        return parseTextDocument(buffer, text);
      default:
        throw new PlanParseError({
          code: 'UNSUPPORTED_FORMAT',
          zh: `未知格式：${String(format)}`,
          en: `Unknown format: ${String(format)}`,
          hint: 'format 只能是 text、docx、xlsx、html、json 或 yaml。',
        });
    }
  }
}

function parseTextDocument(buffer: Buffer, options: TextParseOptions): PlanTree {
  const decoded = decodeText(buffer);
  assertLineCount(decoded.text);
  const { value, converted } = simplified(decoded.text);
  return withNotes(parsePlanText(value, options), decoded, converted);
}

/** Traditional characters read as simplified (see traditional.ts). */
function simplified(text: string): { value: string; converted: boolean } {
  const converted = simplifiedIfTraditional(text);
  return converted === null ? { value: text, converted: false } : { value: converted, converted: true };
}

/** Says so when the bytes were not UTF-8 (GB18030 assumed) or the characters were traditional. */
function withNotes(tree: PlanTree, decoded: DecodedText | null, converted: boolean): PlanTree {
  if (converted) {
    tree.warnings.unshift({
      code: 'traditional-converted',
      line: 1,
      message: '文件为繁体字，已转换为简体字读取，请核对 / Traditional characters were read as simplified ones',
    });
  }
  return decoded ? withEncodingNote(tree, decoded) : tree;
}

/** Says so when the bytes were not UTF-8 and GB18030 was assumed. */
function withEncodingNote(tree: PlanTree, decoded: DecodedText): PlanTree {
  if (decoded.encoding === 'gb18030') {
    tree.warnings.unshift({
      code: 'encoding-guessed',
      line: 1,
      message: '文件不是 UTF-8，已按 GB18030/GBK 解码 / Not UTF-8; decoded as GB18030 (GBK)',
    });
  }
  return tree;
}

async function parseDocx(buffer: Buffer, options: TextParseOptions): Promise<PlanTree> {
  const { text, renumbered, traditional, cells } = await docxToText(buffer);
  const tree = withNotes(attachCells(parsePlanText(text, options), cells), null, traditional === true);
  if (renumbered) {
    tree.warnings.unshift({
      code: 'numbering-gap',
      line: 1,
      message:
        'Word 自动编号与段落对不上，已按列表层级重新编号（1. / 1)），请核对 / ' +
        'Word list numbering did not match the paragraphs; lists were renumbered by level, please check',
    });
  }
  return tree;
}
