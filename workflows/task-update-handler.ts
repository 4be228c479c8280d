import { setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { TaskMachine } from '../libs/domain/src/task/task-machine';
import { taskUpdates } from '../libs/domain/src/task/task-messages';
import { TaskAction, TaskActionArgs, TaskSnapshot } from '../libs/domain/src/task/task-types';
import { refused, updateFailure } from './update-failure';

/**
 * Registers one action of the task as a Temporal update: the validator refuses what the rules
 * refuse (nothing recorded), a retried request id is answered with the state without applying it
 * twice, a failure of `apply` leaves the request retryable, and a done request gets a new version
 * and `settled` (projection) before its answer.
 */
export function setTaskUpdateHandler<A extends TaskAction>(
  machine: TaskMachine,
  action: A,
  apply: (args: TaskActionArgs[A]) => void | Promise<void>,
  settled: () => Promise<unknown>,
): void {
  const definition = taskUpdates[action] as unknown as UpdateDefinition<TaskSnapshot, [TaskActionArgs[A]], string>;
  setHandler(
    definition,
    async (args: TaskActionArgs[A]) => {
      if (machine.isAnswered(args.requestId)) return { ...machine.s };
      machine.accept(args.requestId);
      try {
        await apply(args);
      } catch (error) {
        machine.release(args.requestId); // refused, not done: the same request may be retried
        throw updateFailure(error);
      }
      machine.settle();
      await settled();
      return { ...machine.s };
    },
    {
      validator: (args: TaskActionArgs[A]) => {
        const refusal = machine.refusal(action, args);
        if (refusal) throw refused(`${refusal.zh} / ${refusal.en}`, refusal.code);
      },
    },
  );
}
