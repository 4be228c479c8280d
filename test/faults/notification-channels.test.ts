import { CRASH_PATTERN, eventually, FaultSystem } from './support/fault-system';
import { FlakyReceivers } from './support/flaky-receivers';

/**
 * Issue 8, fault 4: the SMTP server and the robot webhook refuse every delivery for a while, then
 * recover. Each notification must then be delivered exactly once per channel: no loss (every
 * notification reaches both), no double (no dedup key twice in the mailbox, no message twice at
 * the webhook).
 */
const PLAN = 'fault-notify';
const FAILING_MS = Number(process.env.FAULT_CHANNEL_OUTAGE_MS ?? 20_000);
jest.setTimeout(10 * 60_000);

const receivers = new FlakyReceivers();
let sys: FaultSystem;

beforeAll(async () => {
  await receivers.start();
  sys = new FaultSystem({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(receivers.smtpPort),
    SMTP_SECURE: 'false',
    SMTP_FROM: '督办系统 <duban@duban.test>',
    WECOM_WEBHOOK_URL: `http://127.0.0.1:${receivers.webhookPort}/cgi-bin/webhook/send?key=test`,
    NOTIFY_TIMEOUT_MS: '3000',
    NOTIFY_LEASE_MS: '6000',
  });
  await sys.start();
});
afterAll(async () => {
  await sys?.close();
  await receivers.stop();
});

it('delivers each notification once per channel after SMTP and the webhook recover', async () => {
  // Every demo account gets an address, so e-mail goes out next to the inbox and the robot.
  await sys.pg.query(`UPDATE app_user SET email = username || '@duban.test'`);
  // The bundled plan's 2021 deadlines have passed: each task raises its escalations at once.
  await sys.importPlan(PLAN, 45);
  await eventually(async () => receivers.refusedMails > 0 && receivers.refusedPosts > 0, 120_000);
  await new Promise((r) => setTimeout(r, FAILING_MS));
  const refused = { mails: receivers.refusedMails, posts: receivers.refusedPosts };
  receivers.failing = false;

  const keys = async (): Promise<string[]> =>
    (await sys.pg.query(`SELECT DISTINCT dedup_key FROM notification WHERE task_id LIKE $1`, [`${PLAN}/%`])).rows.map(
      (r: { dedup_key: string }) => r.dedup_key,
    );
  await eventually(
    async () => {
      const expected = await keys();
      return (
        expected.length > 0 && expected.every((k) => receivers.mails.has(k)) && receivers.posts.size >= expected.length
      );
    },
    300_000,
    1_000,
  );
  // Let any retry that was still scheduled run out, then count.
  await new Promise((r) => setTimeout(r, 10_000));
  const expected = await keys();
  console.log(
    `notifications ${expected.length}; refused while failing: ${JSON.stringify(refused)}; accepted mails ${receivers.mails.size}, posts ${receivers.posts.size}`,
  );
  expect([...receivers.mails.values()].filter((n) => n !== 1)).toEqual([]);
  expect([...receivers.posts.values()].filter((n) => n !== 1)).toEqual([]);
  expect([...receivers.mails.keys()].sort()).toEqual([...expected].sort());
  expect(receivers.posts.size).toBe(expected.length);
  const states: { channel: string; status: string; n: string }[] = (
    await sys.pg.query(`SELECT channel, status, count(*) AS n FROM notification_delivery GROUP BY 1, 2 ORDER BY 1, 2`)
  ).rows;
  expect(states.filter((s) => s.channel !== 'inbox' && s.status !== 'delivered')).toEqual([]);
  expect(sys.appOutput()).not.toMatch(CRASH_PATTERN);
});
