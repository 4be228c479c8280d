import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { calendarChangedSignal } from '@duban/domain/task/task-messages';
import { CalendarChange } from '@duban/domain/task/task-types';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.provider';

/** Signals sent at once; a signal is a small write on the server, so the fan-out stays gentle. */
const CONCURRENCY = 16;

export interface ReplanResult {
  /** Open tasks with dates in the changed years, each signalled once. */
  tasks: number;
  signalled: number;
  /** Tasks whose workflow had already ended. */
  ended: number;
  failed: { taskId: string; error: string }[];
}

/**
 * After a calendar change, tells every open task whose dates it touches: each workflow then
 * resolves its due dates again and re-plans its pending reminders (see the calendarChanged signal).
 * Driven from the read model: unfinished stages due from December of the year before (their
 * escalation ladders reach into the year) to the end of the last changed year.
 */
@Injectable()
export class CalendarReplanner {
  private readonly logger = new Logger(CalendarReplanner.name);

  constructor(
    private readonly tasks: TaskRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async replan(change: CalendarChange): Promise<ReplanResult> {
    const first = Math.min(...change.years);
    const last = Math.max(...change.years);
    const ids = await this.tasks.dueInYears(first, last);
    const result: ReplanResult = { tasks: ids.length, signalled: 0, ended: 0, failed: [] };
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < ids.length; i = next++) {
        const taskId = ids[i];
        try {
          await this.client.workflow.getHandle(taskId).signal(calendarChangedSignal, change);
          result.signalled++;
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) result.ended++;
          else result.failed.push({ taskId, error: (error as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, lane));
    this.logger.log(
      `calendar ${change.years.join(',')} r${change.revision}: ${result.signalled}/${result.tasks} tasks re-planned` +
        (result.failed.length ? `, ${result.failed.length} failed` : ''),
    );
    return result;
  }
}
