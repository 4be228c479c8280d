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

  /** Forgets attempts older than this many seconds. */
  async purgeOlderThan(seconds: number): Promise<void> {
    await this.db.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(secs => $1)`, [seconds]);
  }
}

/** node-postgres parses timestamptz inside arrays to Date as well; a string is parsed defensively. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
