import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A refresh or access token id revoked by logout; kept until the token would have expired. */
@Entity('revoked_token')
export class RevokedTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  jti: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
