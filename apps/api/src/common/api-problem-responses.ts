import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

/** What each refusal status means on this API, as the OpenAPI document tells a client. */
const MEANINGS: Record<number, string> = {
  400: '输入有误（字段、格式、不可保存的字符）；details.field 指出字段',
  401: '未登录或令牌已失效',
  403: '当前角色或单位无权执行此操作',
  404: '对象不存在，或对当前用户不可见',
  409: '与当前状态冲突（如阶段未提交、任务已销号）',
  413: '文件或请求体过大',
  422: 'Idempotency-Key 已用于另一个请求',
  429: '请求过于频繁；按 Retry-After 稍后再试',
  503: '流程引擎或数据库暂不可用；可用同一 Idempotency-Key 重试',
};

/** Documents the problem responses a route can give (application/problem+json, ProblemDto). */
export function ApiProblemResponses(...statuses: (keyof typeof MEANINGS)[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: MEANINGS[status],
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
