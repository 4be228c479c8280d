import { ApplicationFailure, Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { TaskActivities } from '@duban/domain/task/task-activities';
import { sanitizeDeep, sanitizeText } from '@duban/domain/text/safe-text';
import { classifyDatabaseError, sqlStateOf } from '@duban/persistence/database-errors';
import { TaskProjectionWriter } from '@duban/persistence/projection/task-projection.writer';
import { snapshotToProjection } from './snapshot-to-projection';

/** ApplicationFailure type of a projection the database refuses for good. */
export const PROJECTION_REFUSED = 'PROJECTION_REFUSED';

/**
 * Writes workflow state into PostgreSQL. A database that is down or busy fails the activity
 * retryably (Temporal retries until it answers); data the database refuses for good fails it
 * non-retryably, after marking the task row (投影失败, counted on /health), so the workflow goes
 * on answering updates and firing timers instead of retrying one write for ever. Text no store
 * can hold is replaced by U+FFFD first: the API refuses it, this is the last line of defence.
 */
export function createProjectionActivities(db: DataSource): Pick<TaskActivities, 'projectTaskState'> {
  const writer = new TaskProjectionWriter(db);
  return {
    async projectTaskState(snapshot) {
      const log = Context.current().log;
      try {
        const outcome = await writer.write(sanitizeDeep(snapshotToProjection(snapshot)));
        if (outcome === 'missing-task') {
          // The import commits the task row before starting the workflow, so this is not transient.
          log.warn('projection for a task that is not in the read model', { taskId: snapshot.taskId });
        }
        return outcome;
      } catch (error) {
        if (!isPermanent(error)) throw error;
        const reason = sanitizeText(`${sqlStateOf(error) ?? (error as Error).name}: ${(error as Error).message}`);
        log.error('projection refused for good; the task is marked 投影失败', {
          taskId: snapshot.taskId,
          version: snapshot.version,
          error: reason,
        });
        await writer
          .recordFailure(snapshot.taskId, snapshot.version, reason.slice(0, 1000))
          .catch((markError) =>
            log.error('could not mark the projection failure', { taskId: snapshot.taskId, error: String(markError) }),
          );
        throw ApplicationFailure.nonRetryable(`投影写入失败 / projection refused: ${reason}`, PROJECTION_REFUSED);
      }
    },
  };
}

/** A data error of the database, or a programming error: the same input fails the same way again. */
function isPermanent(error: unknown): boolean {
  if (classifyDatabaseError(error) === 'permanent') return true;
  return error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError;
}
