import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrate } from '@duban/persistence/cli/migrate';
import { MIGRATIONS } from '@duban/persistence/migrations';

/** `npm run migrate` on the PostgreSQL of the e2e stage: every migration applied once, a re-run applies none. */
jest.setTimeout(60_000);

const url = () => {
  const value = process.env.DATABASE_URL;
  if (!value) throw new Error('DATABASE_URL is not set: the e2e stage of npm test provides it');
  return value;
};

describe('npm run migrate', () => {
  it('brings the schema up to date and then has nothing left to apply', async () => {
    await migrate(url(), () => undefined);
    const lines: string[] = [];
    expect(await migrate(url(), (l) => lines.push(l))).toEqual([]);
    expect(lines).toEqual(['数据库已是最新 / nothing to migrate']);
    const db = new DataSource({ type: 'postgres', url: url() });
    await db.initialize();
    try {
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM schema_migration');
      expect(n).toBe(MIGRATIONS.length);
    } finally {
      await db.destroy();
    }
  });

  it('says what is missing when DATABASE_URL is unset or malformed, and exits 1', () => {
    const cli = join(__dirname, '..', '..', 'dist', 'libs', 'persistence', 'src', 'cli', 'migrate.js');
    const run = (env: NodeJS.ProcessEnv) => {
      try {
        execFileSync(process.execPath, [cli], { env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' });
        return { status: 0, stderr: '' };
      } catch (error) {
        const e = error as { status: number; stderr: Buffer };
        return { status: e.status, stderr: e.stderr.toString() };
      }
    };
    expect(run({})).toEqual({ status: 1, stderr: expect.stringMatching(/^DATABASE_URL is not set/) });
    expect(run({ DATABASE_URL: 'mysql://x@y/z' })).toEqual({
      status: 1,
      stderr: expect.stringMatching(/^DATABASE_URL has scheme "mysql:"/),
    });
  });
});
