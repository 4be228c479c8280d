import Ajv, { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { PlanTree, TaskItem } from '@duban/domain/plan/plan-tree';
import { PlanParseError } from './errors';
import schema from '../schema/plan.schema.json';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const HINT = '对照 libs/workplan/schema/plan.schema.json（说明见 libs/workplan/README.md）修改所列字段。';

/**
 * Checks a value against the JSON plan format (the PlanTree, libs/workplan/schema/plan.schema.json)
 * and the rules a schema cannot say: item codes are unique and each sits under its parent's code.
 * Returns the tree; throws PlanParseError INVALID_PLAN_JSON naming the JSON pointer of the problem.
 */
export function validatePlanJson(value: unknown): PlanTree {
  if (!validate(value)) throw schemaError(validate.errors ?? []);
  const tree = value as unknown as PlanTree;
  checkCodes(tree);
  return { ...tree, warnings: tree.warnings ?? [] };
}

function schemaError(errors: ErrorObject[]): PlanParseError {
  // The deepest problem is the most specific one; ajv lists the branches it tried first.
  const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const first = sorted[0];
  const path = first?.instancePath || '/';
  const list = sorted
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${describeParams(e)}`)
    .join('; ');
  return new PlanParseError({
    code: 'INVALID_PLAN_JSON',
    zh: `计划 JSON 不符合格式：${list}`,
    en: `The plan JSON does not match the schema: ${list}`,
    hint: HINT,
    path,
  });
}

function describeParams(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (p.additionalProperty) return ` (${String(p.additionalProperty)})`;
  if (p.allowedValues) return ` (${(p.allowedValues as unknown[]).join(', ')})`;
  return '';
}

function checkCodes(tree: PlanTree): void {
  const seen = new Set<string>();
  const refuse = (path: string, zh: string, en: string) => {
    throw new PlanParseError({ code: 'INVALID_PLAN_JSON', zh, en, hint: HINT, path });
  };
  const visit = (item: TaskItem, parentCode: string, path: string) => {
    if (seen.has(item.code)) refuse(`${path}/code`, `任务编号 ${item.code} 重复`, `Task code ${item.code} is repeated`);
    seen.add(item.code);
    if (!item.code.startsWith(`${parentCode}.`)) {
      refuse(
        `${path}/code`,
        `任务编号 ${item.code} 不在上级 ${parentCode} 之下`,
        `Task code ${item.code} does not start with its parent's code ${parentCode}`,
      );
    }
    item.children.forEach((c, i) => visit(c, item.code, `${path}/children/${i}`));
  };
  tree.sections.forEach((s, si) => {
    if (seen.has(`section:${s.code}`)) {
      refuse(`/sections/${si}/code`, `板块编号 ${s.code} 重复`, `Section code ${s.code} is repeated`);
    }
    seen.add(`section:${s.code}`);
    s.items.forEach((item, ii) => visit(item, s.code, `/sections/${si}/items/${ii}`));
  });
}
