import { createHash } from 'node:crypto';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { PlanTree } from '@duban/domain/plan/plan-tree';

const PLAN_ID = /^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/;

/**
 * The plan id prefixes every workflow id (`<plan>/<task code>`), so it must be stable across
 * revisions of one document: by default it comes from the year and the issuer and title.
 */
export function planIdFor(tree: PlanTree, requested?: string): string {
  if (requested !== undefined) {
    if (!PLAN_ID.test(requested)) {
      throw new BadInputError(
        'BAD_PLAN_ID',
        `计划标识 "${requested}" 无效：只能使用小写字母、数字和连字符（3–64 位）`,
        `Invalid plan id "${requested}": use 3-64 lower-case letters, digits and hyphens`,
      );
    }
    return requested;
  }
  const basis = `${tree.metadata.issuer ?? ''}|${tree.metadata.title}`;
  return `plan-${tree.metadata.year}-${createHash('sha256').update(basis).digest('hex').slice(0, 8)}`;
}
