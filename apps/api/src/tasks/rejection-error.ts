import { BadInputError, DomainError, ForbiddenError } from '@duban/domain/errors/domain-error';
import { TaskRejection } from '@duban/domain/task/rejections';

/** HTTP status of each task rejection (the rules' codes, also the workflow validators' failure types). */
export const REJECTION_STATUS: Record<string, number> = {
  FORBIDDEN_ROLE: 403,
  FORBIDDEN_UNIT: 403,
  SELF_APPROVAL: 403,
  INVALID_STATE: 409,
  NOT_FOUND_STAGE: 409,
  BAD_INPUT: 400,
};

/**
 * A rule's refusal as the API answers it: 403 with its code, 400 naming the field, 409 for the
 * task's state. Used for refusals found before the workflow is asked and for its validators' own.
 */
export function rejectionError(r: Pick<TaskRejection, 'zh' | 'en' | 'field'> & { code: string }, details?: unknown) {
  const status = REJECTION_STATUS[r.code] ?? 409;
  if (status === 403) return new ForbiddenError(r.zh, r.en, { code: r.code });
  if (r.code === 'BAD_INPUT') return new BadInputError('BAD_INPUT', r.zh, r.en, r.field ? { field: r.field } : details);
  return new DomainError(r.code, status, r.zh, r.en, details);
}
