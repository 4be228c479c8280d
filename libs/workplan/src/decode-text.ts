import * as iconv from 'iconv-lite';
import { PlanParseError } from './errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16' | 'gb18030';
}

const emptyDocument = () =>
  new PlanParseError({
    code: 'EMPTY_DOCUMENT',
    zh: '文件为空',
    en: 'The document is empty',
    hint: '请上传含有工作要点正文的文件。',
    line: 1,
  });

/**
 * Bytes → text. A BOM decides when present; otherwise UTF-8 when the bytes are valid UTF-8, else
 * GB18030 (a superset of GBK and GB2312, which older government documents use).
 */
export function decodeText(buffer: Buffer): DecodedText {
  if (buffer.length === 0) throw emptyDocument();
  const utf16 = decodeUtf16WithBom(buffer);
  if (utf16 !== null) return checked({ text: utf16, encoding: 'utf-16' });
  if (buffer.indexOf(0) >= 0 || hasManyControlBytes(buffer)) {
    throw new PlanParseError({
      code: 'BINARY_DOCUMENT',
      zh: '文件不是文本（含有二进制内容）',
      en: 'The document is not text (it holds binary data)',
      hint: '请上传 .txt（UTF-8 或 GBK）、.docx、.html、.json 或 .yaml 格式的计划；旧版 .doc 请先另存为 .docx。',
    });
  }
  let bytes = buffer;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return checked({ text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' });
  } catch (error) {
    if (error instanceof PlanParseError) throw error;
    return checked({ text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' });
  }
}

function checked(decoded: DecodedText): DecodedText {
  if (decoded.text.trim() === '') throw emptyDocument();
  return decoded;
}

function decodeUtf16WithBom(buffer: Buffer): string | null {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf-16be');
  return null;
}

/** Text has tabs and line breaks but hardly any other C0 control byte; binaries have plenty. */
function hasManyControlBytes(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 65536);
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  return control > sample.length * 0.05;
}
