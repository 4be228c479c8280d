import { LoginAttemptRepository } from '@duban/persistence/repositories/login-attempt-repository';
import { AuthConfig } from './auth-config';
import { LoginThrottle } from './login-throttle';

/** login_attempt in memory, answering as the SQL does (failures since the last success, newest first). */
function attemptsInMemory() {
  const rows: { username: string; ip: string; outcome: 'ok' | 'failed'; at: Date }[] = [];
  let clock = Date.parse('2027-01-04T01:00:00Z');
  const repo = {
    record: async (username: string, ip: string, outcome: 'ok' | 'failed') => {
      rows.push({ username, ip, outcome, at: new Date((clock += 1000)) });
    },
    recentFailures: async (q: { username: string; ip: string; perUserLimit: number; perIpLimit: number }) => {
      const newestFirst = [...rows].reverse();
      const lastOk = newestFirst.find((r) => r.username === q.username && r.ip === q.ip && r.outcome === 'ok');
      const perUser = newestFirst.filter(
        (r) => r.username === q.username && r.ip === q.ip && r.outcome === 'failed' && (!lastOk || r.at > lastOk.at),
      );
      const perIp = newestFirst.filter((r) => r.ip === q.ip && r.outcome === 'failed');
      return {
        now: new Date(clock),
        perUser: perUser.slice(0, q.perUserLimit).map((r) => r.at),
        perIp: perIp.slice(0, q.perIpLimit).map((r) => r.at),
      };
    },
    purgeOlderThan: async () => undefined,
  } as unknown as LoginAttemptRepository;
  return { repo, rows };
}

const config = { loginMaxFailures: 3, loginMaxFailuresPerIp: 5, loginWindowSeconds: 900 } as AuthConfig;

describe('the login throttle', () => {
  it('checks exactly the allowed number of 10 parallel guesses on one account from one address', async () => {
    const { repo, rows } = attemptsInMemory();
    const throttle = new LoginThrottle(repo, config);
    let checked = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        throttle.attempt('water-air.head', '10.0.0.9', async () => {
          checked += 1;
          return { ok: false, value: null };
        }),
      ),
    );
    expect(checked).toBe(3);
    expect(results.filter((r) => !r.allowed)).toHaveLength(7);
    expect(rows).toHaveLength(3);
  });

  it('counts failures since the last success, and per address whatever the account', async () => {
    const { repo } = attemptsInMemory();
    const throttle = new LoginThrottle(repo, config);
    const tryAs = (username: string, ok: boolean) =>
      throttle.attempt(username, '10.0.0.9', async () => ({ ok, value: username }));
    for (const ok of [false, false, true, false, false]) await tryAs('a', ok);
    await expect(tryAs('a', true)).resolves.toEqual({ allowed: true, value: 'a' }); // 2 since the success
    await tryAs('b', false); // the address's 5th failure
    const refused = await tryAs('c', true);
    expect(refused).toMatchObject({ allowed: false });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(800);
  });
});
