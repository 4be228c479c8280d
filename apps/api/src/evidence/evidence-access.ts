import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { ConflictError, DomainError, ForbiddenError } from '@duban/domain/errors/domain-error';
import { checkEvidenceUpload } from '@duban/domain/task/task-rules';
import { TaskSnapshot } from '@duban/domain/task/task-types';
import { EvidenceEntity, TaskEntity } from '@duban/persistence/entities';
import { AuthenticatedRequest } from '../auth/authenticated-request';
import { actorOf } from '../common/actor-of';
import { TaskQueryService } from '../tasks/task-query.service';
import { EvidenceService } from './evidence.service';

/** The HTTP error of an evidence-upload refusal. */
function uploadRefusal(code: string, zh: string, en: string): DomainError {
  if (code === 'FORBIDDEN_ROLE' || code === 'FORBIDDEN_UNIT') return new ForbiddenError(zh, en, { code });
  return new ConflictError(code, zh, en);
}

/**
 * Who may upload evidence to which stage of a task (checkEvidenceUpload, on the projected state):
 * the task must be visible (else 404), the stage current, and the uploader the one who acts on it.
 */
@Injectable()
export class EvidenceAccess {
  constructor(
    private readonly tasks: TaskQueryService,
    private readonly evidence: EvidenceService,
  ) {}

  /** A stored file of a task the actor may see (404 for a task hidden from them or another task's file). */
  async file(actor: ActorRef, taskId: string, evidenceId: string): Promise<EvidenceEntity> {
    const task = await this.tasks.visibleTask(actor, taskId);
    return this.evidence.ofTask(task.id, evidenceId);
  }

  async check(
    actor: ActorRef,
    taskId: string,
    stageKey?: string | null,
  ): Promise<{ task: TaskEntity; stageKey: string }> {
    const task = await this.tasks.visibleTask(actor, taskId);
    const snapshot = task.snapshot as TaskSnapshot | null;
    const key = stageKey || task.currentStageKey || '';
    if (!snapshot) {
      throw new ConflictError(
        'TASK_NOT_RUNNING',
        '任务流程尚未启动，请稍后再上传',
        'The task workflow has not started yet',
      );
    }
    const refusal = checkEvidenceUpload(actor, snapshot, key);
    if (refusal) throw uploadRefusal(refusal.code, refusal.zh, refusal.en);
    return { task, stageKey: key };
  }
}

/**
 * Runs the access check before multer reads a single byte of the body: an upload nobody may make
 * is refused without storing anything. `stageKey` may come in the query for this early check; the
 * handler checks the final one again.
 */
@Injectable()
export class EvidenceUploadGuard implements CanActivate {
  constructor(private readonly access: EvidenceAccess) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const stageKey = typeof req.query.stageKey === 'string' ? req.query.stageKey : undefined;
    await this.access.check(actorOf(req.user), `${req.params.planId}/${req.params.code}`, stageKey);
    return true;
  }
}
