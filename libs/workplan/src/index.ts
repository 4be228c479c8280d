export { PlanParseError } from './errors';
export type { PlanParseErrorCode } from './errors';
export { MAX_PLAN_BYTES, detectFormat, parsePlan } from './parse-plan';
export type { PlanFormat } from './parse-plan';
export { parsePlanText } from './parse-plan-text';
export { validatePlanJson } from './formats/json-plan';
export { leafTasks } from './leaf-tasks';
