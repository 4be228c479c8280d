import { QueryFailedError } from 'typeorm';
import { OrgUnitEntity, UserEntity } from '../entities';
import { NewUnitRow, UnitRepository } from '../repositories/unit-repository';
import { NewUserRow, UserRepository } from '../repositories/user-repository';

/** The error PostgreSQL gives for a taken unique value, as the driver wraps it. */
export function uniqueViolation(): QueryFailedError {
  return new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
}

/** UnitRepository over an array, with org_unit's unique code and name, for services' unit tests. */
export function inMemoryUnits(initial: Partial<OrgUnitEntity>[] = []) {
  const rows: OrgUnitEntity[] = initial.map((u, i) => unitRow(u, i));
  const clash = (u: { code: string; name: string }, self?: OrgUnitEntity) =>
    rows.some((r) => r !== self && (r.code === u.code || r.name === u.name));
  const repository = {
    findActive: async (code: string) => rows.find((r) => r.code === code && r.active) ?? null,
    findByCode: async (code: string) => rows.find((r) => r.code === code) ?? null,
    active: async () => rows.filter((r) => r.active).sort((a, b) => a.name.localeCompare(b.name)),
    all: async () => [...rows],
    existingCodes: async (codes: string[]) => new Set(rows.filter((r) => codes.includes(r.code)).map((r) => r.code)),
    count: async () => rows.length,
    insert: async (u: NewUnitRow) => {
      if (clash(u)) throw uniqueViolation();
      const row = unitRow(u, rows.length);
      rows.push(row);
      return { ...row };
    },
    insertMissing: async (units: NewUnitRow[]) => {
      for (const u of units) if (!rows.some((r) => r.code === u.code)) rows.push(unitRow(u, rows.length));
    },
    save: async (unit: OrgUnitEntity) => {
      const stored = rows.find((r) => r.code === unit.code);
      if (!stored) throw new Error(`no unit ${unit.code}`);
      if (clash(unit, stored)) throw uniqueViolation();
      Object.assign(stored, unit);
      return { ...stored };
    },
    addAlias: async (code: string, alias: string) => {
      const stored = rows.find((r) => r.code === code);
      if (stored && !stored.aliases.includes(alias)) stored.aliases.push(alias);
    },
  };
  return { rows, repository: repository as unknown as UnitRepository };
}

/** UserRepository over an array, with app_user's unique username, for services' unit tests. */
export function inMemoryUsers(initial: Partial<UserEntity>[] = []) {
  const rows: UserEntity[] = initial.map((u, i) => userRow(u, i));
  const repository = {
    findByUsername: async (username: string) => copy(rows.find((r) => r.username === username)),
    findById: async (id: string) => copy(rows.find((r) => r.id === id)),
    all: async () => [...rows].sort((a, b) => a.username.localeCompare(b.username)).map((r) => ({ ...r })),
    count: async () => rows.length,
    usernameTaken: async (username: string) => rows.some((r) => r.username === username),
    insert: async (news: NewUserRow[]) => {
      if (news.some((n) => rows.some((r) => r.username === n.username))) throw uniqueViolation();
      const added = news.map((n, i) => userRow({ ...n, active: true }, rows.length + i));
      rows.push(...added);
      return added.map((r) => ({ ...r }));
    },
    save: async (user: UserEntity) => {
      const stored = rows.find((r) => r.id === user.id);
      if (!stored) throw new Error(`no user ${user.id}`);
      Object.assign(stored, user);
      return { ...stored };
    },
    deactivateDemoAccounts: async () => {
      const demo = rows.filter((r) => r.demo && r.active);
      for (const r of demo) r.active = false;
      return demo.length;
    },
  };
  return { rows, repository: repository as unknown as UserRepository };
}

function copy<T extends object>(row: T | undefined): T | null {
  return row ? { ...row } : null;
}

function unitRow(u: Partial<OrgUnitEntity>, i: number): OrgUnitEntity {
  return Object.assign(new OrgUnitEntity(), {
    code: `unit-${i}`,
    name: `单位${i}`,
    aliases: [],
    kind: 'section',
    parentBody: null,
    active: true,
    createdAt: new Date(Date.UTC(2026, 11, 1, 0, i)),
    ...u,
  });
}

function userRow(u: Partial<UserEntity>, i: number): UserEntity {
  return Object.assign(new UserEntity(), {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    username: `user${i}`,
    displayName: `用户${i}`,
    passwordHash: 'hash',
    role: 'handler',
    unitCode: null,
    deputyUnits: [],
    email: null,
    mobile: null,
    active: true,
    tokensValidAfter: null,
    demo: false,
    mustChangePassword: false,
    createdAt: new Date(Date.UTC(2026, 11, 1, 0, i)),
    ...u,
  });
}
