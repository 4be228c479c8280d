import { join } from 'node:path';
import { ConfigError } from '@duban/domain/errors/config-error';
import { loadDatabaseConfig } from './database-config';

const error = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadDatabaseConfig(env, '/srv/duban');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('loadDatabaseConfig', () => {
  it('falls back to the embedded server under .data/postgres on port 54329', () => {
    expect(loadDatabaseConfig({}, '/srv/duban')).toEqual({
      kind: 'embedded',
      dataDir: join('/srv/duban', '.data', 'postgres'),
      port: 54329,
      database: 'duban',
    });
  });

  it('honours DUBAN_DATA_DIR and DUBAN_PG_PORT', () => {
    expect(loadDatabaseConfig({ DUBAN_DATA_DIR: '/var/lib/duban', DUBAN_PG_PORT: '6543' }, '/srv/duban')).toMatchObject(
      {
        dataDir: '/var/lib/duban/postgres',
        port: 6543,
      },
    );
  });

  it.each(['postgres://duban:pw@db.internal:5432/duban', 'postgresql://db.internal/duban?sslmode=require'])(
    'accepts %p',
    (url) => expect(loadDatabaseConfig({ DATABASE_URL: url })).toEqual({ kind: 'external', url }),
  );

  it.each([
    ['not a url', 'not a valid URL'],
    ['db.internal:5432/duban', 'scheme'],
    ['mysql://u:p@db.internal/duban', 'scheme "mysql:"'],
    ['postgres://u:p@db.internal:5432', 'names no database'],
    ['postgres://u:p@db.internal:5432/', 'names no database'],
    ['postgres://u:p@db.internal:99999/duban', 'not a valid URL'],
  ])('rejects %p naming DATABASE_URL', (url, why) => {
    const e = error({ DATABASE_URL: url });
    expect(e.setting).toBe('DATABASE_URL');
    expect(e.message).toMatch(/^DATABASE_URL /);
    expect(e.message).toContain(why);
  });

  it('never echoes the password of a rejected URL', () => {
    expect(error({ DATABASE_URL: 'mysql://u:s3cret@db/duban' }).message).not.toContain('s3cret');
  });

  it('names DUBAN_PG_PORT when it is not a port', () => {
    expect(error({ DUBAN_PG_PORT: 'postgres' }).setting).toBe('DUBAN_PG_PORT');
  });
});
