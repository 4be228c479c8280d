import { Logger } from '@nestjs/common';
import { DeliveryResult, NotificationChannel } from './channel';
import { InboxChannel } from './channels/inbox-channel';
import { SmtpChannel } from './channels/smtp-channel';
import { WecomChannel } from './channels/wecom-channel';
import { PermanentDeliveryError, RetryableDeliveryError } from './delivery-errors';
import { DeliveryLog } from './delivery-log';
import { isRetryable } from './error-classification';
import { Notifier } from './notifier';
import { FakeRobotServer, RobotReply } from './testing/fake-robot-server';
import { InMemoryDeliveryLogForTests } from './testing/in-memory-delivery-log';
import { InMemoryInboxStoreForTests } from './testing/in-memory-inbox-store';
import { decodeMail } from './testing/mime-decode';
import { sampleNotification } from './testing/sample-notification';
import { SmtpTestServer } from './testing/smtp-test-server';

const LEASE_MS = 60_000;

describe('Notifier', () => {
  const smtpServer = new SmtpTestServer();
  let robotReplies: RobotReply[] = [];
  const robot = new FakeRobotServer(() => robotReplies.shift() ?? { status: 200, json: { errcode: 0, errmsg: 'ok' } });

  let clock: number;
  let log: InMemoryDeliveryLogForTests;
  let inbox: InMemoryInboxStoreForTests;
  let smtp: SmtpChannel;
  let notifier: Notifier;

  beforeAll(async () => {
    await smtpServer.start();
    await robot.start();
  });
  afterAll(async () => {
    await smtpServer.stop();
    await robot.stop();
  });
  beforeEach(() => {
    smtpServer.received.length = 0;
    smtpServer.rejectNext = [];
    robot.requests.length = 0;
    robotReplies = [];
    clock = 1_764_374_400_000;
    log = new InMemoryDeliveryLogForTests(() => clock);
    inbox = new InMemoryInboxStoreForTests();
    smtp = new SmtpChannel(
      {
        host: '127.0.0.1',
        port: smtpServer.port,
        secure: false,
        from: { name: '督办系统', address: 'duban@hbj.example.gov.cn' },
        messageIdDomain: 'hbj.example.gov.cn',
      },
      3_000,
    );
    const wecom = new WecomChannel({ webhookUrl: `${robot.baseUrl}/cgi-bin/webhook/send?key=k` }, 1_000);
    notifier = new Notifier([new InboxChannel(inbox), smtp, wecom], log, { leaseMs: LEASE_MS });
  });
  afterEach(() => notifier.onModuleDestroy());

  it('lists the enabled channels and skips a disabled one without touching the log', async () => {
    expect(notifier.enabledChannels()).toEqual(['inbox', 'smtp', 'wecom']);
    await expect(notifier.deliverVia('dingtalk', sampleNotification())).resolves.toMatchObject({
      channel: 'dingtalk',
      outcome: 'skipped',
    });
    expect(log.rows.size).toBe(0);
  });

  it('SMTP answering 421 then accepting: a retryable error, then one mail, then "already delivered"', async () => {
    const n = sampleNotification();
    smtpServer.rejectNext = [421];

    const first = await notifier.deliverVia('smtp', n).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RetryableDeliveryError);
    expect(isRetryable(first)).toBe(true);
    expect(log.row(n.dedupKey, 'smtp')).toMatchObject({ status: 'failed', attempts: 1 });

    // Temporal's retry: the failed row is claimed at once, no lease wait.
    await expect(notifier.deliverVia('smtp', n)).resolves.toMatchObject({ outcome: 'sent', attempt: 2 });
    await expect(notifier.deliverVia('smtp', n)).resolves.toMatchObject({ outcome: 'already-delivered' });

    expect(smtpServer.mailFromAttempts).toBe(2);
    expect(smtpServer.received).toHaveLength(1);
    expect(log.row(n.dedupKey, 'smtp')).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('robot failing (HTTP 503) then recovering: delivered once', async () => {
    const n = sampleNotification();
    robotReplies = [{ status: 503, json: {} }];
    await expect(notifier.deliverVia('wecom', n)).rejects.toBeInstanceOf(RetryableDeliveryError);
    await expect(notifier.deliverVia('wecom', n)).resolves.toMatchObject({ outcome: 'sent', attempt: 2 });
    await expect(notifier.deliverVia('wecom', n)).resolves.toMatchObject({ outcome: 'already-delivered' });
    expect(robot.requests).toHaveLength(2);
  });

  it('keeps channels independent: a dead SMTP server fails only the smtp channel', async () => {
    const n = sampleNotification();
    smtpServer.rejectNext = [451];
    const outcomes = await notifier.deliverAll(n);
    expect(outcomes.map((o) => [o.channel, o.ok])).toEqual([
      ['inbox', true],
      ['smtp', false],
      ['wecom', true],
    ]);
    const failed = outcomes.find((o) => !o.ok);
    expect(failed && !failed.ok && failed.error).toMatchObject({ channel: 'smtp', retryable: true });
    expect(inbox.rows.size).toBe(3);
    expect(robot.requests).toHaveLength(1);

    // The retry of the whole fan-out re-sends nothing that already went out.
    const again = await notifier.deliverAll(n);
    expect(again.map((o) => (o.ok ? o.result.outcome : 'error'))).toEqual([
      'already-delivered',
      'sent',
      'already-delivered',
    ]);
    expect(robot.requests).toHaveLength(1);
    expect(smtpServer.received).toHaveLength(1);
  });

  it('an attempt that crashed after claiming blocks retries until its lease expires, then is re-sent', async () => {
    const n = sampleNotification();
    // Attempt 1: claimed and sent, then the worker died before markDelivered.
    const crashed = await log.claim(n.dedupKey, 'smtp', LEASE_MS);
    expect(crashed).toEqual({ outcome: 'claimed', attempt: 1 });
    await smtp.deliver(n);

    clock += LEASE_MS - 1;
    const early = await notifier.deliverVia('smtp', n).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(RetryableDeliveryError);
    expect(early).toMatchObject({ code: 'IN_FLIGHT' });

    clock += 2;
    await expect(notifier.deliverVia('smtp', n)).resolves.toMatchObject({ outcome: 'sent', attempt: 2 });
    // At-least-once: the duplicate carries the same Message-ID, so mail systems can fold it.
    expect(smtpServer.received).toHaveLength(2);
    const ids = smtpServer.received.map((m) => decodeMail(m.raw).headers.get('message-id'));
    expect(ids[0]).toBe(ids[1]);
  });

  it('a stale attempt cannot release the claim of a newer one (markFailed is fenced)', async () => {
    const key = sampleNotification().dedupKey;
    await log.claim(key, 'wecom', LEASE_MS);
    clock += LEASE_MS + 1;
    expect(await log.claim(key, 'wecom', LEASE_MS)).toEqual({ outcome: 'claimed', attempt: 2 });
    await log.markFailed(key, 'wecom', 1, 'late failure of attempt 1');
    expect(log.row(key, 'wecom')).toMatchObject({ status: 'sending', attempts: 2, lastError: null });
    await log.markDelivered(key, 'wecom');
    await log.markFailed(key, 'wecom', 2, 'too late');
    expect(log.row(key, 'wecom')?.status).toBe('delivered');
  });

  it('reports success when the message went out but recording it failed (no forced duplicate)', async () => {
    const flaky: DeliveryLog = {
      claim: (k, c, l) => log.claim(k, c, l),
      markDelivered: async () => {
        throw new Error('connection to PostgreSQL lost');
      },
      markFailed: (k, c, a, e) => log.markFailed(k, c, a, e),
    };
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const n2 = new Notifier([smtp], flaky, { leaseMs: LEASE_MS });
      await expect(n2.deliverVia('smtp', sampleNotification())).resolves.toMatchObject({ outcome: 'sent' });
      expect(smtpServer.received).toHaveLength(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('sent, but markDelivered failed'));
    } finally {
      warn.mockRestore();
    }
  });

  it('fails retryably, sending nothing, when the delivery log is unavailable', async () => {
    const down: DeliveryLog = {
      claim: async () => {
        throw new Error('ECONNREFUSED 127.0.0.1:5432');
      },
      markDelivered: async () => undefined,
      markFailed: async () => undefined,
    };
    const n2 = new Notifier([smtp], down, { leaseMs: LEASE_MS });
    const err = await n2.deliverVia('smtp', sampleNotification()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DELIVERY_LOG', retryable: true });
    expect(smtpServer.received).toHaveLength(0);
  });

  it('rejects a malformed notification permanently before claiming anything', async () => {
    const err = await notifier
      .deliverVia('smtp', sampleNotification({ dedupKey: ' ', title: '' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err).toMatchObject({ code: 'INVALID_NOTIFICATION' });
    expect((err as Error).message).toMatch(/dedupKey is empty; title is empty/);
    expect(log.rows.size).toBe(0);
  });

  it('marks a permanent failure so it is visible, and rethrows it as non-retryable', async () => {
    const n = sampleNotification();
    smtpServer.rejectNext = [550];
    const err = await notifier.deliverVia('smtp', n).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(log.row(n.dedupKey, 'smtp')).toMatchObject({ status: 'failed' });
    expect(log.row(n.dedupKey, 'smtp')?.lastError).toContain('550');
  });

  it('refuses the same channel twice', () => {
    const c: NotificationChannel = {
      name: 'wecom',
      deliver: async (): Promise<DeliveryResult> => ({ channel: 'wecom', outcome: 'sent' }),
    };
    expect(() => new Notifier([c, c], log, { leaseMs: LEASE_MS })).toThrow(/twice/);
  });
});
