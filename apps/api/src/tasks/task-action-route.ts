import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/api-problem-responses';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

/**
 * One human action on a task: POST answering 200 with the task's new state, idempotent by the
 * Idempotency-Key header, and every refusal it can give documented with the problem body.
 */
export function TaskActionRoute(path: string, summary: string) {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description: '每次操作唯一的键（8–128 位）；重试同一请求时保持不变，服务器返回首次结果',
    }),
    ApiOperation({ summary }),
    ApiOkResponse({
      description: '已办理：返回任务的新状态（snapshot）与版本号；重试返回首次结果（Idempotent-Replayed: true）',
    }),
    ApiProblemResponses(400, 401, 403, 404, 409, 422, 503),
  );
}
