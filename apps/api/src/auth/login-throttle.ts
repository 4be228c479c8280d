import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUTH_CONFIG, AuthConfig } from './auth-config';
import { decideLoginThrottle, ThrottleDecision } from './login-throttle-decision';

export const LOGIN_ACTION = 'login';
export const LOGIN_FAILED_ACTION = 'login-failed';

/**
 * Login throttling per username+IP, counted from the audit log itself (login-failed events carry
 * {username, ip} in `after`). Kept in PostgreSQL rather than in memory so that every API process
 * shares one window and a restart does not reset it. A successful login starts the count afresh.
 * Two attempts racing through the check may each get in once: the limit is approximate by one
 * per concurrent request, which is enough against guessing.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async check(username: string, ip: string): Promise<ThrottleDecision> {
    const { loginMaxFailures: max, loginWindowSeconds: window } = this.config;
    // task_id IS NULL + at range uses the (task_id, at) index; the window keeps the scan small.
    const rows: { at: Date; now: Date }[] = await this.db.query(
      `WITH scope AS (
         SELECT action, outcome, at FROM task_event
          WHERE task_id IS NULL AND at > now() - make_interval(secs => $3)
            AND action IN ($5, $6) AND after->>'username' = $1 AND after->>'ip' = $2
       ), last_ok AS (
         SELECT max(at) AS at FROM scope WHERE action = $5 AND outcome = 'ok'
       )
       SELECT s.at, now() AS now FROM scope s, last_ok
        WHERE s.action = $6 AND s.outcome = 'failed' AND (last_ok.at IS NULL OR s.at > last_ok.at)
        ORDER BY s.at DESC LIMIT $4`,
      [username, ip, window, max, LOGIN_ACTION, LOGIN_FAILED_ACTION],
    );
    if (rows.length < max) return { allowed: true };
    return decideLoginThrottle(
      rows.map((r) => r.at),
      rows[0].now,
      max,
      window,
    );
  }
}
