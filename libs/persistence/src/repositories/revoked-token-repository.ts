import { DataSource } from 'typeorm';

/** Revoked token ids (jti): every API process sees a logout at once. */
export class RevokedTokenRepository {
  constructor(private readonly db: DataSource) {}

  /** Revokes a jti; true only for the call that revoked it (refresh rotation relies on it). */
  async revoke(jti: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'INSERT INTO revoked_token (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING RETURNING jti',
      [jti, expiresAt],
    );
    return rows.length === 1;
  }

  async isRevoked(jti: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM revoked_token WHERE jti = $1', [jti]);
    return rows.length > 0;
  }

  /** Forgets ids whose tokens have expired anyway, with a margin for clock skew. */
  async purgeExpired(): Promise<void> {
    await this.db.query("DELETE FROM revoked_token WHERE expires_at < now() - interval '5 minutes'");
  }
}
