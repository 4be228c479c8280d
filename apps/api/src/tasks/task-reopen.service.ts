import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ActorRef } from '@duban/domain/access/actor';
import { canSeeTask } from '@duban/domain/access/task-visibility';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { ConflictError, DomainError, NotFoundError } from '@duban/domain/errors/domain-error';
import { getStateQuery, problemReopenedSignal, TaskLifecycleWorkflow } from '@duban/domain/task/task-messages';
import { checkReopen, ReopenRequest, reopenedRun } from '@duban/domain/task/task-reopening';
import { TASK_WORKFLOW_TYPE, TaskSnapshot } from '@duban/domain/task/task-types';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { TemporalConfig } from '@duban/temporal/temporal-config';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG } from '../temporal/temporal-client.provider';
import { RefusalAudit } from './refusal-audit';
import { rejectionError } from './rejection-error';

/**
 * Reopens a closed rectification (反弹回潮): the same workflow id runs again from the state it
 * ended in, with its number, stages and history, the work due again by the new date. A problem
 * of a ledger is reported open to its task, and a task already closed is reopened with it.
 */
@Injectable()
export class TaskReopenService {
  private readonly logger = new Logger(TaskReopenService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_CONFIG) private readonly temporal: TemporalConfig,
    private readonly tasks: TaskRepository,
    private readonly calendars: CalendarStore,
    private readonly refusals: RefusalAudit,
  ) {}

  async reopen(
    actor: ActorRef,
    taskId: string,
    request: ReopenRequest,
  ): Promise<{ taskId: string; snapshot: TaskSnapshot }> {
    const task = await this.tasks.find(taskId);
    if (!task || !task.isLeaf) throw new NotFoundError('任务', taskId);
    // Refused like any action on a task: audited, another unit's task answered as missing.
    const refused = async (error: DomainError) => {
      await this.refusals.record({ actor, taskId, action: 'reopen', error, requestId: null, payload: request });
      return error;
    };
    if (!canSeeTask(actor, task)) throw await refused(new NotFoundError('任务', taskId));
    const snapshot = task.snapshot as TaskSnapshot | null;
    if (!snapshot) throw new ConflictError('TASK_NOT_PROJECTED', '任务尚无状态，稍后再试', 'The task has no state yet');
    const refusal = checkReopen(actor, snapshot, request, shanghaiDate(new Date()));
    if (refusal) throw await refused(rejectionError(refusal));
    const state = await this.run(taskId, snapshot, request, actor);
    if (snapshot.parent) await this.tellParent(snapshot.parent, request, actor);
    return { taskId, snapshot: state };
  }

  /** Starts the reopened run; a run still lingering after 销号 (its grace hour) is ended first. */
  private async run(taskId: string, s: TaskSnapshot, request: ReopenRequest, actor: ActorRef): Promise<TaskSnapshot> {
    const calendar = await this.calendars.calendar();
    // checkReopen held the date within the calendar's years: it has an instant.
    const dueAt = calendar.dueInstant(request.dueDate).toISOString();
    const lastSeq = await this.tasks.lastEventSeq(taskId);
    const { input, carried } = reopenedRun(s, { ...request, dueAt, actor, at: new Date().toISOString(), lastSeq });
    await this.endLingeringRun(taskId);
    try {
      await this.client.workflow.start<(...args: unknown[]) => Promise<TaskSnapshot>>(TASK_WORKFLOW_TYPE, {
        workflowId: taskId,
        taskQueue: this.temporal.taskQueue,
        args: [input, carried],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) throw alreadyReopened(taskId);
      throw error;
    }
    return carried.state;
  }

  /**
   * A closed task's run waits an hour before it ends (to answer retried requests). Reopening
   * within that hour ends that run — its state is closed and projected — so the new one can start;
   * a run that is open again (reopened meanwhile) is left alone and answered as a conflict.
   */
  private async endLingeringRun(taskId: string): Promise<void> {
    const handle = this.client.workflow.getHandle<TaskLifecycleWorkflow>(taskId);
    const described = await handle.describe().catch(() => null);
    if (!described || described.status.name !== 'RUNNING') return;
    const state = await handle.query(getStateQuery);
    if (state.status !== 'closed') throw alreadyReopened(taskId);
    await this.client.workflow.getHandle(taskId, described.runId).terminate('reopened (反弹回潮)');
  }

  /** The problem's task hears it is open again; a task closed already is reopened with it. */
  private async tellParent(parent: NonNullable<TaskSnapshot['parent']>, request: ReopenRequest, actor: ActorRef) {
    const row = await this.tasks.find(parent.workflowId);
    const state = row?.snapshot as TaskSnapshot | null | undefined;
    if (state?.status === 'closed') {
      const reason = `整改问题 ${parent.problemId} 反弹回潮：${request.reason}`;
      await this.run(parent.workflowId, state, { ...request, reason }, actor);
    }
    try {
      await this.client.workflow
        .getHandle(parent.workflowId)
        .signal(problemReopenedSignal, { problemId: parent.problemId, reason: request.reason });
    } catch (error) {
      // The problem is open again either way; the task's ledger then shows it closed until it ends.
      this.logger.error(`could not tell ${parent.workflowId} that ${parent.problemId} was reopened: ${String(error)}`);
    }
  }
}

function alreadyReopened(taskId: string): ConflictError {
  return new ConflictError(
    'TASK_ALREADY_OPEN',
    `任务 ${taskId} 已在办理中（已重新打开）`,
    `Task ${taskId} is open again already`,
  );
}
