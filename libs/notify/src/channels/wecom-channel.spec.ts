import { PermanentDeliveryError, RetryableDeliveryError } from '../delivery-errors';
import { renderNotification } from '../render/render-notification';
import { FakeRobotServer, RobotReply, RobotRequest } from '../testing/fake-robot-server';
import { sampleNotification } from '../testing/sample-notification';
import { WECOM_MARKDOWN_MAX_BYTES, WecomChannel } from './wecom-channel';

const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

/** Checks what the real WeCom robot checks: the key, the method, and a markdown message. */
function wecomLike(req: RobotRequest): RobotReply | undefined {
  if (req.method !== 'POST' || req.url !== `/cgi-bin/webhook/send?key=${KEY}`)
    return { status: 200, json: { errcode: 93000, errmsg: 'invalid webhook url' } };
  const body = req.body as { msgtype?: string; markdown?: { content?: string } };
  if (body.msgtype !== 'markdown' || typeof body.markdown?.content !== 'string')
    return { status: 200, json: { errcode: 40008, errmsg: 'invalid message type' } };
  return undefined;
}

describe('WecomChannel against a local fake robot', () => {
  let replies: RobotReply[] = [];
  const robot = new FakeRobotServer(
    (req) => wecomLike(req) ?? replies.shift() ?? { status: 200, json: { errcode: 0, errmsg: 'ok' } },
  );
  const channel = () => new WecomChannel({ webhookUrl: `${robot.baseUrl}/cgi-bin/webhook/send?key=${KEY}` }, 2_000);

  beforeAll(() => robot.start());
  afterAll(() => robot.stop());
  beforeEach(() => {
    robot.requests.length = 0;
    replies = [];
  });

  it('posts the rendered markdown as JSON and accepts errcode 0', async () => {
    const n = sampleNotification();
    await expect(channel().deliver(n)).resolves.toEqual({ channel: 'wecom', outcome: 'sent' });
    expect(robot.requests).toHaveLength(1);
    expect(robot.requests[0].headers['content-type']).toMatch(/^application\/json/);
    expect(robot.requests[0].body).toEqual({
      msgtype: 'markdown',
      markdown: { content: renderNotification(n).markdown },
    });
  });

  it('keeps the content within 4096 bytes of UTF-8', async () => {
    await channel().deliver(sampleNotification({ body: '督办'.repeat(2_000) }));
    const content = (robot.requests[0].body as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
    expect(content.endsWith('……')).toBe(true);
  });

  it('treats rate limiting (45009) and HTTP 502 as retryable', async () => {
    replies = [
      { status: 200, json: { errcode: 45009, errmsg: 'api freq out of limit' } },
      { status: 502, json: {} },
    ];
    for (const _ of [1, 2]) {
      const err = await channel()
        .deliver(sampleNotification())
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RetryableDeliveryError);
    }
  });

  it('treats a wrong key (errcode 93000) and HTTP 404 as permanent', async () => {
    const wrongKey = new WecomChannel({ webhookUrl: `${robot.baseUrl}/cgi-bin/webhook/send?key=nope` }, 2_000);
    const err = await wrongKey.deliver(sampleNotification()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err).toMatchObject({ code: 'ROBOT_ERRCODE' });
    expect(String((err as Error).message)).not.toContain('nope'); // the key stays out of logs

    replies = [{ status: 404, json: {} }];
    const notFound = await channel()
      .deliver(sampleNotification())
      .catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(PermanentDeliveryError);
    expect(notFound).toMatchObject({ code: 'HTTP_STATUS' });
  });

  it('times out, retryably, when the robot never answers', async () => {
    replies = ['hang'];
    const fast = new WecomChannel({ webhookUrl: `${robot.baseUrl}/cgi-bin/webhook/send?key=${KEY}` }, 200);
    const started = Date.now();
    const err = await fast.deliver(sampleNotification()).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err).toBeInstanceOf(RetryableDeliveryError);
    expect(err).toMatchObject({ code: 'TIMEOUT' });
  });
});
