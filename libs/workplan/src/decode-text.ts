import * as iconv from 'iconv-lite';
import { PlanParseError } from './errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
}

/** Bytes → text: UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK). */
export function decodeText(buffer: Buffer): DecodedText {
  if (buffer.length === 0 || buffer.toString('latin1').trim() === '') {
    throw new PlanParseError('EMPTY_DOCUMENT', '文件为空', 'The document is empty', '请上传含有工作要点正文的文件。');
  }
  if (looksBinary(buffer)) {
    throw new PlanParseError(
      'BINARY_DOCUMENT',
      '文件不是文本（含有二进制内容）',
      'The document is not text (it holds binary data)',
      '请上传 .txt（UTF-8 或 GBK）、.docx、.html、.json 或 .yaml 格式的计划。',
    );
  }
  let bytes = buffer;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/** NUL bytes or many control characters mean a binary file, not text in some encoding. */
function looksBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > sample.length * 0.05;
}
