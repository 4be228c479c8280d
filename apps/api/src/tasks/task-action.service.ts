import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { ActorRef } from '../../../../libs/domain/src/access/actor';
import { canSeeTask } from '../../../../libs/domain/src/access/task-visibility';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
} from '../../../../libs/domain/src/errors/domain-error';
import { checkAction } from '../../../../libs/domain/src/task/task-rules';
import { TaskAction, TaskActionArgs, TaskSnapshot } from '../../../../libs/domain/src/task/task-types';
import { TaskEntity } from '../../../../libs/persistence/src/entities';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.provider';
import { TaskQueryService } from './task-query.service';

/** HTTP status of each workflow rejection type (validators throw ApplicationFailure with a type). */
const REJECTION_STATUS: Record<string, number> = {
  FORBIDDEN_ROLE: 403,
  FORBIDDEN_UNIT: 403,
  SELF_APPROVAL: 403,
  INVALID_STATE: 409,
  NOT_FOUND_STAGE: 409,
  BAD_INPUT: 400,
};

/**
 * Performs a human action on a task: an Update on the task's workflow, which validates the actor
 * and the state and answers synchronously. The request id makes a retried action a no-op. Every
 * refusal is written to the audit log; accepted actions reach it through the projection.
 */
@Injectable()
export class TaskActionService {
  private readonly logger = new Logger(TaskActionService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly db: DataSource,
    private readonly tasks: TaskQueryService,
  ) {}

  async perform(actor: ActorRef, taskId: string, action: TaskAction, payload: object, requestId: string) {
    const task = await this.db.getRepository(TaskEntity).findOne({ where: { id: taskId } });
    if (!task || !task.isLeaf) throw new NotFoundError('任务', taskId);
    const arg = { ...payload, requestId: `${actor.userId}:${requestId}`, actor } as TaskActionArgs[TaskAction];
    const denial = this.precheck(actor, task, action, arg);
    if (denial) {
      await this.audit(actor, taskId, action, denial, requestId, payload);
      throw denial;
    }
    try {
      const snapshot = await withinActionTimeout(
        this.client.workflow.getHandle(taskId).executeUpdate<TaskSnapshot, [object]>(action, { args: [arg] }),
      );
      return { taskId, action, snapshot };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const refusal = this.refusalOf(error);
      if (!refusal) throw error;
      await this.audit(actor, taskId, action, refusal, requestId, payload);
      throw refusal;
    }
  }

  /**
   * Role and unit rules checked here first, on the projected state, so a denied action costs no
   * workflow round trip; state rules are left to the workflow, whose state is authoritative.
   */
  private precheck(
    actor: ActorRef,
    task: TaskEntity,
    action: TaskAction,
    arg: TaskActionArgs[TaskAction],
  ): DomainError | null {
    if (!canSeeTask(actor, task) && actor.role !== 'supervisor') {
      return new ForbiddenError('无权办理该任务（非本单位任务）', "Not your unit's task", { code: 'FORBIDDEN_UNIT' });
    }
    const snapshot = task.snapshot as TaskSnapshot | null;
    if (!snapshot) return null;
    const refusal = checkAction(action, arg, snapshot);
    if (refusal && ['FORBIDDEN_ROLE', 'FORBIDDEN_UNIT', 'SELF_APPROVAL'].includes(refusal.code)) {
      return new ForbiddenError(refusal.zh, refusal.en, { code: refusal.code });
    }
    return null;
  }

  private refusalOf(error: unknown): DomainError | null {
    if (error instanceof WorkflowNotFoundError) {
      return new ConflictError(
        'TASK_NOT_RUNNING',
        '任务流程未运行（可能已销号或未启动）',
        'The task workflow is not running',
      );
    }
    const failure = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (failure instanceof ApplicationFailure && failure.type && failure.type in REJECTION_STATUS) {
      const status = REJECTION_STATUS[failure.type];
      const [zh, en] = splitMessage(failure.message);
      if (status === 403) return new ForbiddenError(zh, en, { code: failure.type });
      return new DomainError(failure.type, status, zh, en, failure.details?.[0]);
    }
    return null;
  }

  private async audit(
    actor: ActorRef,
    taskId: string,
    action: string,
    error: DomainError,
    requestId: string | null,
    payload: object | null,
  ) {
    try {
      await this.db.query(
        `INSERT INTO task_event (task_id, plan_id, actor_user_id, actor_role, actor_unit, action, outcome, request_id, after, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          taskId,
          taskId.split('/')[0],
          actor.userId,
          actor.role,
          actor.unitCode,
          action,
          error.status === 403 ? 'denied' : 'rejected',
          requestId,
          payload ? JSON.stringify(payload) : null,
          `${error.code}: ${error.messageZh}`,
        ],
      );
    } catch (auditError) {
      // The refusal itself must still reach the caller; a lost audit row is logged loudly.
      this.logger.error(`audit write failed for ${taskId} ${action}: ${(auditError as Error).message}`);
    }
  }
}

/** How long an action waits for the task workflow (no worker running → a clear 503, not a hung request). */
const ACTION_TIMEOUT_MS = Number(process.env.ACTION_TIMEOUT_MS ?? 20_000);

async function withinActionTimeout<T>(update: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DomainError(
            'WORKFLOW_UNAVAILABLE',
            503,
            '任务流程暂时无响应（可能没有运行中的 Worker），请稍后重试；重试时请使用同一 Idempotency-Key',
            'The task workflow did not answer in time (is a worker running?); retry later with the same Idempotency-Key',
          ),
        ),
      ACTION_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([update, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Workflow messages are "中文 / English"; split them for the problem body. */
function splitMessage(message: string): [string, string] {
  const i = message.indexOf(' / ');
  return i < 0 ? [message, message] : [message.slice(0, i), message.slice(i + 3)];
}
