import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BadInputError, NotFoundError } from '@duban/domain/errors/domain-error';
import { EvidenceEntity } from '@duban/persistence/entities';
import { EvidenceRepository } from '@duban/persistence/repositories/evidence-repository';
import { evidenceTypeOf } from './evidence-types';
import { UploadedEvidence } from './evidence-upload';
import { apiConfig } from '../config/api-config';
import { isUuid } from '@duban/domain/text/uuid';

/** Where evidence files live; content-addressed so the same file uploaded twice is stored once. */
export function evidenceDir(): string {
  return apiConfig().evidenceDir;
}

/** Uploads land here (streamed by multer) until they are accepted and moved, or discarded. */
export function incomingEvidenceDir(): string {
  return join(evidenceDir(), '.incoming');
}

/** What a client may see of a stored file (never where it lies on the server). */
export interface EvidenceView {
  id: string;
  stageKey: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export function evidenceView(e: EvidenceEntity): EvidenceView {
  return {
    id: e.id,
    stageKey: e.stageKey,
    fileName: e.fileName,
    mimeType: e.mimeType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    uploadedBy: e.uploadedBy,
    uploadedAt: e.uploadedAt,
  };
}

/** Overrides where files are stored (unit tests); the configured EVIDENCE_DIR otherwise. */
export const EVIDENCE_STORE_DIR = Symbol('EVIDENCE_STORE_DIR');

@Injectable()
export class EvidenceService {
  constructor(
    private readonly rows: EvidenceRepository,
    @Optional() @Inject(EVIDENCE_STORE_DIR) private readonly dir: string = evidenceDir(),
  ) {}

  /**
   * Accepts an upload already streamed to the incoming folder: checks its type by name and first
   * bytes, moves it to its content address and records it. The incoming file is gone afterwards
   * whatever happens; a stored file that no row ends up naming is removed again (no orphans).
   */
  async store(taskId: string, stageKey: string | null, userId: string, file: UploadedEvidence): Promise<EvidenceView> {
    let storagePath: string | null = null;
    let created = false;
    try {
      const type = await this.typeOf(file);
      const sha256 = await sha256Of(file.path);
      await mkdir(this.dir, { recursive: true });
      storagePath = join(this.dir, `${sha256}.${type.ext}`);
      created = !(await exists(storagePath));
      await rename(file.path, storagePath);
      const saved = await this.rows.add({
        taskId,
        stageKey,
        fileName: file.fileName,
        mimeType: type.mime,
        sizeBytes: file.size,
        sha256,
        storagePath,
        uploadedBy: userId,
      });
      created = false;
      return evidenceView(saved);
    } finally {
      await unlink(file.path).catch(() => undefined);
      if (created && storagePath) await this.removeIfUnreferenced(storagePath);
    }
  }

  /**
   * The file's type by its name and first bytes, or a refusal naming `field` (the form control it
   * came in): lets a form refuse a file before anything else of the request is done.
   */
  async typeOf(file: UploadedEvidence, field?: string): Promise<NonNullable<ReturnType<typeof evidenceTypeOf>>> {
    const type = evidenceTypeOf(file.fileName, await readHead(file.path, 4096));
    if (!type) {
      throw new BadInputError(
        'EVIDENCE_TYPE_NOT_ALLOWED',
        `不支持的文件类型：${file.fileName}。允许 PDF、Word、Excel、PNG/JPG 图片和纯文本。`,
        `File type not allowed: ${file.fileName}. Allowed: PDF, Word, Excel, PNG/JPG images, plain text.`,
        field ? { field } : undefined,
      );
    }
    return type;
  }

  /** A file of this task (by the task's row id), or 404: an id of another task is not found here. */
  async ofTask(taskRowId: string, evidenceId: string): Promise<EvidenceEntity> {
    const row = isUuid(evidenceId) ? await this.rows.ofTask(taskRowId, evidenceId) : null;
    if (!row) throw new NotFoundError('佐证材料', evidenceId);
    return row;
  }

  /** File names of the given evidence ids (for links in lists), by id. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Map();
    const rows = await this.rows.byIds(valid);
    return new Map(rows.map((r) => [r.id, r.fileName]));
  }

  /** Deletes uploads that were not accepted (a refused action, a failed check). */
  async discard(files: UploadedEvidence[] | undefined): Promise<void> {
    await Promise.all((files ?? []).map((f) => unlink(f.path).catch(() => undefined)));
  }

  /** Removes evidence rows that no submission came to name (the action failed), and their files. */
  async remove(ids: string[]): Promise<void> {
    const rows = await this.rows.byIds(ids);
    if (rows.length === 0) return;
    await this.rows.remove(rows.map((r) => r.id));
    for (const path of new Set(rows.map((r) => r.storagePath))) await this.removeIfUnreferenced(path);
  }

  private async removeIfUnreferenced(storagePath: string): Promise<void> {
    const n = await this.rows.referencesTo(storagePath);
    if (n === 0) await unlink(storagePath).catch(() => undefined);
  }
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function sha256Of(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => done(hash.digest('hex')))
      .on('error', fail);
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A fresh name in the incoming folder (multer's disk storage asks for one per file). */
export function incomingName(): string {
  return `${Date.now()}-${randomUUID()}.upload`;
}
