import { PlanParseError } from './errors';

/** Largest plan document accepted: real plans are tens of kilobytes; this leaves room for images in a .docx. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

/** Refuses a document over the limit before any decoding work is spent on it. */
export function assertWithinLimit(size: number, limit = MAX_PLAN_BYTES): void {
  if (size <= limit) return;
  throw new PlanParseError({
    code: 'TOO_LARGE',
    zh: `文件过大（${mib(size)} MB），上限为 ${mib(limit)} MB`,
    en: `Document too large (${mib(size)} MB); the limit is ${mib(limit)} MB`,
    hint: '工作要点正文通常只有几十 KB：删去图片和附件，或只上传正文后重试。',
  });
}
