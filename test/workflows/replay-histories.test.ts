import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadHistory } from '../support/load-history';
import { HISTORIES_DIR } from '../support/record-history';

jest.setTimeout(120_000);

/**
 * Replays every recorded history against the current workflow code: a change that alters the
 * commands of running workflows without a `patched()` guard fails here (a nondeterminism error),
 * before it reaches a deployment. v<N>-* files were recorded by older code (v1: remote projection
 * and calendar activities, before the 'local-projection' patch) and are never
 * re-recorded; the others are refreshed with RECORD_HISTORIES=1 (see test/support/record-history).
 */
describe('replay of recorded task histories', () => {
  const files = readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('has recorded histories to replay, including one from older code', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.startsWith('v0-'))).toBe(true);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = loadHistory(join(HISTORIES_DIR, file));
    expect(history.events.length).toBeGreaterThan(0);
    await Worker.runReplayHistory(
      { workflowsPath: require.resolve('../../workflows'), replayName: file },
      history,
      file.replace('.json', ''),
    );
  });

  it('catches an unpatched change of commands (the guard is not vacuous)', async () => {
    const history = loadHistory(join(HISTORIES_DIR, files[0]));
    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('../support/drifted-workflow') }, history, 'drifted'),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
