import { UserEntity } from '@duban/persistence/entities';
import { Transactions, TransactionScope } from '@duban/persistence/repositories/transactions';
import { DEFAULT_ORG_UNITS } from '@duban/persistence/seed/default-org-units';
import { inMemoryUnits, inMemoryUsers } from '@duban/persistence/testing/in-memory-accounts';
import { PasswordHasher } from '../auth/password-hasher';
import { loadSeedConfig } from './seed-config';
import { SEED_ADVISORY_LOCK_KEY } from './seed-lock';
import { SeedService } from './seed.service';

/** The seeder over in-memory units and users; the locks it takes are recorded. */
function seederOver(users: Partial<UserEntity>[] = [], units = inMemoryUnits()) {
  const accounts = inMemoryUsers(users);
  const locks: number[] = [];
  const scope = {
    units: units.repository,
    users: accounts.repository,
    advisoryLock: async (key: number) => void locks.push(key),
  } as unknown as TransactionScope;
  const transactions = { run: (work: (tx: TransactionScope) => Promise<unknown>) => work(scope) } as Transactions;
  const hasher = { hash: async (p: string) => `hashed:${p}` } as unknown as PasswordHasher;
  return { seeder: new SeedService(transactions, hasher), units: units.rows, users: accounts.rows, locks };
}

describe('first-start data', () => {
  it('seeds the default units and a demo cast into an empty database, under the seeding lock', async () => {
    const s = seederOver();
    const report = await s.seeder.run(loadSeedConfig({}));
    expect(s.locks).toEqual([SEED_ADVISORY_LOCK_KEY]);
    expect(report.unitsSeeded).toBe(DEFAULT_ORG_UNITS.length);
    expect(s.units.map((u) => u.code).sort()).toEqual(DEFAULT_ORG_UNITS.map((u) => u.code).sort());
    expect(report.demoAccountsCreated).toHaveLength(DEFAULT_ORG_UNITS.length * 2 + 4);
    expect(s.users.every((u) => u.demo && u.active && u.passwordHash === 'hashed:duban-demo-2021')).toBe(true);
    expect(report.admin).toBeNull();
  });

  it('adds nothing to a database that has units and accounts', async () => {
    const s = seederOver([{ username: 'wang' }], inMemoryUnits([{ code: 'ecology', name: '生态股' }]));
    const report = await s.seeder.run(loadSeedConfig({}));
    expect(report).toMatchObject({ unitsSeeded: 0, demoAccountsCreated: [], demoAccountsDeactivated: 0 });
    expect(s.units).toHaveLength(1);
    expect(s.users).toHaveLength(1);
  });

  it('switches the demo accounts off when DUBAN_DEMO_ACCOUNTS=off, leaving real accounts alone', async () => {
    const s = seederOver([
      { username: 'demo1', demo: true },
      { username: 'demo2', demo: true, active: false },
      { username: 'wang', demo: false },
    ]);
    const report = await s.seeder.run(loadSeedConfig({ DUBAN_DEMO_ACCOUNTS: 'off' }));
    expect(report.demoAccountsDeactivated).toBe(1);
    expect(s.users.map((u) => [u.username, u.active])).toEqual([
      ['demo1', false],
      ['demo2', false],
      ['wang', true],
    ]);
  });

  it('creates the configured admin, then resets its password, and promotes an account of that name', async () => {
    const env = { DUBAN_DEMO_ACCOUNTS: 'off', DUBAN_ADMIN_USERNAME: 'Chief', DUBAN_ADMIN_PASSWORD: 'first-pass-2027' };
    const s = seederOver([{ username: 'wang', role: 'handler', unitCode: 'ecology' }]);
    expect((await s.seeder.run(loadSeedConfig(env))).admin).toEqual({ username: 'chief', result: 'created' });
    const again = await s.seeder.run(loadSeedConfig({ ...env, DUBAN_ADMIN_PASSWORD: 'second-pass-2027' }));
    expect(again.admin?.result).toBe('reset');
    expect(s.users.find((u) => u.username === 'chief')).toMatchObject({
      role: 'admin',
      passwordHash: 'hashed:second-pass-2027',
      demo: false,
    });
    const promoted = await s.seeder.run(loadSeedConfig({ ...env, DUBAN_ADMIN_USERNAME: 'wang' }));
    expect(promoted.admin?.result).toBe('promoted');
    expect(s.users.find((u) => u.username === 'wang')).toMatchObject({ role: 'admin', unitCode: null, active: true });
  });
});
