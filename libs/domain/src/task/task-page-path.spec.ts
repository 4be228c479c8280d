import { taskPagePath } from './task-page-path';

describe('taskPagePath', () => {
  it('links a leaf task to its page under /ui/tasks/<plan>/<code>', () => {
    expect(taskPagePath('xinjian-2021/3.2')).toBe('/ui/tasks/xinjian-2021/3.2');
  });

  it('keeps a problem code (with slashes) in one encoded segment', () => {
    expect(taskPagePath('xinjian-2021/3.2/problem/P1')).toBe('/ui/tasks/xinjian-2021/3.2%2Fproblem%2FP1');
  });

  it('encodes Chinese plan ids so the link survives e-mail clients', () => {
    expect(taskPagePath('新建/1')).toBe(`/ui/tasks/${encodeURIComponent('新建')}/1`);
  });
});
