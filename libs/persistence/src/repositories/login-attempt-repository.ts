import { DataSource } from 'typeorm';

/** Sign-in attempts (login_attempt), counted by the login throttle of every API process. */
export class LoginAttemptRepository {
  constructor(private readonly db: DataSource) {}

  async record(username: string, ip: string, outcome: 'ok' | 'failed'): Promise<void> {
    await this.db.query(`INSERT INTO login_attempt (username, ip, outcome) VALUES ($1, $2, $3)`, [
      username.slice(0, 64),
      ip.slice(0, 64),
      outcome,
    ]);
  }

  /**
   * The database's now and the newest failures within the window: of this username from this IP
   * since its last successful sign-in (at most `perUserLimit`), and of this IP whatever the
   * username (at most `perIpLimit`).
   */
  async recentFailures(q: {
    username: string;
    ip: string;
    windowSeconds: number;
    perUserLimit: number;
    perIpLimit: number;
  }): Promise<{ now: Date; perUser: Date[]; perIp: Date[] }> {
    // One round trip: the clock and both lists come from the same snapshot.
    const [row]: { now: Date; per_user: Date[] | null; per_ip: Date[] | null }[] = await this.db.query(
      `SELECT now() AS now,
              ARRAY(SELECT at FROM login_attempt
                     WHERE username = $1 AND ip = $2 AND outcome = 'failed' AND at > now() - make_interval(secs => $3)
                       AND at > coalesce((SELECT max(at) FROM login_attempt
                                           WHERE username = $1 AND ip = $2 AND outcome = 'ok'), '-infinity')
                     ORDER BY at DESC LIMIT $4) AS per_user,
              ARRAY(SELECT at FROM login_attempt
                     WHERE ip = $2 AND outcome = 'failed' AND at > now() - make_interval(secs => $3)
                     ORDER BY at DESC LIMIT $5) AS per_ip`,
      [q.username, q.ip, q.windowSeconds, q.perUserLimit, q.perIpLimit],
    );
    return { now: row.now, perUser: (row.per_user ?? []).map(asDate), perIp: (row.per_ip ?? []).map(asDate) };
  }

  /**
   * Usernames the throttle refuses now: from some IP, `limit` failures inside the window since
   * that IP's last successful sign-in. With their failure count, for the admin's account list.
   */
  async locked(windowSeconds: number, limit: number): Promise<Map<string, number>> {
    const rows: { username: string; failures: string }[] = await this.db.query(
      `SELECT username, max(n) AS failures FROM (
         SELECT a.username, a.ip, count(*) AS n FROM login_attempt a
          WHERE a.outcome = 'failed' AND a.at > now() - make_interval(secs => $1)
            AND a.at > coalesce((SELECT max(o.at) FROM login_attempt o
                                  WHERE o.username = a.username AND o.ip = a.ip AND o.outcome = 'ok'), '-infinity')
          GROUP BY a.username, a.ip HAVING count(*) >= $2) per_ip
        GROUP BY username`,
      [windowSeconds, limit],
    );
    return new Map(rows.map((r) => [r.username, Number(r.failures)]));
  }

  /** An admin's unlock: the account's failed attempts are forgotten, from every IP. */
  async forgetFailures(username: string): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM login_attempt WHERE username = $1 AND outcome = 'failed'`,
      [username],
    );
    return count;
  }

  /** Forgets attempts older than this many seconds. */
  async purgeOlderThan(seconds: number): Promise<void> {
    await this.db.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(secs => $1)`, [seconds]);
  }
}

/** node-postgres parses timestamptz inside arrays to Date as well; a string is parsed defensively. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
