import { UserRepository } from '@duban/persistence/repositories/user-repository';

export type AdminUpsert = 'created' | 'reset' | 'promoted';

/**
 * Makes `username` an active, non-demo administrator with the given password hash: creates it, or
 * resets the password of the existing account (promoting it to admin if it was not one).
 */
export async function upsertAdminAccount(
  users: UserRepository,
  username: string,
  passwordHash: string,
): Promise<AdminUpsert> {
  const existing = await users.findByUsername(username);
  if (!existing) {
    await users.insert([
      {
        username,
        displayName: '系统管理员',
        passwordHash,
        role: 'admin',
        unitCode: null,
        deputyUnits: [],
        email: null,
        demo: false,
      },
    ]);
    return 'created';
  }
  const wasAdmin = existing.role === 'admin';
  await users.save(
    Object.assign(existing, {
      passwordHash,
      role: 'admin',
      unitCode: null,
      deputyUnits: [],
      active: true,
      demo: false,
    }),
  );
  return wasAdmin ? 'reset' : 'promoted';
}
