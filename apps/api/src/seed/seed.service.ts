import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TransactionScope, Transactions } from '@duban/persistence/repositories/transactions';
import { DEFAULT_ORG_UNITS } from '@duban/persistence/seed/default-org-units';
import { PasswordHasher } from '../auth/password-hasher';
import { AdminUpsert, upsertAdminAccount } from './admin-account';
import { buildDemoAccounts, DemoAccount } from './demo-accounts';
import { loadSeedConfig, SeedConfig } from './seed-config';
import { takeSeedLock } from './seed-lock';
import { apiConfig } from '../config/api-config';

export interface SeedReport {
  unitsSeeded: number;
  demoAccountsCreated: DemoAccount[];
  demoAccountsDeactivated: number;
  admin: { username: string; result: AdminUpsert } | null;
}

/**
 * First-start data: the default units when org_unit is empty, demo accounts when app_user is empty
 * (unless DUBAN_DEMO_ACCOUNTS=off, which instead deactivates them), and the env-configured admin.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly transactions: Transactions,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const config = loadSeedConfig();
    const report = await this.run(config);
    this.logReport(report, config);
  }

  async run(config: SeedConfig): Promise<SeedReport> {
    // Hashed before the lock is taken, so the critical section stays short.
    const adminHash = config.admin ? await this.hasher.hash(config.admin.password) : null;
    return this.transactions.run(async (tx) => {
      await takeSeedLock(tx);
      const unitsSeeded = await this.seedUnits(tx);
      const demoAccountsCreated = config.demoAccounts ? await this.seedDemoAccounts(tx, config) : [];
      const demoAccountsDeactivated = config.demoAccounts ? 0 : await tx.users.deactivateDemoAccounts();
      const admin =
        config.admin && adminHash
          ? {
              username: config.admin.username,
              result: await upsertAdminAccount(tx.users, config.admin.username, adminHash),
            }
          : null;
      return { unitsSeeded, demoAccountsCreated, demoAccountsDeactivated, admin };
    });
  }

  private async seedUnits(tx: TransactionScope): Promise<number> {
    if ((await tx.units.count()) > 0) return 0;
    await tx.units.insertMissing(DEFAULT_ORG_UNITS);
    return DEFAULT_ORG_UNITS.length;
  }

  private async seedDemoAccounts(tx: TransactionScope, config: SeedConfig): Promise<DemoAccount[]> {
    if ((await tx.users.count()) > 0) return [];
    const units = (await tx.units.all()).filter((u) => u.active);
    const accounts = buildDemoAccounts(units);
    // One hash for all: the demo password is public anyway, and 20-odd argon2 runs would slow the start.
    const passwordHash = await this.hasher.hash(config.demoPassword);
    await tx.users.insert(accounts.map((a) => ({ ...a, passwordHash, email: null, demo: true })));
    return accounts;
  }

  private logReport(report: SeedReport, config: SeedConfig): void {
    if (report.unitsSeeded > 0) this.logger.log(`Seeded ${report.unitsSeeded} default org units`);
    if (report.demoAccountsDeactivated > 0) {
      this.logger.log(`DUBAN_DEMO_ACCOUNTS=off: deactivated ${report.demoAccountsDeactivated} demo accounts`);
    }
    if (report.admin)
      this.logger.log(`Admin account "${report.admin.username}" from environment: ${report.admin.result}`);
    if (report.demoAccountsCreated.length === 0) return;
    if (apiConfig().production) {
      this.logger.warn('Demo accounts were created in production; set DUBAN_DEMO_ACCOUNTS=off to switch them off');
    }
    const password = config.demoPasswordIsDefault ? config.demoPassword : '(value of DUBAN_DEMO_PASSWORD)';
    // The table itself ends `npm start`'s output (after the noise of the start), once.
    this.logger.log(
      `Created ${report.demoAccountsCreated.length} demo accounts (password ${password}); \`npm start\` lists them when everything is up (an admin: GET /users)`,
    );
  }
}
