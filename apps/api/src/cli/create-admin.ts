import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@duban/persistence/data-source-options';
import { Transactions } from '@duban/persistence/repositories/transactions';
import { PasswordHasher } from '../auth/password-hasher';
import { upsertAdminAccount } from '../seed/admin-account';
import { checkPassword } from '../seed/seed-config';
import { takeSeedLock } from '../seed/seed-lock';
import { USERNAME_PATTERN } from '@duban/domain/access/username';
import { useRunningStack } from './running-stack';

const USAGE = `Usage: npm run build && node dist/apps/api/src/cli/create-admin.js <username>
Creates an administrator, or resets its password (promoting an existing account to admin).
The password comes from DUBAN_ADMIN_PASSWORD or, if unset, from the first line of stdin
(never from the command line, where other users could read it). Talks to the system npm start runs,
or to the database at DATABASE_URL.`;

/** Creates or resets an admin; returns the message to print. Exported for tests. */
export async function createAdmin(username: string, password: string, databaseUrl: string): Promise<string> {
  const name = username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(name)) throw new Error(`"${username}" is not a valid username`);
  checkPassword('password', password);
  const passwordHash = await new PasswordHasher().hash(password);
  const db = new DataSource({ ...dataSourceOptions(databaseUrl), migrationsRun: true });
  await db.initialize();
  try {
    // Same lock as start-up seeding, so a starting API cannot interleave with this.
    const result = await new Transactions(db).run(async (tx) => {
      await takeSeedLock(tx);
      return upsertAdminAccount(tx.users, name, passwordHash);
    });
    return `admin "${name}": ${result}`;
  } finally {
    await db.destroy();
  }
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(argv: string[]): Promise<void> {
  const username = argv[0];
  if (!username || argv.includes('--help') || argv.length > 1) {
    console.error(USAGE);
    process.exit(2);
  }
  useRunningStack();
  const databaseUrl = process.env.DATABASE_URL!;
  if (!process.env.DUBAN_ADMIN_PASSWORD && process.stdin.isTTY) process.stderr.write('Password: ');
  const password = process.env.DUBAN_ADMIN_PASSWORD ?? (await readFirstLine());
  console.log(await createAdmin(username, password, databaseUrl));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`create-admin failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
