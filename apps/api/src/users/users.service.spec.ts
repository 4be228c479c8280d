import { AuditRecord } from '@duban/persistence/audit/audit-log.writer';
import { UserEntity } from '@duban/persistence/entities';
import { inMemoryUnits, inMemoryUsers } from '@duban/persistence/testing/in-memory-accounts';
import { AuditLog } from '../auth/audit-log';
import { AuthUser } from '../auth/auth-user';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from '../auth/password-hasher';
import { UnitsService } from '../units/units.service';
import { UsersService } from './users.service';

const ADMIN_ID = '00000000-0000-4000-8000-000000000000';
const ZHANG_ID = '00000000-0000-4000-8000-0000000000aa';

function serviceOver(users: Partial<UserEntity>[] = []) {
  const audited: AuditRecord[] = [];
  const audit = { record: async (r: AuditRecord) => void audited.push(r) } as unknown as AuditLog;
  const units = new UnitsService(
    inMemoryUnits([
      { code: 'water-air', name: '水气股' },
      { code: 'ecology', name: '生态股' },
    ]).repository,
    audit,
  );
  // A readable stand-in for argon2 (its own spec covers it): what is stored shows what was hashed.
  const hasher = { hash: async (p: string) => `hashed:${p}` } as unknown as PasswordHasher;
  const store = inMemoryUsers([{ id: ADMIN_ID, username: 'admin', role: 'admin' }, ...users]);
  const admin: AuthUser = {
    id: ADMIN_ID,
    username: 'admin',
    displayName: '管理员',
    role: 'admin',
    unitCode: null,
    deputyUnits: [],
  };
  // Failed sign-ins by username, as login_attempt counts them (the SQL is covered end to end).
  const failures = new Map<string, number>([['zhang', 5]]);
  const throttle = {
    locked: async () => new Map(failures),
    unlock: async (username: string) => {
      const n = failures.get(username) ?? 0;
      failures.delete(username);
      return n;
    },
  } as unknown as LoginThrottle;
  return {
    service: new UsersService(store.repository, units, hasher, audit, throttle),
    rows: store.rows,
    audited,
    admin,
  };
}

const newHead = {
  username: 'wang',
  displayName: ' 王股长 ',
  password: 'Secret-2027',
  role: 'unit-head',
  unitCode: 'water-air',
} as const;

describe('account administration', () => {
  it('creates an account with a hashed password and a trimmed name, and audits it without the hash', async () => {
    const { service, rows, audited, admin } = serviceOver();
    const view = await service.create({ ...newHead }, admin);
    expect(view).toMatchObject({ username: 'wang', displayName: '王股长', role: 'unit-head', unitCode: 'water-air' });
    expect(rows.find((r) => r.username === 'wang')).toMatchObject({ passwordHash: 'hashed:Secret-2027', demo: false });
    expect(audited).toEqual([expect.objectContaining({ action: 'user-create', actor: admin })]);
    expect(JSON.stringify(audited)).not.toContain('Secret-2027');
  });

  it('refuses a taken username, also when another request took it between the check and the insert', async () => {
    const { service, admin } = serviceOver([{ username: 'wang' }]);
    await expect(service.create({ ...newHead }, admin)).rejects.toMatchObject({ status: 409, code: 'USERNAME_TAKEN' });
    const raced = serviceOver();
    raced.service['users'].usernameTaken = async () => false;
    raced.rows.push({ ...raced.rows[0], id: 'x', username: 'wang' });
    await expect(raced.service.create({ ...newHead }, raced.admin)).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
  });

  it('refuses an account shape the roles do not allow, and units that do not exist, naming the field', async () => {
    const { service, rows, admin } = serviceOver();
    await expect(service.create({ ...newHead, unitCode: undefined }, admin)).rejects.toMatchObject({
      status: 400,
      details: { fields: [expect.stringContaining('unitCode')] },
    });
    await expect(service.create({ ...newHead, unitCode: 'nope' }, admin)).rejects.toMatchObject({
      code: 'UNKNOWN_UNIT',
      details: { field: 'unitCode', codes: ['nope'] },
    });
    await expect(
      service.create(
        { ...newHead, role: 'deputy-director', unitCode: undefined, deputyUnits: ['ecology', 'gone'] },
        admin,
      ),
    ).rejects.toMatchObject({ details: { field: 'deputyUnits', codes: ['gone'] } });
    expect(rows).toHaveLength(1);
  });

  it('will not let an admin deactivate or demote themselves', async () => {
    const { service, admin } = serviceOver();
    await expect(service.update(ADMIN_ID, { active: false }, admin)).rejects.toMatchObject({ status: 403 });
    await expect(service.update(ADMIN_ID, { role: 'supervisor' }, admin)).rejects.toMatchObject({ status: 403 });
    await expect(service.update(ADMIN_ID, { displayName: '系统管理员' }, admin)).resolves.toMatchObject({
      displayName: '系统管理员',
    });
  });

  it('ends every token of a deactivated account, and a reactivation does not revive them', async () => {
    const { service, rows, admin } = serviceOver([
      { id: 'u-w', username: 'wang', role: 'unit-head', unitCode: 'water-air' },
    ]);
    await service.update('u-w', { active: false }, admin);
    const cut = rows.find((r) => r.id === 'u-w')!.tokensValidAfter;
    expect(cut).toBeInstanceOf(Date);
    await service.update('u-w', { active: true }, admin);
    expect(rows.find((r) => r.id === 'u-w')).toMatchObject({ active: true, tokensValidAfter: cut });
  });

  it('makes a demo account real when an admin sets its password, and audits the reset as such', async () => {
    const { service, rows, audited, admin } = serviceOver([
      { id: 'u-d', username: 'demo', demo: true, unitCode: 'ecology' },
    ]);
    await service.update('u-d', { password: 'New-pass-2027' }, admin);
    expect(rows.find((r) => r.id === 'u-d')).toMatchObject({ passwordHash: 'hashed:New-pass-2027', demo: false });
    expect(audited.at(-1)).toMatchObject({ action: 'user-update', detail: 'password reset' });
  });

  it('drops the oversight list when a deputy director becomes another role, judging the merged account', async () => {
    const { service, admin } = serviceOver([
      { id: 'u-f', username: 'fu', role: 'deputy-director', deputyUnits: ['ecology'], unitCode: null },
    ]);
    await expect(service.update('u-f', { role: 'supervisor' }, admin)).resolves.toMatchObject({
      role: 'supervisor',
      deputyUnits: [],
    });
    await expect(service.update('u-f', { role: 'handler' }, admin)).rejects.toMatchObject({ status: 400 });
  });

  it('answers an account that is not there as not found', async () => {
    const { service } = serviceOver();
    await expect(service.get('00000000-0000-4000-8000-00000000abcd')).rejects.toMatchObject({ status: 404 });
  });
});

describe('UsersService.unlock', () => {
  it('forgets the account’s failed sign-ins and says so in the audit log', async () => {
    const { service, audited, admin } = serviceOver([{ id: ZHANG_ID, username: 'zhang' }]);
    expect(await service.locked()).toEqual(new Map([['zhang', 5]]));
    await service.unlock(ZHANG_ID, admin);
    expect(await service.locked()).toEqual(new Map());
    expect(audited.at(-1)).toMatchObject({
      action: 'user-unlock',
      subject: ZHANG_ID,
      detail: '5 failed sign-ins cleared',
    });
  });
});
