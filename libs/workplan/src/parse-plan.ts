import { PlanTree } from '../../domain/src/plan/plan-tree';
import { decodeText } from './decode-text';
import { PlanParseError } from './errors';
import { docxToText } from './formats/docx';
import { htmlToText } from './formats/html';
import { parseJsonPlan, parseYamlPlan } from './formats/json-plan';
import { parsePlanText } from './parse-plan-text';

export type PlanFormat = 'text' | 'docx' | 'html' | 'json' | 'yaml';

/** Largest plan document accepted (the real ones are tens of kilobytes). */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/** The format of a document, from its file name and, failing that, its first bytes. */
export function detectFormat(buffer: Buffer, filename?: string): PlanFormat {
  const ext = filename?.toLowerCase().split('.').pop();
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'doc') {
    throw new PlanParseError(
      'UNSUPPORTED_FORMAT',
      '不支持旧版 Word（.doc）文件',
      'Legacy Word (.doc) files are not supported',
      '请在 Word 中另存为 .docx 或纯文本（.txt）后重新上传。',
    );
  }
  if (buffer[0] === 0x50 && buffer[1] === 0x4b) return 'docx';
  const head = buffer.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (head.startsWith('{')) return 'json';
  return 'text';
}

/**
 * Any supported document → plan tree. Throws PlanParseError (what, where, how to fix) for input
 * that is not a plan; never anything else.
 */
export async function parsePlan(
  buffer: Buffer,
  options: { filename?: string; format?: PlanFormat } = {},
): Promise<PlanTree> {
  if (buffer.length > MAX_PLAN_BYTES) {
    throw new PlanParseError(
      'TOO_LARGE',
      `文件过大（${(buffer.length / 1048576).toFixed(1)} MB），上限 ${MAX_PLAN_BYTES / 1048576} MB`,
      `Document too large (${(buffer.length / 1048576).toFixed(1)} MB); the limit is ${MAX_PLAN_BYTES / 1048576} MB`,
      '工作要点正文通常只有几十 KB：去掉图片与附件后重新上传。',
    );
  }
  try {
    const format = options.format ?? detectFormat(buffer, options.filename);
    switch (format) {
      case 'docx':
        return parsePlanText(await docxToText(buffer));
      case 'html':
        return parsePlanText(htmlToText(decodeText(buffer).text));
      case 'json':
        return parseJsonPlan(decodeText(buffer).text);
      case 'yaml':
        return parseYamlPlan(decodeText(buffer).text);
      default: {
        const decoded = decodeText(buffer);
        const tree = parsePlanText(decoded.text);
        if (decoded.encoding === 'gb18030') {
          tree.warnings.unshift({
            code: 'encoding-guessed',
            line: 0,
            message: '文件不是 UTF-8，已按 GB18030/GBK 解码',
          });
        }
        return tree;
      }
    }
  } catch (error) {
    if (error instanceof PlanParseError) throw error;
    // A parser bug must still reach the user as a clear refusal, not a crash.
    throw new PlanParseError(
      'UNSUPPORTED_FORMAT',
      `无法解析该文件：${(error as Error)?.message ?? String(error)}`,
      `Cannot parse the document: ${(error as Error)?.message ?? String(error)}`,
      '请改用纯文本（.txt）格式上传，或把问题文件反馈给管理员。',
    );
  }
}
