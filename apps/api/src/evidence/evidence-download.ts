import { StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Response } from 'express';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import { EvidenceEntity } from '@duban/persistence/entities';
import { attachmentDisposition } from '../common/attachment-disposition';

/** Types a browser may show in place; everything else is downloaded (a document never runs in our origin). */
const SHOWN_INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/**
 * Sends a stored evidence file under the name it was uploaded with: inline for PDF and images,
 * as an attachment otherwise, never sniffed, never cached by shared proxies.
 */
export async function sendEvidence(res: Response, e: EvidenceEntity): Promise<StreamableFile> {
  const size = await stat(e.storagePath).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw new NotFoundError('佐证材料文件', e.fileName);
  const ext = e.fileName.includes('.') ? e.fileName.slice(e.fileName.lastIndexOf('.')) : '';
  const shown = SHOWN_INLINE.has(e.mimeType) ? 'inline' : 'attachment';
  res.setHeader('Content-Type', e.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : e.mimeType);
  res.setHeader('Content-Length', String(size));
  res.setHeader('Content-Disposition', attachmentDisposition(e.fileName, `evidence-${e.id}${ext}`, shown));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(createReadStream(e.storagePath));
}
