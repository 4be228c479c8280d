import { apiConfig } from '../config/api-config';
/** File types accepted as evidence (佐证材料): documents, spreadsheets, images, PDF. */
export const EVIDENCE_TYPES: Record<string, { mime: string; magic?: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b] },
  doc: { mime: 'application/msword', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  xls: { mime: 'application/vnd.ms-excel', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  txt: { mime: 'text/plain' },
};

export const MAX_EVIDENCE_BYTES = apiConfig().evidenceMaxBytes;

/**
 * The accepted type of an upload, judged by its extension AND its first bytes, or null. The
 * browser's Content-Type is not trusted.
 */
export function evidenceTypeOf(fileName: string, head: Buffer): { ext: string; mime: string } | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = EVIDENCE_TYPES[ext];
  if (!type) return null;
  if (type.magic && !type.magic.every((b, i) => head[i] === b)) return null;
  if (!type.magic && head.subarray(0, 4096).includes(0)) return null;
  return { ext, mime: type.mime };
}
