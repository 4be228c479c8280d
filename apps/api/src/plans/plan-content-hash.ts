import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { PlanTree } from '@duban/domain/plan/plan-tree';

/**
 * Hash of what an import would write: the tree without warnings (warnings mention lines, which
 * move when a typo is fixed), as JSON with sorted keys. Equal hashes mean re-importing changes nothing.
 */
export function planContentHash(tree: PlanTree): string {
  const { warnings: _warnings, ...content } = tree;
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}
