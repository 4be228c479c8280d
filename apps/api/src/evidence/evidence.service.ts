import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { BadInputError } from '../../../../libs/domain/src/errors/domain-error';
import { EvidenceEntity } from '../../../../libs/persistence/src/entities';
import { evidenceTypeOf } from './evidence-types';

/** Where evidence files live; content-addressed so the same file uploaded twice is stored once. */
export function evidenceDir(): string {
  return resolve(process.env.EVIDENCE_DIR ?? join(process.env.DUBAN_DATA_DIR ?? '.data', 'evidence'));
}

@Injectable()
export class EvidenceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async store(taskId: string, stageKey: string | null, userId: string, file: { originalname: string; buffer: Buffer }) {
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const type = evidenceTypeOf(fileName, file.buffer);
    if (!type) {
      throw new BadInputError(
        'EVIDENCE_TYPE_NOT_ALLOWED',
        `不支持的佐证材料类型：${fileName}。允许 PDF、Word、Excel、PNG/JPG 图片和纯文本。`,
        `Evidence type not allowed: ${fileName}. Allowed: PDF, Word, Excel, PNG/JPG images, plain text.`,
      );
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const dir = evidenceDir();
    await mkdir(dir, { recursive: true });
    const storagePath = join(dir, `${sha256}.${type.ext}`);
    // Write to a temporary name first so a crash never leaves a truncated file under the final name.
    const tmp = `${storagePath}.${process.pid}.tmp`;
    await writeFile(tmp, file.buffer);
    await rename(tmp, storagePath);
    return this.db.getRepository(EvidenceEntity).save({
      taskId,
      stageKey,
      fileName,
      mimeType: type.mime,
      sizeBytes: file.buffer.length,
      sha256,
      storagePath,
      uploadedBy: userId,
    });
  }
}
