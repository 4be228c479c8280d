import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { SmtpConfig } from '../config/notify-config';
import { PermanentDeliveryError, RetryableDeliveryError } from '../delivery-errors';
import { renderNotification } from '../render/render-notification';
import { decodeMail } from '../testing/mime-decode';
import { sampleNotification } from '../testing/sample-notification';
import { SmtpTestServer } from '../testing/smtp-test-server';
import { DEDUP_HEADER, SmtpChannel } from './smtp-channel';
import { messageIdFor } from './smtp-message-id';

function configFor(port: number, auth?: { user: string; pass: string }): SmtpConfig {
  return {
    host: '127.0.0.1',
    port,
    secure: false,
    ...(auth ? { auth } : {}),
    from: { name: '督办系统', address: 'duban@hbj.example.gov.cn' },
    messageIdDomain: 'hbj.example.gov.cn',
  };
}

describe('SmtpChannel against a real SMTP server', () => {
  const credentials = { user: 'duban', pass: 's3cret-测试' };
  const server = new SmtpTestServer(credentials);
  let channel: SmtpChannel;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.received.length = 0;
    server.rejectNext = [];
    channel = new SmtpChannel(configFor(server.port, credentials), 5_000);
  });
  afterEach(() => channel.close());

  it('sends one UTF-8 mail to every recipient with an address, with Chinese subject and body', async () => {
    const n = sampleNotification();
    const result = await channel.deliver(n);

    expect(server.received).toHaveLength(1);
    const mail = server.received[0];
    expect(mail.user).toBe('duban');
    expect(mail.from).toBe('duban@hbj.example.gov.cn');
    expect(mail.to.sort()).toEqual(['lina@hbj.example.gov.cn', 'zhangwei@hbj.example.gov.cn']);

    const decoded = decodeMail(mail.raw);
    const rendered = renderNotification(n);
    expect(decoded.headers.get('subject')).toBe('【督办·二级】“黑臭水体整治方案”已逾期3个工作日');
    expect(decoded.headers.get('subject')).toBe(rendered.subject);
    expect(decoded.text.trimEnd()).toBe(rendered.text);
    expect(decoded.text).toContain('请分管领导督促办理');
    expect(decoded.headers.get('from')).toBe('督办系统 <duban@hbj.example.gov.cn>');
    expect(decoded.headers.get('to')).toContain('张伟 <zhangwei@hbj.example.gov.cn>');
    expect(decoded.headers.get('to')).toContain('李娜 <lina@hbj.example.gov.cn>');
    expect(decoded.headers.get('content-type')).toMatch(/charset=utf-8/i);

    const messageId = messageIdFor(n.dedupKey, 'hbj.example.gov.cn');
    expect(decoded.headers.get('message-id')).toBe(messageId);
    expect(decoded.headers.get(DEDUP_HEADER.toLowerCase())).toBe(n.dedupKey);
    expect(result).toMatchObject({ channel: 'smtp', outcome: 'sent', messageId, rejected: [] });
    expect(result.accepted?.sort()).toEqual(['lina@hbj.example.gov.cn', 'zhangwei@hbj.example.gov.cn']);
  });

  it('gives a resend the same Message-ID, and another notification a different one', async () => {
    const n = sampleNotification();
    await channel.deliver(n);
    await channel.deliver(n);
    await channel.deliver(sampleNotification({ dedupKey: `${n.dedupKey}/r2` }));
    const ids = server.received.map((m) => decodeMail(m.raw).headers.get('message-id'));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[0]).toMatch(/^<duban\.[0-9a-f]{40}@hbj\.example\.gov\.cn>$/);
  });

  it('skips without connecting when no recipient has an e-mail address', async () => {
    const n = sampleNotification({ recipients: [{ unitCode: '水气股', role: 'handler' }] });
    await expect(channel.deliver(n)).resolves.toMatchObject({ outcome: 'skipped' });
    expect(server.received).toHaveLength(0);
  });

  it('leaves out an invalid address on file, sends to the rest and reports it', async () => {
    const n = sampleNotification({
      recipients: [
        { name: '王强', email: 'wang qiang@bad', unitCode: '水气股', role: 'handler' },
        { name: '李娜', email: 'lina@hbj.example.gov.cn', unitCode: '水气股', role: 'unit-head' },
      ],
    });
    const result = await channel.deliver(n);
    expect(server.received[0].to).toEqual(['lina@hbj.example.gov.cn']);
    expect(result.rejected).toEqual(['wang qiang@bad']);
  });

  it('fails permanently when every address is invalid', async () => {
    const n = sampleNotification({ recipients: [{ email: 'not-an-address', unitCode: '水气股', role: 'handler' }] });
    const err = await channel.deliver(n).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err).toMatchObject({ channel: 'smtp', code: 'INVALID_ADDRESS' });
  });

  it('reports a temporary SMTP rejection (421) as retryable, a permanent one (550) as not', async () => {
    server.rejectNext = [421];
    const temp = await channel.deliver(sampleNotification()).catch((e: unknown) => e);
    expect(temp).toBeInstanceOf(RetryableDeliveryError);
    expect(temp).toMatchObject({ channel: 'smtp', code: 'SMTP_REJECTED', retryable: true });

    server.rejectNext = [550];
    const perm = await channel.deliver(sampleNotification()).catch((e: unknown) => e);
    expect(perm).toBeInstanceOf(PermanentDeliveryError);
    expect(perm).toMatchObject({ channel: 'smtp', retryable: false });
    expect(server.received).toHaveLength(0);
  });

  it('reports wrong credentials as permanent', async () => {
    const wrong = new SmtpChannel(configFor(server.port, { user: 'duban', pass: 'wrong' }), 5_000);
    try {
      const err = await wrong.deliver(sampleNotification()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PermanentDeliveryError);
      expect(err).toMatchObject({ code: 'SMTP_AUTH' });
    } finally {
      wrong.close();
    }
  });
});

describe('SmtpChannel when the server is unreachable or silent', () => {
  it('reports a refused connection as retryable', async () => {
    // Bind and release a port so nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const channel = new SmtpChannel(configFor(port), 2_000);
    const err = await channel.deliver(sampleNotification()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableDeliveryError);
    expect(err).toMatchObject({ code: 'NETWORK' });
  });

  it('times out against a server that accepts but never greets, as retryable', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const channel = new SmtpChannel(configFor((silent.address() as AddressInfo).port), 300);
    try {
      const started = Date.now();
      const err = await channel.deliver(sampleNotification()).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(err).toBeInstanceOf(RetryableDeliveryError);
      expect(err).toMatchObject({ code: 'TIMEOUT' });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
