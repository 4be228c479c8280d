import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as yaml from 'js-yaml';
import { PlanTree } from '../../../domain/src/plan/plan-tree';
import { PlanParseError } from '../errors';
import schema from '../../schema/plan.schema.json';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Checks an object against the plan JSON Schema; the first problems name their JSON path. */
export function validatePlanJson(value: unknown): PlanTree {
  if (validate(value)) {
    const tree = value as unknown as PlanTree;
    return { ...tree, warnings: tree.warnings ?? [] };
  }
  const problems = (validate.errors ?? []).slice(0, 5);
  const first = problems[0];
  const path = first?.instancePath || '/';
  const list = problems.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
  throw new PlanParseError(
    'INVALID_PLAN_JSON',
    `计划 JSON 不符合格式：${list}`,
    `The plan JSON does not match the schema: ${list}`,
    '对照 libs/workplan/schema/plan.schema.json 修改所列字段。',
    { path },
  );
}

export function parseJsonPlan(text: string): PlanTree {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position ? text.slice(0, Number(position)).split('\n').length : undefined;
    throw new PlanParseError(
      'MALFORMED_JSON',
      `JSON 语法错误${line ? `（第 ${line} 行）` : ''}：${(error as Error).message}`,
      `Malformed JSON${line ? ` (line ${line})` : ''}: ${(error as Error).message}`,
      '检查该行附近的逗号、引号和括号是否成对。',
      { line },
    );
  }
  return validatePlanJson(value);
}

export function parseYamlPlan(text: string): PlanTree {
  let value: unknown;
  try {
    value = yaml.load(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = mark?.line !== undefined ? mark.line + 1 : undefined;
    throw new PlanParseError(
      'MALFORMED_JSON',
      `YAML 语法错误${line ? `（第 ${line} 行）` : ''}：${(error as Error).message.split('\n')[0]}`,
      `Malformed YAML${line ? ` (line ${line})` : ''}: ${(error as Error).message.split('\n')[0]}`,
      '检查该行的缩进和冒号。',
      { line },
    );
  }
  return validatePlanJson(value);
}
