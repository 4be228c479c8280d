import { Injectable } from '@nestjs/common';
import { RevokedTokenRepository } from '@duban/persistence/repositories/revoked-token-repository';

/** How often a process sweeps revoked ids whose tokens have expired anyway. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Revoked token ids (jti) in PostgreSQL, so every API process sees a logout at once. */
@Injectable()
export class RevokedTokenStore {
  private lastPurge = 0;

  constructor(private readonly revoked: RevokedTokenRepository) {}

  /**
   * Revokes a jti. Returns true only for the call that revoked it: refresh rotation relies on this,
   * so two concurrent refreshes with one token cannot both succeed.
   */
  async revoke(jti: string, expiresAt: Date): Promise<boolean> {
    const revoked = await this.revoked.revoke(jti, expiresAt);
    await this.purgeExpiredOccasionally();
    return revoked;
  }

  isRevoked(jti: string): Promise<boolean> {
    return this.revoked.isRevoked(jti);
  }

  private async purgeExpiredOccasionally(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    await this.revoked.purgeExpired();
  }
}
