import { classifyDatabaseError, sqlStateOf } from './database-errors';

const pg = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('database error classification', () => {
  it.each([
    ['22P05', 'permanent'], // NUL in text
    ['22003', 'permanent'], // numeric out of range
    ['23505', 'permanent'], // unique violation
    ['42703', 'permanent'], // undefined column
    ['54000', 'permanent'], // program limit exceeded
    ['42P01', 'transient'], // table missing: migrations not run yet
    ['40001', 'transient'], // serialization failure
    ['40P01', 'transient'], // deadlock
    ['53100', 'transient'], // disk full
    ['08006', 'transient'], // connection failure
    ['57P01', 'unavailable'], // admin shutdown
    ['ECONNREFUSED', 'unavailable'],
  ])('%s is %s', (code, kind) => {
    expect(classifyDatabaseError(pg(code))).toBe(kind);
  });

  it('reads the code of a TypeORM QueryFailedError from its driver error', () => {
    const wrapped = Object.assign(new Error('query failed'), { driverError: { code: '22P05' } });
    expect(classifyDatabaseError(wrapped)).toBe('permanent');
    expect(sqlStateOf(wrapped)).toBe('22P05');
  });

  it('knows a lost connection by its message, and leaves everything else alone', () => {
    expect(classifyDatabaseError(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(classifyDatabaseError(new TypeError('x is undefined'))).toBe('other');
    expect(sqlStateOf(new Error('no code'))).toBeUndefined();
  });
});
