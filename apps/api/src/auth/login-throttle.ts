import { Inject, Injectable } from '@nestjs/common';
import { LoginAttemptRepository } from '@duban/persistence/repositories/login-attempt-repository';
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
    private readonly attempts: LoginAttemptRepository,
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
      await this.attempts.record(username, ip, ok ? 'ok' : 'failed');
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

  /** Accounts refused sign-in right now, with their failures (what an admin's unlock would clear). */
  locked(): Promise<Map<string, number>> {
    return this.attempts.locked(this.config.loginWindowSeconds, this.config.loginMaxFailures);
  }

  /** Lets the account sign in again at once, from wherever its failures came. */
  unlock(username: string): Promise<number> {
    return this.attempts.forgetFailures(username);
  }

  private async check(username: string, ip: string): Promise<ThrottleDecision> {
    const { loginMaxFailures: max, loginMaxFailuresPerIp: ipMax, loginWindowSeconds: window } = this.config;
    const { now, perUser, perIp } = await this.attempts.recentFailures({
      username,
      ip,
      windowSeconds: window,
      perUserLimit: max,
      perIpLimit: ipMax,
    });
    for (const [rows, limit] of [
      [perUser, max],
      [perIp, ipMax],
    ] as const) {
      const decision = decideLoginThrottle(rows, now, limit, window);
      if (!decision.allowed) return decision;
    }
    return { allowed: true };
  }

  private async purgeOccasionally(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    await this.attempts.purgeOlderThan(2 * this.config.loginWindowSeconds + 3600);
  }
}
