import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUTH_CONFIG, AuthConfig } from './auth-config';
import { decideLoginThrottle } from './login-throttle-decision';

export const LOGIN_ACTION = 'login';
export const LOGIN_FAILED_ACTION = 'login-failed';

export type LoginReservation = { allowed: true; attemptId: string } | { allowed: false; retryAfterSeconds: number };

/** How often a process sweeps attempts far outside every window. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Login throttling in PostgreSQL (shared by every API process, kept across restarts), atomic: an
 * attempt is reserved as 'pending' under a per-IP transaction lock before the password is
 * checked, and a pending attempt counts as a failure, so 30 parallel guesses get exactly the
 * allowed number checked. Two limits: failures per username+IP since its last successful sign-in
 * (AUTH_LOGIN_MAX_FAILURES), and failures per IP whatever the username
 * (AUTH_LOGIN_MAX_FAILURES_PER_IP), both over AUTH_LOGIN_WINDOW.
 */
@Injectable()
export class LoginThrottle {
  private lastPurge = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async reserve(username: string, ip: string): Promise<LoginReservation> {
    const { loginMaxFailures: max, loginMaxFailuresPerIp: ipMax, loginWindowSeconds: window } = this.config;
    const reservation = await this.db.transaction(async (tx): Promise<LoginReservation> => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 1308))`, [ip]);
      const [{ now }]: { now: Date }[] = await tx.query(`SELECT now() AS now`);
      const perUser: { at: Date }[] = await tx.query(
        `SELECT at FROM login_attempt
          WHERE username = $1 AND ip = $2 AND outcome <> 'ok' AND at > now() - make_interval(secs => $3)
            AND at > coalesce((SELECT max(at) FROM login_attempt WHERE username = $1 AND ip = $2 AND outcome = 'ok'),
                              '-infinity')
          ORDER BY at DESC LIMIT $4`,
        [username, ip, window, max],
      );
      const perIp: { at: Date }[] = await tx.query(
        `SELECT at FROM login_attempt WHERE ip = $1 AND outcome <> 'ok' AND at > now() - make_interval(secs => $2)
          ORDER BY at DESC LIMIT $3`,
        [ip, window, ipMax],
      );
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
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO login_attempt (username, ip, outcome) VALUES ($1, $2, 'pending') RETURNING id`,
        [username.slice(0, 64), ip.slice(0, 64)],
      );
      return { allowed: true, attemptId: row.id };
    });
    await this.purgeOccasionally();
    return reservation;
  }

  /** Records how a reserved attempt ended; a successful sign-in starts its username+IP count afresh. */
  async settle(attemptId: string, outcome: 'ok' | 'failed'): Promise<void> {
    await this.db.query(`UPDATE login_attempt SET outcome = $2 WHERE id = $1`, [attemptId, outcome]);
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
