import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How often a process sweeps revoked ids whose tokens have expired anyway. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Revoked token ids (jti) in PostgreSQL, so every API process sees a logout at once. */
@Injectable()
export class RevokedTokenStore {
  private lastPurge = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Revokes a jti. Returns true only for the call that revoked it: refresh rotation relies on this,
   * so two concurrent refreshes with one token cannot both succeed.
   */
  async revoke(jti: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'INSERT INTO revoked_token (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING RETURNING jti',
      [jti, expiresAt],
    );
    await this.purgeExpiredOccasionally();
    return rows.length === 1;
  }

  async isRevoked(jti: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM revoked_token WHERE jti = $1', [jti]);
    return rows.length > 0;
  }

  private async purgeExpiredOccasionally(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    // A small margin past expiry: a token within clock skew of its exp must stay revoked.
    await this.db.query("DELETE FROM revoked_token WHERE expires_at < now() - interval '5 minutes'");
  }
}
