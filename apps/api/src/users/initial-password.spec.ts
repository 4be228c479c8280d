import { passwordProblems } from '@duban/domain/access/password-policy';
import { initialPassword } from './initial-password';

describe('initialPassword', () => {
  it('is 12 legible characters inside the policy, and different each time', () => {
    const made = Array.from({ length: 200 }, () => initialPassword('zhang'));
    for (const p of made) {
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
      expect(passwordProblems(p, 'zhang')).toEqual([]);
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
