import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { TaskActivities } from '../../libs/domain/src/task/task-activities';
import { TaskProjectionWriter } from '../../libs/persistence/src/projection/task-projection.writer';
import { snapshotToProjection } from './snapshot-to-projection';

/** Writes workflow state into PostgreSQL; retried by Temporal until the database answers. */
export function createProjectionActivities(db: DataSource): Pick<TaskActivities, 'projectTaskState'> {
  const writer = new TaskProjectionWriter(db);
  return {
    async projectTaskState(snapshot) {
      const outcome = await writer.write(snapshotToProjection(snapshot));
      if (outcome === 'missing-task') {
        // The import commits the task row before starting the workflow, so this is not transient.
        Context.current().log.warn('projection for a task that is not in the read model', { taskId: snapshot.taskId });
      }
      return outcome;
    },
  };
}
