import { WorkflowHandle } from '@temporalio/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

/**
 * Writes the workflow's history to test/histories/<name>.json when RECORD_HISTORIES=1, for the
 * replay test. Record after a change ships (or adds a patch), never to make a failing replay pass:
 *   RECORD_HISTORIES=1 npx jest --selectProjects workflows --runInBand
 */
export async function maybeRecordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), JSON.stringify(history));
}
