import { MAX_PASSWORD_LENGTH, passwordProblems } from './password-policy';

describe('the password policy', () => {
  it.each([
    ['short', '短密码'],
    ['Water-air-2027', 'water-air'],
    ['1234567890', 'wang'],
    ['QwertyUIOP', 'wang'],
    ['woaini1314', 'wang'],
    ['aaaaaaaaaaaa', 'wang'],
    ['9876543210', 'wang'],
    ['abcdefghijk', 'wang'],
    ['duban-demo-2021', 'wang'],
  ])('refuses %p for %p', (password, username) => {
    expect(passwordProblems(password, username)).not.toEqual([]);
  });

  it.each([
    ['春江水暖鸭先知-2027', 'wang'],
    ['correct horse battery', 'water-air.head'],
    ['Tq7#mZ2!vL', 'li'],
  ])('accepts %p for %p', (password, username) => {
    expect(passwordProblems(password, username)).toEqual([]);
  });

  it('says each problem in Chinese and English, naming the limit', () => {
    expect(passwordProblems('wang12', 'wang')).toEqual([
      '密码至少 10 个字符 / the password needs at least 10 characters',
      '密码不能包含用户名 / the password must not contain the username',
    ]);
    expect(passwordProblems('x'.repeat(MAX_PASSWORD_LENGTH) + 'yz', 'li')).toEqual([
      '密码最长 128 个字符 / the password is at most 128 characters',
    ]);
  });

  it('does not count a username shorter than three characters as contained', () => {
    expect(passwordProblems('li-river-basin-27', 'li')).toEqual([]);
  });
});

describe('the password policy at its edges', () => {
  it('takes exactly the longest password, and refuses one character more', () => {
    const longest = 'Tq7#mZ2!vL'.repeat(13).slice(0, MAX_PASSWORD_LENGTH);
    expect(passwordProblems(longest, 'li')).toEqual([]);
    expect(passwordProblems(`${longest}x`, 'li')).toEqual([
      '密码最长 128 个字符 / the password is at most 128 characters',
    ]);
  });

  it('finds a username of exactly three characters, whatever its case and the spaces around it', () => {
    expect(passwordProblems('my-Wan-river-2027', ' WAN ')).toEqual([
      '密码不能包含用户名 / the password must not contain the username',
    ]);
  });

  it('says a common or regular password in those words, and calls no mixed password regular', () => {
    expect(passwordProblems('1234567890', 'wang')).toEqual([
      '密码过于常见或有规律，容易被猜中 / the password is too common or too regular to be safe',
    ]);
    // Steps of +1 then -1 are no straight run; nor is a run of +2.
    expect(passwordProblems('abababababab', 'wang')).toEqual([]);
    expect(passwordProblems('acegikmoqsuw', 'wang')).toEqual([]);
    // Short ones are named short, and regular too when they are.
    expect(passwordProblems('zz', 'wang')).toHaveLength(2);
    expect(passwordProblems('z', 'wang')).toEqual(['密码至少 10 个字符 / the password needs at least 10 characters']);
  });
});
