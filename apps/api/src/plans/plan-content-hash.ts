import { createHash } from 'node:crypto';
import { PlanTree } from '@duban/domain/plan/plan-tree';

/**
 * Hash of what an import would write: the tree without warnings (warnings mention lines, which
 * move when a typo is fixed). Equal hashes mean re-importing changes nothing.
 */
export function planContentHash(tree: PlanTree): string {
  const { warnings: _warnings, ...content } = tree;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with object keys sorted, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
