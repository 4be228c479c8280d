import * as yaml from 'js-yaml';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { PlanParseError } from '../errors';
import { assertNodeBudget, MAX_YAML_ALIASES, tooComplex } from '../limits';
import { validatePlanJson } from '../validate-plan-json';

/**
 * A YAML plan document (the same tree as the JSON format) → validated plan tree. Read with the
 * core schema so that an unquoted date (issuedOn: 2021-04-28) stays the string the format wants.
 */
export function parseYamlPlan(text: string): PlanTree {
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, maxAliases: MAX_YAML_ALIASES, maxTotalMergeKeys: 1000 });
  } catch (error) {
    if (/alias|merge/i.test((error as Error).message) && /max|limit|exceed|too many/i.test((error as Error).message)) {
      throw tooComplex(
        `YAML 文件使用的别名（*ref）或合并键过多（上限 ${MAX_YAML_ALIASES} 个）`,
        `The YAML file uses too many aliases or merge keys (limit ${MAX_YAML_ALIASES})`,
      );
    }
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = mark?.line !== undefined ? mark.line + 1 : undefined;
    const detail = (error as Error).message.split('\n')[0];
    throw new PlanParseError({
      code: 'MALFORMED_YAML',
      zh: `YAML 语法错误${line ? `（第 ${line} 行）` : ''}：${detail}`,
      en: `Malformed YAML${line ? ` (line ${line})` : ''}: ${detail}`,
      hint: '检查该行的缩进（只用空格）、冒号后的空格和引号是否成对。',
      line,
    });
  }
  assertNodeBudget(value);
  return validatePlanJson(value);
}
