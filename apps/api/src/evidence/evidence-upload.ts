import { mkdirSync } from 'node:fs';
import { diskStorage } from 'multer';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { firstUnsafeChar } from '@duban/domain/text/safe-text';
import { incomingEvidenceDir, incomingName } from './evidence.service';
import { MAX_EVIDENCE_BYTES } from './evidence-types';
import { decodeUploadName } from '../common/upload-name';

/** An evidence file as multer left it on disk, with its name decoded. */
export interface UploadedEvidence {
  fileName: string;
  path: string;
  size: number;
}

/** The longest file name stored (the column is varchar(255)). */
export const MAX_EVIDENCE_NAME = 255;

/** Why a file name is refused, or null: checked before a single byte of the file is stored. */
export function evidenceNameProblem(fileName: string): BadInputError | null {
  if (!fileName.trim()) return new BadInputError('BAD_FILE_NAME', '文件名为空', 'The file has no name');
  if (fileName.length > MAX_EVIDENCE_NAME) {
    return new BadInputError(
      'FILE_NAME_TOO_LONG',
      `文件名最长 ${MAX_EVIDENCE_NAME} 个字符（当前 ${fileName.length} 个），请改短后重新上传`,
      `File names are at most ${MAX_EVIDENCE_NAME} characters (got ${fileName.length})`,
    );
  }
  if (firstUnsafeChar(fileName) || /[/\\]/.test(fileName)) {
    return new BadInputError(
      'BAD_FILE_NAME',
      '文件名含有控制字符或路径分隔符，请重命名后上传',
      'File name contains control characters or path separators',
    );
  }
  return null;
}

/**
 * Multer options of every evidence upload (REST and the submit form): streamed to disk, never held
 * in memory; the name checked first, so a refused name stores nothing.
 */
export function evidenceMulterOptions(maxFiles: number) {
  return {
    storage: diskStorage({
      destination: (_req, _file, cb) => {
        const dir = incomingEvidenceDir();
        mkdirSync(dir, { recursive: true });
        cb(null, dir);
      },
      filename: (_req, _file, cb) => cb(null, incomingName()),
    }),
    limits: { fileSize: MAX_EVIDENCE_BYTES, files: maxFiles, fields: 50, fieldSize: 64 * 1024 },
    fileFilter: (_req: unknown, file: { originalname: string }, cb: (e: Error | null, accept: boolean) => void) => {
      const problem = evidenceNameProblem(decodeUploadName(file.originalname));
      cb(problem, !problem);
    },
  };
}

/** multer's file → what the evidence service stores. */
export function uploadedEvidence(file: { originalname: string; path: string; size: number }): UploadedEvidence {
  return { fileName: decodeUploadName(file.originalname), path: file.path, size: file.size };
}
