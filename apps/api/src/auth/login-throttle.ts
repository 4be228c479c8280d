import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUTH_CONFIG, AuthConfig } from './auth-config';
import { decideLoginThrottle, ThrottleDecision } from './login-throttle-decision';

export const LOGIN_ACTION = 'login';
export const LOGIN_FAILED_ACTION = 'login-failed';

export type LoginAttemptResult<T> = { allowed: false; retryAfterSeconds: number } | { allowed: true; value: T };

/** How often a process sweeps attempts far outside every window. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Login throttling, counted in PostgreSQL (login_attempt: shared by every API process, kept across
 * restarts) over AUTH_LOGIN_WINDOW, with two limits: failures per username+IP since its last
 * successful sign-in (AUTH_LOGIN_MAX_FAILURES), and failures per IP whatever the username
 * (AUTH_LOGIN_MAX_FAILURES_PER_IP). Attempts on one username+IP run one after another inside a
 * process — check, password, record — so 30 parallel guesses get exactly the allowed number
 * checked; no database connection is held while one waits. Across several API processes each
 * serialises its own, so the bound is the limit per process.
 */
@Injectable()
export class LoginThrottle {
  private lastPurge = 0;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** Runs `verify` (the password check) unless throttled, and records how it ended. */
  async attempt<T>(
    username: string,
    ip: string,
    verify: () => Promise<{ ok: boolean; value: T }>,
  ): Promise<LoginAttemptResult<T>> {
    const key = `${username}\u0001${ip}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(async (): Promise<LoginAttemptResult<T>> => {
      const decision = await this.check(username, ip);
      if (!decision.allowed) return decision;
      const { ok, value } = await verify();
      await this.db.query(`INSERT INTO login_attempt (username, ip, outcome) VALUES ($1, $2, $3)`, [
        username.slice(0, 64),
        ip.slice(0, 64),
        ok ? 'ok' : 'failed',
      ]);
      return { allowed: true, value };
    });
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    const result = await run;
    await this.purgeOccasionally();
    return result;
  }

  private async check(username: string, ip: string): Promise<ThrottleDecision> {
    const { loginMaxFailures: max, loginMaxFailuresPerIp: ipMax, loginWindowSeconds: window } = this.config;
    const [{ now }]: { now: Date }[] = await this.db.query(`SELECT now() AS now`);
    const [perUser, perIp]: { at: Date }[][] = await Promise.all([
      this.db.query(
        `SELECT at FROM login_attempt
          WHERE username = $1 AND ip = $2 AND outcome = 'failed' AND at > now() - make_interval(secs => $3)
            AND at > coalesce((SELECT max(at) FROM login_attempt WHERE username = $1 AND ip = $2 AND outcome = 'ok'),
                              '-infinity')
          ORDER BY at DESC LIMIT $4`,
        [username, ip, window, max],
      ),
      this.db.query(
        `SELECT at FROM login_attempt WHERE ip = $1 AND outcome = 'failed' AND at > now() - make_interval(secs => $2)
          ORDER BY at DESC LIMIT $3`,
        [ip, window, ipMax],
      ),
    ]);
    for (const [rows, limit] of [
      [perUser, max],
      [perIp, ipMax],
    ] as const) {
      const decision = decideLoginThrottle(
        rows.map((r) => r.at),
        now,
        limit,
        window,
      );
      if (!decision.allowed) return decision;
    }
    return { allowed: true };
  }

  private async purgeOccasionally(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    await this.db.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(secs => $1)`, [
      2 * this.config.loginWindowSeconds + 3600,
    ]);
  }
}
