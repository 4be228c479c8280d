import { condition, defineSignal, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

/**
 * The floor of every system benchmark: workflows that do nothing of ours, run on the same Temporal
 * server in the same run, so our figures can be read as a ratio to what Temporal itself costs here.
 */

export interface FloorActivities {
  /** Records, in the benchmark process, that the workflow got this far (and when). */
  reached(id: string): Promise<void>;
}

const { reached } = proxyActivities<FloorActivities>({ startToCloseTimeout: '1 minute' });

export const finishSignal = defineSignal('finish');
export const touchUpdate = defineUpdate<number, [number]>('touch');

/** Starts, runs one no-op activity (the analogue of our first projection), ends. */
export async function startOnceWorkflow(id: string): Promise<void> {
  await reached(id);
}

/** Stays open until signalled and answers an update at once: the analogue of a task awaiting sign-off. */
export async function openWorkflow(): Promise<void> {
  let finished = false;
  setHandler(finishSignal, () => void (finished = true));
  setHandler(touchUpdate, (n: number) => n + 1);
  await condition(() => finished);
}

/** Sleeps until an instant, then runs one no-op activity: the analogue of a reminder. */
export async function timerWorkflow(id: string, atMs: number): Promise<void> {
  await sleep(Math.max(1, atMs - Date.now()));
  await reached(id);
}
