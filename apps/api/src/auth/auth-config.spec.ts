import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@duban/domain/errors/config-error';
import { loadAuthConfig } from './auth-config';
import { parseDurationSeconds } from './duration';
import { resolveJwtSecret } from './jwt-secret';

const SECRET = 'a-production-secret-of-enough-length-123';

describe('parseDurationSeconds', () => {
  it.each([
    ['900', 900],
    ['45s', 45],
    ['15m', 900],
    ['12h', 43200],
    ['7d', 604800],
    [' 2D ', 172800],
  ])('%p → %p', (text, seconds) => expect(parseDurationSeconds(text)).toBe(seconds));

  it.each(['', '0', '15 minutes', '-5m', '1.5h', 'm'])('refuses %p', (text) =>
    expect(parseDurationSeconds(text)).toBeUndefined(),
  );
});

describe('JWT secret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'duban-auth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the start in production without JWT_SECRET, naming the setting', () => {
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', DUBAN_DATA_DIR: dir })).toThrow(ConfigError);
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', DUBAN_DATA_DIR: dir })).toThrow(
      /JWT_SECRET is required when NODE_ENV=production/,
    );
  });

  it('uses JWT_SECRET when set and refuses a short one', () => {
    expect(resolveJwtSecret({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toBe(SECRET);
    expect(() => resolveJwtSecret({ JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });

  it('generates a secret in development, stores it privately and reuses it', () => {
    const first = resolveJwtSecret({ DUBAN_DATA_DIR: dir });
    const file = join(dir, 'jwt-secret');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret({ DUBAN_DATA_DIR: dir })).toBe(first);
  });

  it('refuses a stored secret that is too short to be safe, telling what to do', () => {
    writeFileSync(join(dir, 'jwt-secret'), 'tiny\n');
    expect(() => resolveJwtSecret({ DUBAN_DATA_DIR: dir })).toThrow(/shorter than 32 characters; delete it/);
  });

  it('creates the data directory when missing and leaves no temporary files', () => {
    const nested = join(dir, 'a', 'b');
    const secret = resolveJwtSecret({ DUBAN_DATA_DIR: nested });
    expect(readdirSync(nested)).toEqual(['jwt-secret']);
    expect(resolveJwtSecret({ DUBAN_DATA_DIR: nested })).toBe(secret);
  });
});

describe('loadAuthConfig', () => {
  it('defaults to 15 minutes access, 7 days refresh, 5 failures per user and 30 per address per 15 minutes', () => {
    expect(loadAuthConfig({ JWT_SECRET: SECRET })).toEqual({
      jwtSecret: SECRET,
      accessTtlSeconds: 900,
      refreshTtlSeconds: 604800,
      loginMaxFailures: 5,
      loginMaxFailuresPerIp: 30,
      loginWindowSeconds: 900,
    });
  });

  it('reads the lifetimes and limits from the environment', () => {
    const config = loadAuthConfig({
      JWT_SECRET: SECRET,
      JWT_ACCESS_TTL: '5m',
      JWT_REFRESH_TTL: '1d',
      AUTH_LOGIN_MAX_FAILURES: '3',
      AUTH_LOGIN_WINDOW: '1h',
    });
    expect(config).toMatchObject({
      accessTtlSeconds: 300,
      refreshTtlSeconds: 86400,
      loginMaxFailures: 3,
      loginWindowSeconds: 3600,
    });
  });

  it('names the bad setting', () => {
    expect(() => loadAuthConfig({ JWT_SECRET: SECRET, JWT_ACCESS_TTL: 'soon' })).toThrow(/JWT_ACCESS_TTL/);
    expect(() => loadAuthConfig({ JWT_SECRET: SECRET, JWT_ACCESS_TTL: '7d', JWT_REFRESH_TTL: '1d' })).toThrow(
      /JWT_REFRESH_TTL must be longer/,
    );
    expect(() => loadAuthConfig({ JWT_SECRET: SECRET, AUTH_LOGIN_MAX_FAILURES: '0' })).toThrow(
      /AUTH_LOGIN_MAX_FAILURES/,
    );
  });
});
