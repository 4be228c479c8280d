import { MAX_PASSWORD_LENGTH, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id into a PHC string that verifies only the same password', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(hash).not.toContain('correct horse battery');
    await expect(hasher.verify(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'correct horse batterY')).resolves.toBe(false);
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(a).not.toBe(b);
    await expect(hasher.verify(b, 'same password')).resolves.toBe(true);
  });

  it('answers false, not an exception, for a malformed stored hash', async () => {
    await expect(hasher.verify('not-a-hash', 'whatever')).resolves.toBe(false);
  });

  it('refuses over-long passwords without hashing them', async () => {
    const long = 'x'.repeat(MAX_PASSWORD_LENGTH + 1);
    const hash = await hasher.hash(long);
    await expect(hasher.verify(hash, long)).resolves.toBe(false);
  });

  it('verifyAgainstNothing always fails', async () => {
    await expect(hasher.verifyAgainstNothing('duban-no-such-user')).resolves.toBe(false);
  });
});
