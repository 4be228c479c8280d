import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '@duban/domain/errors/config-error';

/** HS256 wants at least as many secret bytes as the hash output (RFC 7518 §3.2). */
export const MIN_SECRET_LENGTH = 32;

export type Env = Record<string, string | undefined>;

/**
 * The JWT signing secret. Production must set JWT_SECRET (a generated secret on one replica would not
 * verify on another). Development generates one once and keeps it under the data directory, so
 * tokens survive restarts and every local process shares it.
 */
export function resolveJwtSecret(env: Env = process.env): string {
  const configured = env.JWT_SECRET?.trim();
  if (configured) {
    if (configured.length < MIN_SECRET_LENGTH) {
      throw new ConfigError('JWT_SECRET', `JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
    }
    return configured;
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'JWT_SECRET',
      'JWT_SECRET is required when NODE_ENV=production (e.g. `openssl rand -base64 48`); ' +
        'every API process must use the same value',
    );
  }
  return readOrCreateSecretFile(join(resolve(env.DUBAN_DATA_DIR || '.data'), 'jwt-secret'));
}

function readOrCreateSecretFile(file: string): string {
  const existing = readSecretFile(file);
  if (existing !== undefined) return existing;
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // Written aside, then hard-linked into place: the file appears complete or not at all, and link()
  // fails if another process got there first, in which case its secret wins.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${secret}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readSecretFile(file) ?? secret;
  } finally {
    unlinkSync(temp);
  }
}

function readSecretFile(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      'JWT_SECRET',
      `the stored development secret ${file} is shorter than ${MIN_SECRET_LENGTH} characters; delete it to generate a new one`,
    );
  }
  return text;
}
