import { UserEntity } from '../entities';
import { isUuid } from '@duban/domain/text/uuid';
import { Queryable } from './queryable';

/** An account as it is created: by the admin, the first start's demo cast, the configured admin. */
export type NewUserRow = Pick<
  UserEntity,
  'username' | 'displayName' | 'passwordHash' | 'role' | 'unitCode' | 'deputyUnits' | 'email' | 'demo'
> &
  Partial<Pick<UserEntity, 'mustChangePassword' | 'mobile'>>;

/** A user as a request is authenticated: the account and whether the token was revoked. */
export interface SessionUserRow {
  id: string;
  username: string;
  displayName: string;
  role: UserEntity['role'];
  unitCode: string | null;
  deputyUnits: string[];
  active: boolean;
  tokensValidAfter: Date | null;
  /** Any of the token ids asked about is revoked. */
  revoked: boolean;
  /** The holder must choose a password before anything else. */
  mustChangePassword: boolean;
}

/** Users: the accounts a request is authenticated as, the names beside what they did; the only writer of app_user. */
export class UserRepository {
  constructor(private readonly db: Queryable) {}

  /** Every account by username. */
  all(): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).find({ order: { username: 'ASC' } });
  }

  count(): Promise<number> {
    return this.db.getRepository(UserEntity).count();
  }

  usernameTaken(username: string): Promise<boolean> {
    return this.db.getRepository(UserEntity).exists({ where: { username } });
  }

  /** Inserts active accounts; a taken username fails with a unique violation. */
  async insert(rows: NewUserRow[]): Promise<UserEntity[]> {
    const users = this.db.getRepository(UserEntity);
    return users.save(rows.map((r) => users.create({ ...r, active: true })));
  }

  /** Writes back an account that was changed (role, unit, password, deactivation). */
  save(user: UserEntity): Promise<UserEntity> {
    return this.db.getRepository(UserEntity).save(user);
  }

  /** Active administrators: none means nobody can set the system up from the pages yet. */
  activeAdminCount(): Promise<number> {
    return this.db.getRepository(UserEntity).count({ where: { role: 'admin', active: true } });
  }

  /** The demo accounts one can sign in with, by unit and role. */
  activeDemoAccounts(): Promise<UserEntity[]> {
    return this.db
      .getRepository(UserEntity)
      .find({ where: { demo: true, active: true }, order: { createdAt: 'ASC', username: 'ASC' } });
  }

  /** Switches every active demo account off; how many were. */
  async deactivateDemoAccounts(): Promise<number> {
    const result = await this.db.getRepository(UserEntity).update({ demo: true, active: true }, { active: false });
    return result.affected ?? 0;
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOne({ where: { username } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOne({ where: { id } });
  }

  /**
   * The user and the revocation of the token's ids in one query, so a logout, a deactivation or a
   * role change applies to the very next request.
   */
  async session(userId: string, tokenIds: [string, string]): Promise<SessionUserRow | null> {
    const [row]: Record<string, unknown>[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.unit_code, u.deputy_units, u.active, u.tokens_valid_after, u.must_change_password,
              EXISTS (SELECT 1 FROM revoked_token r WHERE r.jti = $2 OR r.jti = $3) AS revoked
         FROM app_user u WHERE u.id = $1`,
      [userId, ...tokenIds],
    );
    if (!row) return null;
    return {
      id: String(row.id),
      username: String(row.username),
      displayName: String(row.display_name),
      role: row.role as UserEntity['role'],
      unitCode: (row.unit_code as string | null) ?? null,
      deputyUnits: (row.deputy_units as string[] | null) ?? [],
      active: Boolean(row.active),
      tokensValidAfter: (row.tokens_valid_after as Date | null) ?? null,
      revoked: Boolean(row.revoked),
      mustChangePassword: Boolean(row.must_change_password),
    };
  }

  /** Display names by user id; ids that are no user id are left out. */
  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter(isUuid))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await this.db.query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /**
   * The mailboxes behind unit/role recipients: every active user with an address who holds that
   * role in that unit ('*': any unit), or oversees the unit as a deputy director.
   */
  async mailboxes(
    recipients: { unitCode: string; role: string }[],
  ): Promise<{ email: string; name: string; unitCode: string; role: string }[]> {
    if (recipients.length === 0) return [];
    const rows: { email: string; display_name: string; unit: string; role: string }[] = await this.db.query(
      `SELECT DISTINCT u.email, u.display_name, t.unit, t.role
         FROM app_user u
         JOIN jsonb_to_recordset($1::jsonb) AS t(unit text, role text)
           ON t.role = u.role AND (t.unit = '*' OR t.unit = u.unit_code OR t.unit = ANY(u.deputy_units))
        WHERE u.active AND u.email IS NOT NULL`,
      [JSON.stringify(recipients.map((r) => ({ unit: r.unitCode, role: r.role })))],
    );
    return rows.map((r) => ({ email: r.email, name: r.display_name, unitCode: r.unit, role: r.role }));
  }
}
