import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person who logs in. Role and unit decide what they may see and do. */
@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 128 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** handler | unit-head | deputy-director | supervisor | admin */
  @Column({ type: 'varchar', length: 32 })
  role: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 64, nullable: true })
  unitCode: string | null;

  /** Units a deputy director (分管领导) oversees. */
  @Column({ name: 'deputy_units', type: 'text', array: true, default: '{}' })
  deputyUnits: string[];

  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  mobile: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Tokens issued before this instant are dead (set on deactivation, so reactivation revives none). */
  @Column({ name: 'tokens_valid_after', type: 'timestamptz', nullable: true })
  tokensValidAfter: Date | null;

  /** Demo accounts are created on first start and can be switched off. */
  @Column({ type: 'boolean', default: false })
  demo: boolean;

  /** Set for an account an admin made or reset: its holder must choose a password before anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
