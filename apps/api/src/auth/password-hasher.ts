import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

import { MAX_PASSWORD_LENGTH } from '@duban/domain/access/password-policy';

// Passwords longer than the maximum are refused before hashing (argon2 cost grows with input).
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@duban/domain/access/password-policy';

/**
 * Argon2id with the library defaults (m=19 MiB, t=2, p=1: the OWASP minimum). The parameters live in
 * each PHC string, so raising them later still verifies old hashes.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** False for a wrong password and for a malformed stored hash (never throws on bad input). */
  async verify(storedHash: string, password: string): Promise<boolean> {
    if (password.length > MAX_PASSWORD_LENGTH) return false;
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check when the user does not exist, so timing reveals nothing. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= hash('duban-no-such-user');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
