import { createHmac } from 'node:crypto';
import { PermanentDeliveryError, RetryableDeliveryError } from '../delivery-errors';
import { renderNotification } from '../render/render-notification';
import { FakeRobotServer, RobotReply, RobotRequest } from '../testing/fake-robot-server';
import { sampleNotification } from '../testing/sample-notification';
import { DingtalkChannel } from './dingtalk-channel';

const TOKEN = 'b0c4f3e9d2a1';
const SECRET = 'SECf1e2d3c4b5a69788796a5b4c3d2e1f0';

/** Python's urllib.parse.quote_plus, which DingTalk's sample code uses for the sign. */
function quotePlus(s: string): string {
  return s.replace(/[^A-Za-z0-9_.\-~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Verifies a request the way DingTalk documents it: access_token, a timestamp within one hour,
 * and sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret))), recomputed here.
 */
function dingtalkLike(req: RobotRequest, now: number): RobotReply | undefined {
  const raw = req.url.slice(req.url.indexOf('?') + 1);
  const params = new Map(raw.split('&').map((p) => p.split('=') as [string, string]));
  if (!req.url.startsWith('/robot/send?') || params.get('access_token') !== TOKEN)
    return { status: 200, json: { errcode: 300001, errmsg: 'token is not exist' } };
  const timestamp = Number(params.get('timestamp'));
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > 3_600_000)
    return { status: 200, json: { errcode: 310000, errmsg: 'invalid timestamp' } };
  const expected = createHmac('sha256', SECRET)
    .update(`${params.get('timestamp')}\n${SECRET}`)
    .digest('base64');
  if (params.get('sign') !== quotePlus(expected))
    return { status: 200, json: { errcode: 310000, errmsg: 'sign not match' } };
  const body = req.body as { msgtype?: string; markdown?: { title?: string; text?: string } };
  if (body.msgtype !== 'markdown' || !body.markdown?.title || !body.markdown?.text)
    return { status: 200, json: { errcode: 40035, errmsg: '缺少参数 markdown' } };
  return undefined;
}

describe('DingtalkChannel against a local fake robot that checks the signature', () => {
  let replies: RobotReply[] = [];
  const robot = new FakeRobotServer(
    (req) => dingtalkLike(req, Date.now()) ?? replies.shift() ?? { status: 200, json: { errcode: 0, errmsg: 'ok' } },
  );
  const webhookUrl = () => `${robot.baseUrl}/robot/send?access_token=${TOKEN}`;

  beforeAll(() => robot.start());
  afterAll(() => robot.stop());
  beforeEach(() => {
    robot.requests.length = 0;
    replies = [];
  });

  it('signs the request and posts markdown with title and text', async () => {
    const n = sampleNotification();
    const channel = new DingtalkChannel({ webhookUrl: webhookUrl(), secret: SECRET }, 2_000);
    await expect(channel.deliver(n)).resolves.toEqual({ channel: 'dingtalk', outcome: 'sent' });
    const { subject, markdown } = renderNotification(n);
    expect(robot.requests[0].body).toEqual({ msgtype: 'markdown', markdown: { title: subject, text: markdown } });
  });

  it('signs every attempt afresh (many signatures contain + / =, all must be encoded right)', async () => {
    let t = 1_764_374_400_000;
    const channel = new DingtalkChannel({ webhookUrl: webhookUrl(), secret: SECRET }, 2_000, () => t);
    robot.respond = (req) => dingtalkLike(req, t) ?? { status: 200, json: { errcode: 0, errmsg: 'ok' } };
    try {
      for (let i = 0; i < 20; i++, t += 7_919) await channel.deliver(sampleNotification());
    } finally {
      robot.respond = (req) =>
        dingtalkLike(req, Date.now()) ?? replies.shift() ?? { status: 200, json: { errcode: 0, errmsg: 'ok' } };
    }
    expect(new Set(robot.requests.map((r) => r.url)).size).toBe(20);
  });

  it('is refused, permanently, with the wrong secret', async () => {
    const channel = new DingtalkChannel({ webhookUrl: webhookUrl(), secret: 'SECwrong' }, 2_000);
    const err = await channel.deliver(sampleNotification()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect((err as Error).message).toContain('310000');
  });

  it('is refused, permanently, with a clock more than an hour off', async () => {
    const channel = new DingtalkChannel(
      { webhookUrl: webhookUrl(), secret: SECRET },
      2_000,
      () => Date.now() - 2 * 3_600_000,
    );
    const err = await channel.deliver(sampleNotification()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect((err as Error).message).toContain('invalid timestamp');
  });

  it('treats "send too fast" (410100) and HTTP 503 as retryable', async () => {
    replies = [
      { status: 200, json: { errcode: 410100, errmsg: '发送速度太快而限流' } },
      { status: 503, json: {} },
    ];
    const channel = new DingtalkChannel({ webhookUrl: webhookUrl(), secret: SECRET }, 2_000);
    for (const _ of [1, 2]) {
      const err = await channel.deliver(sampleNotification()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RetryableDeliveryError);
    }
  });

  it('times out, retryably, when the robot never answers', async () => {
    replies = ['hang'];
    const channel = new DingtalkChannel({ webhookUrl: webhookUrl(), secret: SECRET }, 200);
    const err = await channel.deliver(sampleNotification()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableDeliveryError);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
  });
});
