import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

jest.setTimeout(120_000);

const HISTORIES = join(__dirname, '..', 'histories');

/**
 * Replays every recorded history against the current workflow code: a change that alters the
 * commands of running workflows without a `patched()` guard fails here, before it reaches a
 * deployment. Record new histories with RECORD_HISTORIES=1 npm run test:workflows.
 */
describe('replay of recorded task histories', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await Worker.runReplayHistory(
      { workflowsPath: require.resolve('../../workflows') },
      history,
      file.replace('.json', ''),
    );
  });
});
