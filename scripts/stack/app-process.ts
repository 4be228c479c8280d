import { ChildProcess, spawn } from 'node:child_process';
import { stopChild } from './temporal-dev-server';

/** A Node child process of ours (API or worker) whose output is prefixed with its name. */
export function spawnApp(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) =>
    stream?.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (line.trim()) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return child;
}

export { stopChild };
