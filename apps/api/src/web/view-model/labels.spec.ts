import { lightBadge, stageKeyLabel } from './labels';

describe('labels', () => {
  it('names stages from their keys, keeping unknown keys', () => {
    expect(stageKeyLabel('plan')).toBe('工作方案');
    expect(stageKeyLabel('progress-q2')).toBe('季度进展（第2季度）');
    expect(stageKeyLabel('report-06')).toBe('6月工作报告');
    expect(stageKeyLabel('custom')).toBe('custom');
  });

  it('renders a light badge, unknown lights as none', () => {
    expect(lightBadge('red').value).toContain('data-light="red"');
    expect(lightBadge('red').value).toContain('红灯');
    expect(lightBadge('purple').value).toContain('data-light="none"');
    expect(lightBadge(null).value).toContain('无');
  });
});
