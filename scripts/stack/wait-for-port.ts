import { createConnection } from 'node:net';

/** Resolves once a TCP connection to host:port succeeds; rejects after the timeout or when `abort` fires. */
export async function waitForPort(
  port: number,
  host = '127.0.0.1',
  timeoutMs = 60_000,
  abort?: Promise<unknown>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let aborted: unknown;
  abort?.then(
    () => (aborted ??= new Error('aborted')),
    (error: unknown) => (aborted ??= error),
  );
  for (;;) {
    if (aborted) throw aborted;
    if (await canConnect(port, host)) return;
    if (Date.now() > deadline) throw new Error(`nothing answered on ${host}:${port} within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function canConnect(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(1_000, () => socket.destroy());
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}
