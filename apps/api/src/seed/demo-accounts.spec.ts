import { DEFAULT_ORG_UNITS } from '@duban/persistence/seed/default-org-units';
import { USERNAME_PATTERN } from '@duban/domain/access/username';
import { buildDemoAccounts } from './demo-accounts';
import { loadSeedConfig } from './seed-config';

describe('buildDemoAccounts', () => {
  const accounts = buildDemoAccounts(DEFAULT_ORG_UNITS);
  const byName = new Map(accounts.map((a) => [a.username, a]));

  it('has a handler and a head per unit, two deputies, a supervisor and an admin', () => {
    expect(accounts).toHaveLength(DEFAULT_ORG_UNITS.length * 2 + 4);
    for (const unit of DEFAULT_ORG_UNITS) {
      expect(byName.get(`${unit.code}.handler`)).toMatchObject({ role: 'handler', unitCode: unit.code });
      expect(byName.get(`${unit.code}.head`)).toMatchObject({ role: 'unit-head', unitCode: unit.code });
    }
    expect(byName.get('supervisor')).toMatchObject({ role: 'supervisor', displayName: '督查室' });
    expect(byName.get('admin')).toMatchObject({ role: 'admin' });
  });

  it('names people after their unit in Chinese', () => {
    expect(byName.get('water-air.handler')?.displayName).toBe('水气股承办人');
    expect(byName.get('water-air.head')?.displayName).toBe('水气股股长');
    expect(byName.get('monitoring.head')?.displayName).toBe('监测站负责人');
  });

  it('splits every unit between the two deputy directors, none twice', () => {
    expect(byName.get('deputy.a')?.deputyUnits).toEqual(['water-air', 'enforcement', 'monitoring']);
    expect(byName.get('deputy.b')?.deputyUnits.sort()).toEqual(
      ['ecology', 'eia-radiation', 'general', 'office', 'party-branch', 'party-group'].sort(),
    );
  });

  it('uses valid, unique usernames', () => {
    expect(byName.size).toBe(accounts.length);
    for (const a of accounts) expect(a.username).toMatch(USERNAME_PATTERN);
  });
});

describe('loadSeedConfig', () => {
  it('creates demo accounts with the default password unless switched off', () => {
    expect(loadSeedConfig({})).toEqual({
      demoAccounts: true,
      demoPassword: 'duban-demo-2021',
      demoPasswordIsDefault: true,
      admin: null,
    });
    expect(loadSeedConfig({ DUBAN_DEMO_ACCOUNTS: 'OFF' }).demoAccounts).toBe(false);
  });

  it('takes the admin from the environment, both variables or neither', () => {
    expect(loadSeedConfig({ DUBAN_ADMIN_USERNAME: 'Chief', DUBAN_ADMIN_PASSWORD: 'long-enough-pw' }).admin).toEqual({
      username: 'chief',
      password: 'long-enough-pw',
    });
    expect(() => loadSeedConfig({ DUBAN_ADMIN_USERNAME: 'chief' })).toThrow(/DUBAN_ADMIN_PASSWORD/);
    expect(() => loadSeedConfig({ DUBAN_ADMIN_USERNAME: 'chief', DUBAN_ADMIN_PASSWORD: 'short' })).toThrow(
      /DUBAN_ADMIN_PASSWORD must be 10-128/,
    );
  });
});
