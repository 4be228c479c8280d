import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stopChild } from './stop-child';

export interface AppProcessOptions {
  /** Label in messages, e.g. "worker". */
  name: string;
  /** Built entry point, e.g. dist/apps/worker/src/main.js. */
  script: string;
  env: NodeJS.ProcessEnv;
  /** A line of output that says the process is ready. */
  readyPattern: RegExp;
  startTimeoutMs?: number;
}

/** A worker or API started as its own OS process (benchmarks, fault tests): killable, restartable. */
export interface AppProcess {
  name: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resident set size in bytes, from /proc (Linux). */
  rssBytes(): number;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Sends a signal to the process alone and waits for it to exit (SIGKILL = a crash). */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Spawns `node <script>` with the given environment and waits for its ready line; a process that
 * exits first rejects with its last output.
 */
export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, [options.script], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  let ready: () => void = () => undefined;
  const readyNow = new Promise<void>((resolve) => (ready = resolve));
  const collect = (d: Buffer) => {
    chunks.push(d.toString());
    if (options.readyPattern.test(chunks.join(''))) ready();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const output = () => chunks.join('');
  const timeoutMs = options.startTimeoutMs ?? 90_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    readyNow.then(() => 'ready' as const),
    exited.then((code) => `exited with ${code}`),
    new Promise<string>(
      (resolve) => (timer = setTimeout(() => resolve(`not ready after ${timeoutMs / 1000}s`), timeoutMs)),
    ),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await stopChild(child, { group: false, graceMs: 2_000 });
    throw new Error(`${options.name} ${outcome}:\n${output().slice(-3000)}`);
  }
  return {
    name: options.name,
    pid: child.pid!,
    output,
    exited,
    rssBytes: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kb * 1024;
    },
    kill: (signal: NodeJS.Signals = 'SIGTERM') =>
      stopChild(child, { signal, group: false, graceMs: signal === 'SIGKILL' ? 1_000 : 20_000 }),
  };
}
