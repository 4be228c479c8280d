import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ActorRef } from '@duban/domain/access/actor';
import { canSeeTask } from '@duban/domain/access/task-visibility';
import { BadInputError, ConflictError, DomainError, NotFoundError } from '@duban/domain/errors/domain-error';
import { taskUpdate } from '@duban/domain/task/task-messages';
import { checkAction, currentStage } from '@duban/domain/task/task-rules';
import { TaskAction, TaskActionArgs, TaskSnapshot } from '@duban/domain/task/task-types';
import { TaskEntity } from '@duban/persistence/entities';
import { EvidenceRepository } from '@duban/persistence/repositories/evidence-repository';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.provider';
import { RefusalAudit } from './refusal-audit';
import { REJECTION_STATUS, rejectionError } from './rejection-error';
import { apiConfig } from '../config/api-config';

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
    private readonly tasks: TaskRepository,
    private readonly evidence: EvidenceRepository,
    private readonly units: UnitRepository,
    private readonly refusals: RefusalAudit,
  ) {}

  /**
   * Every check that can run before the workflow is asked — visibility, role, unit, input, the
   * references into the read model — with each refusal audited. `pendingEvidence` counts files a
   * form will attach once the action is allowed (they are stored only then).
   */
  async check(
    actor: ActorRef,
    taskId: string,
    action: TaskAction,
    payload: object,
    requestId: string,
    options: { pendingEvidence?: number } = {},
  ): Promise<TaskActionArgs[TaskAction]> {
    const task = await this.tasks.find(taskId);
    if (!task || !task.isLeaf) throw new NotFoundError('任务', taskId);
    if (!canSeeTask(actor, task)) {
      // "Not yours" answers like "does not exist": another unit's task is not revealed.
      const hidden = new NotFoundError('任务', taskId);
      await this.audit(actor, taskId, action, hidden, requestId, payload);
      throw hidden;
    }
    const arg = { ...payload, requestId: `${actor.userId}:${requestId}`, actor } as TaskActionArgs[TaskAction];
    const pending = options.pendingEvidence ?? 0;
    const ruleArg =
      pending > 0 ? { ...arg, evidenceIds: Array.from({ length: pending }, (_, i) => `pending-upload-${i}`) } : arg;
    const denial =
      this.precheck(actor, task, action, ruleArg) ??
      (pending > 0 ? null : await this.referencesProblem(task, action, arg));
    if (denial) {
      await this.audit(actor, taskId, action, denial, requestId, payload);
      throw denial;
    }
    return arg;
  }

  async perform(actor: ActorRef, taskId: string, action: TaskAction, payload: object, requestId: string) {
    const arg = await this.check(actor, taskId, action, payload, requestId);
    try {
      const snapshot = await withinActionTimeout(
        this.client.workflow.getHandle(taskId).executeUpdate(taskUpdate(action), { args: [arg] }),
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
   * Role, unit and input rules checked here first, on the projected state, so a denied action
   * costs no workflow round trip; state rules are left to the workflow, whose state is
   * authoritative (the projection may be a step behind).
   */
  private precheck(
    actor: ActorRef,
    task: TaskEntity,
    action: TaskAction,
    arg: TaskActionArgs[TaskAction],
  ): DomainError | null {
    const snapshot = task.snapshot as TaskSnapshot | null;
    if (!snapshot) return null;
    const refusal = checkAction(action, arg, snapshot);
    // State refusals (409) wait for the workflow: its state is the one that counts.
    return refusal && REJECTION_STATUS[refusal.code] !== 409 ? rejectionError(refusal) : null;
  }

  /**
   * What the workflow cannot check, because it lives in the read model: evidence named by a
   * submission must exist and belong to this task's stage; a new lead unit must be an active unit.
   */
  private async referencesProblem(
    task: TaskEntity,
    action: TaskAction,
    arg: TaskActionArgs[TaskAction],
  ): Promise<DomainError | null> {
    if (action === 'submit') {
      const ids = [...new Set((arg as TaskActionArgs['submit']).evidenceIds ?? [])];
      if (ids.length === 0) return null;
      const snapshot = task.snapshot as TaskSnapshot | null;
      const stageKey = (arg as TaskActionArgs['submit']).stageKey ?? (snapshot ? currentStage(snapshot)?.key : null);
      const found = await this.evidence.stagesOf(task.id, ids);
      const usable = new Set(found.filter((e) => !stageKey || e.stageKey === stageKey).map((e) => e.id));
      const missing = ids.filter((id) => !usable.has(id));
      if (missing.length > 0) {
        return new BadInputError(
          'EVIDENCE_NOT_FOUND',
          `佐证材料不存在或不属于本任务的当前阶段：${missing.join('、')}；请先上传（POST …/evidence，stageKey 为当前阶段）`,
          `Evidence not found for this task's stage: ${missing.join(', ')}; upload it first`,
          { field: 'evidenceIds', evidenceIds: missing },
        );
      }
    }
    if (action === 'reassign') {
      const code = (arg as TaskActionArgs['reassign']).newLeadUnit;
      const unit = code ? await this.units.findActive(code) : null;
      if (!unit) {
        return new BadInputError(
          'UNKNOWN_UNIT',
          `新的牵头单位“${code}”不存在或已停用；请从单位列表中选择`,
          `New lead unit "${code}" does not exist or is inactive`,
          { field: 'newLeadUnit', newLeadUnit: code },
        );
      }
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
      const [zh, en] = splitMessage(failure.message);
      return rejectionError({ code: failure.type, zh, en }, failure.details?.[0]);
    }
    return null;
  }

  private audit(
    actor: ActorRef,
    taskId: string,
    action: string,
    error: DomainError,
    requestId: string | null,
    payload: object | null,
  ): Promise<void> {
    return this.refusals.record({ actor, taskId, action, error, requestId, payload });
  }
}

/** How long an action waits for the task workflow (no worker running → a clear 503, not a hung request). */

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
      apiConfig().actionTimeoutMs,
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
