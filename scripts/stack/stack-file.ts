import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirOf } from './stack-config';

/** Where a running `npm start` says its services are, so the command-line tools find them. */
export interface StackFile {
  pid: number;
  startedAt: string;
  apiUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  temporalTaskQueue: string;
  databaseUrl: string;
}

export function stackFilePath(dataDir: string): string {
  return join(dataDir, 'stack.json');
}

/** Written once everything is up; readable by the owner only (it holds the database password). */
export function writeStackFile(dataDir: string, stack: StackFile): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(stackFilePath(dataDir), `${JSON.stringify(stack, null, 2)}\n`, { mode: 0o600 });
}

export function removeStackFile(dataDir: string): void {
  rmSync(stackFilePath(dataDir), { force: true });
}

/**
 * The settings of the system `npm start` runs from `root` (DUBAN_DATA_DIR or .data), as the
 * environment a tool needs; null when none runs (no file, or its process has gone).
 */
export function runningStackEnv(env: NodeJS.ProcessEnv, root: string): Record<string, string> | null {
  const dataDir = dataDirOf(env, root);
  let stack: StackFile;
  try {
    stack = JSON.parse(readFileSync(stackFilePath(dataDir), 'utf8')) as StackFile;
  } catch {
    return null;
  }
  if (!isAlive(stack.pid)) return null;
  return {
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.temporalNamespace,
    TEMPORAL_TASK_QUEUE: stack.temporalTaskQueue,
    DUBAN_DATA_DIR: dataDir,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
