import { DataSource } from 'typeorm';

/** Users as the read side shows them: the names beside what they did. */
export class UserRepository {
  constructor(private readonly db: DataSource) {}

  /** Display names by user id; ids that are no user id are left out. */
  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await this.db.query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
}
