import { Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { problemListedSignal, TaskLifecycleWorkflow, taskUpdates } from '@duban/domain/task/task-messages';
import { ListedProblem, TASK_WORKFLOW_TYPE } from '@duban/domain/task/task-types';
import { TaskLaunch, TaskWorkflowStarter } from './task-launch';

/** How many workflow starts are in flight at once during an import. */
const START_CONCURRENCY = 32;

/**
 * Starts task workflows with their deterministic ids. A running workflow with the id is reused,
 * a closed one is never started again, so a re-import or a retried import cannot create twins.
 */
export class TemporalTaskWorkflowStarter implements TaskWorkflowStarter {
  private readonly logger = new Logger(TemporalTaskWorkflowStarter.name);

  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  async ensureStarted(launches: TaskLaunch[]) {
    const counts = { started: 0, existing: 0, failed: 0 };
    let next = 0;
    const worker = async () => {
      while (next < launches.length) {
        const launch = launches[next++];
        try {
          // Default conflict policy (fail) plus REJECT_DUPLICATE: any existing execution, running
          // or closed, answers "already started", which is exactly the no-twin guarantee.
          await this.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
            workflowId: launch.taskId,
            taskQueue: this.taskQueue,
            args: [launch.input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
          counts.started++;
        } catch (error) {
          if (error instanceof WorkflowExecutionAlreadyStartedError) {
            counts.existing++;
          } else {
            counts.failed++;
            this.logger.error(`could not start ${launch.taskId}: ${(error as Error).message}`);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(START_CONCURRENCY, launches.length) }, worker));
    if (counts.failed > 0) {
      throw new Error(
        `${counts.failed} of ${launches.length} task workflows could not be started; the plan is saved, import it again to retry`,
      );
    }
    return counts;
  }

  async cancelRemoved(taskIds: string[], reason: string): Promise<number> {
    let cancelled = 0;
    for (const id of taskIds) {
      try {
        await this.client.workflow.getHandle(id).executeUpdate(taskUpdates.cancel, {
          args: [{ requestId: `plan-revision:${id}:${reason}`, actor: SYSTEM_ACTOR, reason }],
        });
        cancelled++;
      } catch (error) {
        // Already closed or cancelled: nothing left to stop.
        this.logger.warn(`could not cancel removed task ${id}: ${(error as Error).message}`);
      }
    }
    return cancelled;
  }

  async listProblems(listTaskId: string, problems: ListedProblem[]): Promise<void> {
    const list = this.client.workflow.getHandle(listTaskId);
    for (const problem of problems) {
      try {
        await list.signal(problemListedSignal, problem);
      } catch (error) {
        // The list was already closed: the new row runs on its own, as a task of the plan.
        this.logger.warn(`could not list ${problem.problemId} on ${listTaskId}: ${(error as Error).message}`);
      }
    }
  }
}

/** The importer acting on a supervisor's behalf when a confirmed revision removes tasks. */
const SYSTEM_ACTOR = { userId: 'system:plan-import', role: 'supervisor' as const, unitCode: null };
