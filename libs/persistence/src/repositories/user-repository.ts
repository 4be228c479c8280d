import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';
import { isUuid } from '@duban/domain/text/uuid';

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
}

/** Users: the accounts a request is authenticated as, the names beside what they did. */
export class UserRepository {
  constructor(private readonly db: DataSource) {}

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
      `SELECT u.id, u.username, u.display_name, u.role, u.unit_code, u.deputy_units, u.active, u.tokens_valid_after,
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
}
