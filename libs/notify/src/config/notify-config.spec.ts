import { DEFAULT_LEASE_MS, DEFAULT_TIMEOUT_MS, loadNotifyConfig } from './notify-config';
import { NotifyConfigError } from './notify-config-error';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadNotifyConfig(env);
  } catch (err) {
    if (err instanceof NotifyConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadNotifyConfig', () => {
  it('enables no external channel when nothing is set', () => {
    expect(loadNotifyConfig({})).toEqual({ timeoutMs: DEFAULT_TIMEOUT_MS, leaseMs: DEFAULT_LEASE_MS });
    expect(loadNotifyConfig({ SMTP_HOST: '', WECOM_WEBHOOK_URL: ' ' })).toEqual({
      timeoutMs: DEFAULT_TIMEOUT_MS,
      leaseMs: DEFAULT_LEASE_MS,
    });
  });

  it('reads a full configuration', () => {
    const config = loadNotifyConfig({
      SMTP_HOST: 'smtp.hbj.example.gov.cn',
      SMTP_PORT: '465',
      SMTP_USER: 'duban',
      SMTP_PASS: 'p',
      SMTP_FROM: '"督办系统" <duban@hbj.example.gov.cn>',
      WECOM_WEBHOOK_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
      DINGTALK_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      DINGTALK_SECRET: 'SECabc',
      NOTIFY_TIMEOUT_MS: '5000',
      NOTIFY_LEASE_MS: '30000',
    });
    expect(config).toEqual({
      smtp: {
        host: 'smtp.hbj.example.gov.cn',
        port: 465,
        secure: true,
        auth: { user: 'duban', pass: 'p' },
        from: { name: '督办系统', address: 'duban@hbj.example.gov.cn' },
        messageIdDomain: 'hbj.example.gov.cn',
      },
      wecom: { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc' },
      dingtalk: { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECabc' },
      timeoutMs: 5000,
      leaseMs: 30000,
    });
  });

  it('defaults to STARTTLS on 587, or implicit TLS on 465 when SMTP_SECURE is true', () => {
    const base = { SMTP_HOST: 'mail', SMTP_FROM: 'duban@hbj.example.gov.cn' };
    expect(loadNotifyConfig(base).smtp).toMatchObject({ port: 587, secure: false });
    expect(loadNotifyConfig({ ...base, SMTP_SECURE: 'true' }).smtp).toMatchObject({ port: 465, secure: true });
    expect(loadNotifyConfig({ ...base, SMTP_PORT: '25' }).smtp).toMatchObject({ port: 25, secure: false });
    expect(loadNotifyConfig(base).smtp?.auth).toBeUndefined();
  });

  it('lists every problem at once, without echoing secrets or webhook keys', () => {
    const problems = problemsOf({
      SMTP_HOST: 'mail',
      SMTP_PORT: '70000',
      SMTP_SECURE: 'maybe',
      SMTP_USER: 'duban',
      SMTP_FROM: 'not an address',
      WECOM_WEBHOOK_URL: 'ftp://secret-key-123',
      DINGTALK_WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      NOTIFY_TIMEOUT_MS: '40000',
    });
    expect(problems).toEqual([
      'SMTP_PORT must be an integer from 1 to 65535, got "70000"',
      'SMTP_SECURE must be true or false, got "maybe"',
      'SMTP_USER and SMTP_PASS must be set together',
      'SMTP_FROM is not an e-mail address: "not an address"',
      'WECOM_WEBHOOK_URL must be an http(s) URL',
      'DINGTALK_SECRET is required when DINGTALK_WEBHOOK_URL is set (加签)',
      'NOTIFY_LEASE_MS (60000) must be at least twice NOTIFY_TIMEOUT_MS (40000)',
    ]);
    expect(problems.join(' ')).not.toContain('secret-key-123');
  });

  it('requires SMTP_FROM with SMTP_HOST, and a webhook URL with DINGTALK_SECRET', () => {
    expect(problemsOf({ SMTP_HOST: 'mail' })).toEqual(['SMTP_FROM is required when SMTP_HOST is set']);
    expect(problemsOf({ DINGTALK_SECRET: 'SEC' })).toEqual(['DINGTALK_SECRET is set but DINGTALK_WEBHOOK_URL is not']);
  });
});
