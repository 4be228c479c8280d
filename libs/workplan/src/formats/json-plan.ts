import { PlanTree } from '@duban/domain/plan/plan-tree';
import { PlanParseError } from '../errors';
import { validatePlanJson } from '../validate-plan-json';

/** A JSON plan document (the PlanTree itself) → validated plan tree. */
export function parseJsonPlan(text: string): PlanTree {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = (error as Error).message;
    const line = lineOfJsonError(text, detail);
    throw new PlanParseError({
      code: 'MALFORMED_JSON',
      zh: `JSON 语法错误${line ? `（第 ${line} 行）` : ''}：${detail}`,
      en: `Malformed JSON${line ? ` (line ${line})` : ''}: ${detail}`,
      hint: '检查该行附近的逗号、引号和括号是否成对；JSON 不允许注释和末尾多余的逗号。',
      line,
    });
  }
  return validatePlanJson(value);
}

/** V8 says either "(line 3 column 14)" or "at position 27"; both become a 1-based line. */
function lineOfJsonError(text: string, message: string): number | undefined {
  const line = /line (\d+)/.exec(message)?.[1];
  if (line) return Number(line);
  const position = /position (\d+)/.exec(message)?.[1];
  return position ? text.slice(0, Number(position)).split('\n').length : undefined;
}
