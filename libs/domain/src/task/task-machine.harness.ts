// A TaskMachine on a clock the spec moves, its requests going through the same steps as the
// workflow's update handler (refusal, accept, apply, settle). Test support only.
import { ImmediateAction, TaskMachine } from './task-machine';
import { TaskActionArgs, TaskWorkflowInput } from './task-types';

export function machineHarness(input: TaskWorkflowInput, startAt: number) {
  let now = startAt;
  const machine = TaskMachine.start(input, () => now);
  let n = 0;
  return {
    machine,
    s: machine.s,
    at: (iso: string) => (now = Date.parse(iso)),
    /** Why the action would be refused now (Chinese), or null. */
    refusal<A extends ImmediateAction>(action: A, args: Omit<TaskActionArgs[A], 'requestId'>) {
      return machine.refusal(action, { requestId: `r${n + 1}`, ...args } as TaskActionArgs[A])?.zh ?? null;
    },
    /** Validates and applies an immediate action as the update handler does; returns its notices. */
    act<A extends ImmediateAction>(action: A, args: Omit<TaskActionArgs[A], 'requestId'>) {
      const full = { requestId: `r${++n}`, ...args } as TaskActionArgs[A];
      const refusal = machine.refusal(action, full);
      if (refusal) throw new Error(`${refusal.code}: ${refusal.zh}`);
      machine.accept(full.requestId);
      const notices = machine.apply(action, full);
      machine.settle();
      return notices;
    },
  };
}
