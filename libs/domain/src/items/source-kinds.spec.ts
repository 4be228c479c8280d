import { sourceKindOfTitle } from './source-kinds';

describe('sourceKindOfTitle', () => {
  it.each([
    ['某区2027年省级生态环境保护督察反馈问题整改清单', 'inspection'],
    ['中央第三生态环境保护督察组交办信访件整改台账', 'inspection'],
    ['区委第二巡察组反馈意见整改方案', 'inspection'],
    ['2026年度审计发现问题整改落实情况', 'inspection'],
    ['夏季臭氧污染防治暗访发现问题清单', 'inspection'],
    ['新建区生态环境局2021年工作要点', 'workplan'],
    ['2027年全区生态环境保护工作要点（含督察整改任务）', 'workplan'],
    ['关于做好2027年大气污染防治工作的通知', 'workplan'],
    ['2027年整改落实工作会议纪要', 'workplan'],
  ])('%s → %s', (title, kind) => {
    expect(sourceKindOfTitle(title)).toBe(kind);
  });
});
