export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * Passwords people pick first, lower-cased (those of 10+ characters in the common-password lists,
 * Chinese favourites among them): a policy that let these through would be a policy in name only.
 */
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '123456789a',
  'a123456789',
  '1q2w3e4r5t',
  'qwertyuiop',
  'qwerty1234',
  '1qaz2wsx3edc',
  'password12',
  'password123',
  'password1234',
  'p@ssw0rd123',
  'passw0rd123',
  'admin12345',
  'admin123456',
  'abc1234567',
  'abcd123456',
  'aa12345678',
  'woaini1314',
  '5201314520',
  'iloveyou123',
  'zxcvbnm123',
  'asdfghjkl1',
  'changeme123',
  'welcome123',
  'duban-demo-2021',
]);

/** What is wrong with a password, in the API's field-message style; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(
      `密码至少 ${MIN_PASSWORD_LENGTH} 个字符 / the password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    problems.push(`密码最长 ${MAX_PASSWORD_LENGTH} 个字符 / the password is at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) {
    problems.push('密码不能包含用户名 / the password must not contain the username');
  }
  if (COMMON.has(lower) || isRun(lower)) {
    problems.push('密码过于常见或有规律，容易被猜中 / the password is too common or too regular to be safe');
  }
  return problems;
}

/** One character repeated, or a straight run up or down (aaaaaaaaaa, 9876543210, abcdefghij). */
function isRun(text: string): boolean {
  // A single character has no steps, so it is no run.
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]);
}
