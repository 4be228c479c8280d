import { ChildProcess, spawn } from 'node:child_process';
import { stopChild } from './stop-child';

export interface UnexpectedExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Last lines the process wrote to stderr: usually why it stopped. */
  lastLines: string[];
}

/**
 * Runs our Node apps (worker, API) as children with prefixed output. A child that exits while we
 * are not stopping is reported once through `onUnexpectedExit`, so the launcher can stop the rest.
 */
export class ProcessSupervisor {
  private readonly children: { name: string; child: ChildProcess }[] = [];
  private stopping = false;

  constructor(private readonly onUnexpectedExit: (exit: UnexpectedExit) => void) {}

  /** How many children were started (running or not). */
  get size(): number {
    return this.children.length;
  }

  startNode(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
    // Own process group: Ctrl-C in the terminal reaches only the launcher, which stops us in order.
    const child = spawn(process.execPath, [script], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const lastLines: string[] = [];
    const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream, keep: boolean) => {
      let partial = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          // A JSON log line names its process itself and must stay parseable: no prefix.
          out.write(line.startsWith('{') ? `${line}\n` : `[${name}] ${line}\n`);
          if (keep) lastLines.push(line);
        }
        if (lastLines.length > 20) lastLines.splice(0, lastLines.length - 20);
      });
    };
    relay(child.stdout, process.stdout, false);
    relay(child.stderr, process.stderr, true);
    const report = (code: number | null, signal: NodeJS.Signals | null) => {
      if (!this.stopping) this.onUnexpectedExit({ name, code, signal, lastLines });
    };
    child.once('exit', report);
    child.once('error', (error) => {
      lastLines.push(error.message);
      report(null, null);
    });
    this.children.push({ name, child });
    return child;
  }

  /** Stops every child (SIGTERM, then SIGKILL after the grace period); exits after this are expected. */
  async stopAll(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    await Promise.all(this.children.map(({ child }) => stopChild(child, { graceMs })));
  }
}
