import { randomInt } from 'node:crypto';
import { passwordProblems } from '@duban/domain/access/password-policy';

/** No 0/O, 1/l/I: the password is read off a screen or a sheet and typed once. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

/**
 * A one-time password for an account an admin creates: random, legible, and inside the policy.
 * Its holder must replace it at first sign-in (must_change_password), so it is shown once only.
 */
export function initialPassword(username: string): string {
  for (;;) {
    const candidate = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (passwordProblems(candidate, username).length === 0) return candidate;
  }
}
