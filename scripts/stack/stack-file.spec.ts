import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStackFile, runningStackEnv, stackFilePath, StackFile, writeStackFile } from './stack-file';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stack-file-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const stack = (pid: number): StackFile => ({
  pid,
  startedAt: '2026-12-01T08:00:00.000Z',
  apiUrl: 'http://127.0.0.1:3000',
  temporalAddress: '127.0.0.1:7233',
  temporalNamespace: 'default',
  temporalTaskQueue: 'duban-tasks',
  databaseUrl: 'postgres://duban:secret@127.0.0.1:5433/duban',
});

describe('the stack file npm start leaves for the command-line tools', () => {
  it('gives the running system as the environment a tool needs, from the default data folder', () => {
    writeStackFile(join(root, '.data'), stack(process.pid));
    expect(runningStackEnv({}, root)).toEqual({
      DATABASE_URL: 'postgres://duban:secret@127.0.0.1:5433/duban',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'duban-tasks',
      DUBAN_DATA_DIR: join(root, '.data'),
    });
    // It holds the database password: the owner alone may read it.
    expect(statSync(stackFilePath(join(root, '.data'))).mode & 0o077).toBe(0);
  });

  it('follows DUBAN_DATA_DIR', () => {
    writeStackFile(join(root, 'elsewhere'), stack(process.pid));
    expect(runningStackEnv({}, root)).toBeNull();
    expect(runningStackEnv({ DUBAN_DATA_DIR: 'elsewhere' }, root)?.DATABASE_URL).toContain('5433');
  });

  it('ignores a file whose process has gone, a missing file and a broken one', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeStackFile(join(root, '.data'), stack(gone));
    expect(runningStackEnv({}, root)).toBeNull();
    removeStackFile(join(root, '.data'));
    expect(runningStackEnv({}, root)).toBeNull();
    writeStackFile(join(root, '.data'), stack(process.pid));
    writeFileSync(stackFilePath(join(root, '.data')), '{ not json');
    expect(runningStackEnv({}, root)).toBeNull();
  });
});
