import { Injectable } from '@nestjs/common';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '@duban/domain/errors/domain-error';
import { UserEntity } from '@duban/persistence/entities';
import { isUniqueViolation } from '@duban/persistence/repositories/unique-violation';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { AuditLog } from '../auth/audit-log';
import { AuthUser, Role } from '../auth/auth-user';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from '../auth/password-hasher';
import { assertPasswordPolicy } from '../auth/assert-password-policy';
import { UnitsService } from '../units/units.service';
import { accountRuleViolations, AccountShape } from './account-rules';
import { CreateUserDto } from './create-user.dto';
import { UpdateUserDto } from './update-user.dto';
import { UserViewDto } from './user-view.dto';

/** Account administration: create, change, reset password, deactivate. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly throttle: LoginThrottle,
  ) {}

  async list(): Promise<UserViewDto[]> {
    const rows = await this.users.all();
    return rows.map((u) => UserViewDto.of(u));
  }

  async get(id: string): Promise<UserViewDto> {
    return UserViewDto.of(await this.load(id));
  }

  async create(dto: CreateUserDto, actor: AuthUser): Promise<UserViewDto> {
    const shape: AccountShape = {
      role: dto.role,
      unitCode: dto.unitCode ?? null,
      deputyUnits: dedupe(dto.deputyUnits),
    };
    await this.checkShape(shape);
    assertPasswordPolicy(dto.password, dto.username);
    if (await this.users.usernameTaken(dto.username)) throw duplicate(dto.username);
    const passwordHash = await this.hasher.hash(dto.password);
    const row = { username: dto.username, displayName: dto.displayName.trim(), passwordHash, ...shape };
    const [saved] = await this.users
      .insert([{ ...row, email: dto.email ?? null, mobile: dto.mobile ?? null, demo: false, mustChangePassword: true }])
      .catch((error: unknown) => {
        // Another request created the same username between the check and the insert.
        if (isUniqueViolation(error)) throw duplicate(dto.username);
        throw error;
      });
    const view = UserViewDto.of(saved);
    await this.audit.record({ action: 'user-create', outcome: 'ok', actor, subject: view.id, after: view });
    return view;
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthUser): Promise<UserViewDto> {
    const user = await this.load(id);
    const before = UserViewDto.of(user);
    if (user.id === actor.id && (dto.active === false || (dto.role !== undefined && dto.role !== user.role))) {
      // An admin locking themselves out would leave nobody to undo it.
      throw new ForbiddenError(
        '不能停用自己的账号或更改自己的角色',
        'You cannot deactivate or change the role of your own account',
      );
    }
    const shape: AccountShape = {
      role: dto.role ?? (user.role as Role),
      unitCode: dto.unitCode !== undefined ? dto.unitCode : user.unitCode,
      deputyUnits: dto.deputyUnits !== undefined ? dedupe(dto.deputyUnits) : user.deputyUnits,
    };
    // A role change away from deputy-director drops the oversight list instead of refusing.
    if (dto.role !== undefined && dto.role !== 'deputy-director' && dto.deputyUnits === undefined)
      shape.deputyUnits = [];
    await this.checkShape(shape);
    Object.assign(user, shape);
    if (dto.displayName !== undefined) user.displayName = dto.displayName.trim();
    if (dto.email !== undefined) user.email = dto.email;
    if (dto.mobile !== undefined) user.mobile = dto.mobile;
    if (dto.active === false && user.active) {
      // Every token issued so far dies with the deactivation, and stays dead after a reactivation.
      user.tokensValidAfter = new Date();
    }
    if (dto.active !== undefined) user.active = dto.active;
    if (dto.password !== undefined) {
      assertPasswordPolicy(dto.password, user.username);
      user.passwordHash = await this.hasher.hash(dto.password);
      // A password handed out by an admin makes it a real account, which DUBAN_DEMO_ACCOUNTS=off must not switch off.
      user.demo = false;
      // A password an admin hands out is known to two people: its holder replaces it first.
      user.mustChangePassword = user.id !== actor.id;
      // A reset is often because the old password got out: whoever holds it is signed out.
      if (user.id !== actor.id) user.tokensValidAfter = new Date();
    }
    const view = UserViewDto.of(await this.users.save(user));
    await this.audit.record({
      action: 'user-update',
      outcome: 'ok',
      actor,
      subject: user.id,
      before,
      after: view,
      detail: dto.password !== undefined ? 'password reset' : null,
    });
    return view;
  }

  /** Usernames the login throttle refuses now, with their failure counts. */
  locked(): Promise<Map<string, number>> {
    return this.throttle.locked();
  }

  /** 解锁: the account's failed sign-ins are forgotten, so its holder may try again at once. */
  async unlock(id: string, actor: AuthUser): Promise<UserViewDto> {
    const user = await this.load(id);
    const cleared = await this.throttle.unlock(user.username);
    await this.audit.record({
      action: 'user-unlock',
      outcome: 'ok',
      actor,
      subject: user.id,
      detail: `${cleared} failed sign-ins cleared`,
    });
    return UserViewDto.of(user);
  }

  private async load(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('用户', id);
    return user;
  }

  private async checkShape(shape: AccountShape): Promise<void> {
    const problems = accountRuleViolations(shape);
    if (problems.length > 0) {
      throw new BadInputError('VALIDATION_FAILED', '请求参数有误', 'Request validation failed', { fields: problems });
    }
    if (shape.unitCode) await this.units.assertKnown([shape.unitCode], 'unitCode');
    await this.units.assertKnown(shape.deputyUnits, 'deputyUnits');
  }
}

function dedupe(values: string[] | undefined): string[] {
  return [...new Set(values ?? [])];
}

function duplicate(username: string): ConflictError {
  return new ConflictError('USERNAME_TAKEN', `用户名已存在：${username}`, `Username already exists: ${username}`, {
    username,
  });
}
