import { EntityManager } from 'typeorm';
import { UserEntity } from '@duban/persistence/entities';

export type AdminUpsert = 'created' | 'reset' | 'promoted';

/**
 * Makes `username` an active, non-demo administrator with the given password hash: creates it, or
 * resets the password of the existing account (promoting it to admin if it was not one).
 */
export async function upsertAdminAccount(
  manager: EntityManager,
  username: string,
  passwordHash: string,
): Promise<AdminUpsert> {
  const users = manager.getRepository(UserEntity);
  const existing = await users.findOne({ where: { username } });
  if (!existing) {
    await users.insert({
      username,
      displayName: '系统管理员',
      passwordHash,
      role: 'admin',
      unitCode: null,
      deputyUnits: [],
      active: true,
      demo: false,
    });
    return 'created';
  }
  const wasAdmin = existing.role === 'admin';
  await users.update(
    { id: existing.id },
    { passwordHash, role: 'admin', unitCode: null, deputyUnits: [], active: true, demo: false },
  );
  return wasAdmin ? 'reset' : 'promoted';
}
