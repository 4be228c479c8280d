import { auditDetailText } from './audit-detail';

describe('auditDetailText', () => {
  it.each([
    ['wrong password', '密码错误'],
    ['throttled', '失败次数过多，已暂时锁定'],
    ['5 failed sign-ins cleared', '清除了 5 次登录失败记录'],
    ['STAGE_NOT_OPEN: 当前阶段未开放', '当前阶段未开放'],
    ['新建区2021年工作要点：45 项，40 个末级任务', '新建区2021年工作要点：45 项，40 个末级任务'],
    [null, ''],
  ])('%s → %s', (detail, text) => {
    expect(auditDetailText(detail)).toBe(text);
  });
});
