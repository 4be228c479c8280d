import { ChildProcess } from 'node:child_process';

/**
 * Signals a child (its whole process group when it was spawned detached, so helpers it started go
 * too) and waits for it to exit, escalating to SIGKILL after the grace period.
 */
export async function stopChild(
  child: ChildProcess,
  { signal = 'SIGTERM' as NodeJS.Signals, graceMs = 10_000, group = true } = {},
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const send = (s: NodeJS.Signals) => {
    try {
      process.kill(group ? -pid : pid, s);
    } catch {
      child.kill(s);
    }
  };
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => send('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    send(signal);
  });
}
