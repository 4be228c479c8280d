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
