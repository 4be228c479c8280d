import { ConfigError } from '@duban/domain/errors/config-error';
import { loadStackConfig } from './stack-config';

describe('loadStackConfig', () => {
  it('runs everything locally by default: API 3000, Temporal 7233 + UI 8233, PostgreSQL 54329, data in .data', () => {
    const config = loadStackConfig({}, '/srv/duban');
    expect(config).toMatchObject({
      dataDir: '/srv/duban/.data',
      apiPort: 3000,
      temporal: { address: '127.0.0.1:7233', local: true, namespace: 'default', taskQueue: 'duban-tasks' },
      temporalDev: { port: 7233, uiPort: 8233, dbFile: '/srv/duban/.data/temporal.sqlite' },
      database: { kind: 'embedded', port: 54329, dataDir: '/srv/duban/.data/postgres' },
    });
  });

  it('points the apps at a moved dev server port', () => {
    const config = loadStackConfig({ TEMPORAL_DEV_PORT: '17233', TEMPORAL_UI_PORT: '18233' }, '/srv/duban');
    expect(config.temporal.address).toBe('127.0.0.1:17233');
    expect(config.temporalDev).toMatchObject({ port: 17233, uiPort: 18233 });
  });

  it('starts no local services for an external Temporal and PostgreSQL', () => {
    const config = loadStackConfig(
      { TEMPORAL_ADDRESS: 'temporal.internal:7233', DATABASE_URL: 'postgres://u:p@db.internal/duban' },
      '/srv/duban',
    );
    expect(config.temporalDev).toBeUndefined();
    expect(config.database).toEqual({ kind: 'external', url: 'postgres://u:p@db.internal/duban' });
  });

  it.each([
    [{ API_PORT: '80000' }, 'API_PORT'],
    [{ API_PORT: 'three thousand' }, 'API_PORT'],
    [{ TEMPORAL_DEV_PORT: '0' }, 'TEMPORAL_DEV_PORT'],
    [{ TEMPORAL_UI_PORT: '-5' }, 'TEMPORAL_UI_PORT'],
    [{ TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS'],
    [{ DATABASE_URL: 'postgres//nope' }, 'DATABASE_URL'],
  ])('rejects %p naming %s', (env, setting) => {
    expect(() => loadStackConfig(env, '/srv/duban')).toThrow(ConfigError);
    expect(() => loadStackConfig(env, '/srv/duban')).toThrow(setting);
  });
});
