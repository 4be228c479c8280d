import { Notification } from '../notification';

/** FOR UNIT TESTS ONLY: a realistic 督办 notification with two e-mail recipients. */
export function sampleNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    dedupKey: '2026-gzyd/3.2.1/plan/escalation/2',
    kind: 'escalation',
    level: 2,
    title: '“黑臭水体整治方案”已逾期3个工作日',
    body: '水气股承办的“黑臭水体整治方案”阶段已逾期3个工作日，请分管领导督促办理。\n请于本周五前报送进展。',
    recipients: [
      {
        userId: 'u-1',
        name: '张伟',
        email: 'zhangwei@hbj.example.gov.cn',
        unitCode: '水气股',
        role: 'deputy-director',
      },
      { name: '李娜', email: 'lina@hbj.example.gov.cn', unitCode: '水气股', role: 'unit-head' },
      { unitCode: '水气股', role: 'handler' },
    ],
    taskRef: { planId: '2026-gzyd', taskCode: '3.2.1', url: 'https://duban.example.gov.cn/tasks/2026-gzyd%2F3.2.1' },
    ...overrides,
  };
}
