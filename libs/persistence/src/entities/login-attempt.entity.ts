import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-in attempt, for throttling: reserved as 'pending' before the password is checked (under
 * a per-IP lock, so parallel guesses are counted), then settled as 'ok' or 'failed'.
 */
@Entity('login_attempt')
@Index(['username', 'ip', 'at'])
@Index(['ip', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** pending | ok | failed */
  @Column({ type: 'varchar', length: 16 })
  outcome: string;
}
