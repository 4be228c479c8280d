import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

describe('task_event has one writer', () => {
  it('no source but task-event-log.ts inserts into, updates or deletes from task_event', () => {
    const root = join(__dirname, '../../../..');
    const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && !f.includes('/migrations/') && !f.endsWith('.spec.ts'));
    const writes = /(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+task_event\b/i;
    const writers = sources.filter((f) => writes.test(readFileSync(join(root, f), 'utf8')));
    expect(writers).toEqual(['libs/persistence/src/events/task-event-log.ts']);
  });
});
