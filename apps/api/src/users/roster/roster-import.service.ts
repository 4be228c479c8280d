import { Injectable } from '@nestjs/common';
import { BadInputError, DomainError } from '@duban/domain/errors/domain-error';
import { planRoster, RosterAccount, RosterPlan, RosterSheetError } from '@duban/domain/roster/roster-plan';
import { UserEntity } from '@duban/persistence/entities';
import { Transactions } from '@duban/persistence/repositories/transactions';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { AuditLog } from '../../auth/audit-log';
import { AuthUser } from '../../auth/auth-user';
import { PasswordHasher } from '../../auth/password-hasher';
import { initialPassword } from '../initial-password';
import { rosterGrid } from './roster-sheet';

/** An account the import made, with the one-time password its holder signs in with first. */
export interface CreatedAccount {
  username: string;
  displayName: string;
  unitCode: string | null;
  initialPassword: string;
}

export interface RosterImportResult {
  created: CreatedAccount[];
  updated: number;
  unchanged: number;
  unitsCreated: { code: string; name: string }[];
}

/** Serialises roster imports with each other: two at once would both plan the same new units. */
const ROSTER_LOCK = 0x6475_0002;

/**
 * 人员名单导入: a bureau's staff sheet → units and accounts. The preview writes nothing; the import
 * plans again inside one transaction and writes everything or nothing — a sheet with any bad row
 * is refused with the same per-row problems the preview shows.
 */
@Injectable()
export class RosterImportService {
  constructor(
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
    private readonly transactions: Transactions,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async preview(buffer: Buffer, fileName: string, actor: AuthUser): Promise<RosterPlan> {
    const grid = await rosterGrid(buffer, fileName);
    return plan(grid, await this.units.all(), await this.users.all(), actor);
  }

  async apply(buffer: Buffer, fileName: string, actor: AuthUser): Promise<RosterImportResult> {
    const grid = await rosterGrid(buffer, fileName);
    // Hashing is the slow part (argon2, tens of ms each): done before the transaction, in parallel.
    const outside = plan(grid, await this.units.all(), await this.users.all(), actor);
    const prepared = new Map(
      await Promise.all(
        outside.rows
          .filter((r) => r.action === 'create' && r.account)
          .map(async (r) => {
            const password = initialPassword(r.account!.username);
            return [r.account!.username, { password, hash: await this.hasher.hash(password) }] as const;
          }),
      ),
    );
    const result = await this.transactions.run(async (tx) => {
      await tx.advisoryLock(ROSTER_LOCK);
      const planned = plan(grid, await tx.units.all(), await tx.users.all(), actor);
      if (planned.problemCount > 0) throw new RosterProblemsError(planned);
      await tx.units.insertMissing(
        planned.newUnits.map((u) => ({ code: u.code, name: u.name, aliases: [], kind: 'section', parentBody: null })),
      );
      const created: CreatedAccount[] = [];
      let updated = 0;
      for (const row of planned.rows) {
        const account = row.account!;
        if (row.action === 'create') {
          const ready = prepared.get(account.username);
          const password = ready?.password ?? initialPassword(account.username);
          const passwordHash = ready?.hash ?? (await this.hasher.hash(password));
          const [saved] = await tx.users.insert([{ ...account, passwordHash, demo: false, mustChangePassword: true }]);
          if (!account.active) await tx.users.save(Object.assign(saved, { active: false }));
          created.push({ ...pick(account), initialPassword: password });
        } else if (row.action === 'update') {
          const user = await tx.users.findByUsername(account.username);
          if (!user) throw new Error(`account ${account.username} vanished inside the import`);
          await tx.users.save(changed(user, account));
          updated++;
        }
      }
      return {
        created,
        updated,
        unchanged: planned.rows.filter((r) => r.action === 'unchanged').length,
        unitsCreated: planned.newUnits.map(({ code, name }) => ({ code, name })),
      };
    });
    await this.audit.record({
      action: 'roster-import',
      outcome: 'ok',
      actor,
      subject: fileName.slice(0, 128),
      after: { ...result, created: result.created.map(({ initialPassword: _, ...rest }) => rest) },
    });
    return result;
  }
}

/** The import found bad rows: nothing was written; the plan says which and why. */
export class RosterProblemsError extends BadInputError {
  constructor(readonly plan: RosterPlan) {
    super('ROSTER_INVALID', `人员名单有 ${plan.problemCount} 处问题，未导入任何内容`, 'The staff sheet has problems', {
      rows: plan.rows.filter((r) => r.problems.length > 0).map((r) => ({ line: r.line, problems: r.problems })),
    });
  }
}

function plan(grid: string[][], units: Parameters<typeof planRoster>[1], users: UserEntity[], actor: AuthUser) {
  try {
    return planRoster(grid, units, users.map(rosterAccountOf), actor.username);
  } catch (error) {
    if (error instanceof RosterSheetError) {
      throw new DomainError('ROSTER_UNREADABLE', 400, error.zh, error.zh, { hint: error.hint });
    }
    throw error;
  }
}

export function rosterAccountOf(user: UserEntity): RosterAccount {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role as RosterAccount['role'],
    unitCode: user.unitCode,
    deputyUnits: user.deputyUnits ?? [],
    mobile: user.mobile ?? null,
    email: user.email,
    active: user.active,
  };
}

function pick(a: RosterAccount) {
  return { username: a.username, displayName: a.displayName, unitCode: a.unitCode };
}

function changed(user: UserEntity, next: RosterAccount): UserEntity {
  // A deactivation ends the sessions it interrupts, as the account page's does.
  if (user.active && !next.active) user.tokensValidAfter = new Date();
  return Object.assign(user, {
    displayName: next.displayName,
    role: next.role,
    unitCode: next.unitCode,
    deputyUnits: next.deputyUnits,
    mobile: next.mobile,
    email: next.email,
    active: next.active,
  });
}
