import { passwordProblems } from '@duban/domain/access/password-policy';
import { BadInputError } from '@duban/domain/errors/domain-error';

/** The password policy, as a refused `password` field (every problem named at once). */
export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw new BadInputError('WEAK_PASSWORD', problems.join('；'), 'The password does not meet the policy', {
      field,
      fields: problems,
    });
  }
}
