import { sampleNotification } from '../testing/sample-notification';
import { chineseNumber } from './labels';
import { renderNotification, tagOf } from './render-notification';
import { truncateUtf8 } from './utf8-truncate';

describe('renderNotification', () => {
  it('renders an escalation with its level, recipients, task and link', () => {
    const r = renderNotification(sampleNotification());
    expect(r.subject).toBe('【督办·二级】“黑臭水体整治方案”已逾期3个工作日');
    expect(r.text).toBe(
      [
        '【督办·二级】“黑臭水体整治方案”已逾期3个工作日',
        '',
        '水气股承办的“黑臭水体整治方案”阶段已逾期3个工作日，请分管领导督促办理。',
        '请于本周五前报送进展。',
        '',
        '接收：水气股 张伟（分管领导）、水气股 李娜（负责人）、水气股 承办人',
        '任务：2026-gzyd / 3.2.1',
        '查看：https://duban.example.gov.cn/tasks/2026-gzyd%2F3.2.1',
        '',
        '——',
        '本消息由督办系统自动发送，请勿直接回复。',
      ].join('\n'),
    );
    expect(r.markdown).toBe(
      [
        '### 【督办·二级】“黑臭水体整治方案”已逾期3个工作日',
        '水气股承办的“黑臭水体整治方案”阶段已逾期3个工作日，请分管领导督促办理。',
        '请于本周五前报送进展。',
        '> 接收：水气股 张伟（分管领导）、水气股 李娜（负责人）、水气股 承办人',
        '> 任务：2026-gzyd / 3.2.1',
        '[查看任务](https://duban.example.gov.cn/tasks/2026-gzyd%2F3.2.1)',
      ].join('\n\n'),
    );
  });

  it('tags each kind', () => {
    expect(tagOf(sampleNotification({ kind: 'reminder', level: undefined }))).toBe('【催办】');
    expect(tagOf(sampleNotification({ kind: 'escalation', level: 1 }))).toBe('【督办·一级】');
    expect(tagOf(sampleNotification({ kind: 'escalation', level: undefined }))).toBe('【督办】');
    expect(tagOf(sampleNotification({ kind: 'action' }))).toBe('【待办】');
    expect(tagOf(sampleNotification({ kind: 'bulletin' }))).toBe('【督办通报】');
  });

  it('leaves out what is missing and never links a non-http URL', () => {
    const r = renderNotification(
      sampleNotification({
        kind: 'reminder',
        recipients: [],
        taskRef: { planId: 'p', taskCode: '1', url: 'javascript:alert(1)' },
      }),
    );
    expect(r.text).not.toContain('接收');
    expect(r.text).not.toContain('查看');
    expect(r.markdown).not.toContain('javascript');
    expect(r.subject.startsWith('【催办】')).toBe(true);
  });

  it('writes numbers the Chinese way', () => {
    expect([1, 2, 3, 10, 12, 20, 35].map(chineseNumber)).toEqual(['一', '二', '三', '十', '十二', '二十', '三十五']);
  });
});

describe('truncateUtf8', () => {
  it('keeps short text and cuts long text on a character boundary with an ellipsis', () => {
    expect(truncateUtf8('催办', 100)).toBe('催办');
    const cut = truncateUtf8('督'.repeat(100), 20);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(20);
    expect(cut).toBe('督'.repeat(4) + '……');
  });
});
