import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@duban/domain/errors/domain-error';
import { isUniqueViolation } from '@duban/persistence/repositories/unique-violation';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { normaliseUnitName } from '@duban/domain/plan/unit-resolution';
import { AuditLog } from '../auth/audit-log';
import { AuthUser } from '../auth/auth-user';
import { CreateUnitDto } from './create-unit.dto';
import { UnitViewDto } from './unit-view.dto';
import { UnknownUnitError } from './unknown-unit.error';
import { UpdateUnitDto } from './update-unit.dto';

/** The managed list of responsible units (org_unit). */
@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<UnitViewDto[]> {
    const rows = await this.units.all();
    return rows.map((u) => UnitViewDto.of(u));
  }

  async get(code: string): Promise<UnitViewDto> {
    const unit = await this.units.findByCode(code);
    if (!unit) throw new NotFoundError('单位', code);
    return UnitViewDto.of(unit);
  }

  /** Throws 400 naming the codes that do not exist; inactive units still count as known. */
  async assertKnown(codes: string[], field: string): Promise<void> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return;
    const known = await this.units.existingCodes(wanted);
    const missing = wanted.filter((c) => !known.has(c));
    if (missing.length > 0) throw new UnknownUnitError(missing, field);
  }

  private async assertNamesFree(code: string, names: string[]): Promise<void> {
    const taken = namesTakenElsewhere(await this.units.all(), code, names);
    if (taken) {
      throw new ConflictError(
        'UNIT_NAME_TAKEN',
        `「${taken.name}」已是单位「${taken.owner}」的名称或别名`,
        `"${taken.name}" already names unit ${taken.owner}`,
        { field: taken.name === names[0] ? 'name' : 'aliases' },
      );
    }
  }

  async create(dto: CreateUnitDto, actor: AuthUser): Promise<UnitViewDto> {
    if (await this.units.findByCode(dto.code)) {
      throw new ConflictError('UNIT_EXISTS', `单位代码已存在：${dto.code}`, `Unit code already exists: ${dto.code}`);
    }
    await this.assertNamesFree(dto.code, [dto.name, ...(dto.aliases ?? [])]);
    const saved = await this.units
      .insert({
        code: dto.code,
        name: dto.name.trim(),
        aliases: dedupe(dto.aliases ?? []),
        kind: dto.kind,
        parentBody: dto.parentBody ?? null,
      })
      .catch((error: unknown) => rethrowDuplicate(error, dto.name));
    const view = UnitViewDto.of(saved);
    await this.audit.record({ action: 'unit-create', outcome: 'ok', actor, subject: view.code, after: view });
    return view;
  }

  async update(code: string, dto: UpdateUnitDto, actor: AuthUser): Promise<UnitViewDto> {
    const unit = await this.units.findByCode(code);
    if (!unit) throw new NotFoundError('单位', code);
    const before = UnitViewDto.of(unit);
    if (dto.name !== undefined) unit.name = dto.name.trim();
    if (dto.aliases !== undefined) unit.aliases = dedupe(dto.aliases);
    if (dto.kind !== undefined) unit.kind = dto.kind;
    if (dto.parentBody !== undefined) unit.parentBody = dto.parentBody;
    if (dto.active !== undefined) unit.active = dto.active;
    await this.assertNamesFree(code, [unit.name, ...unit.aliases]);
    const saved = await this.units.save(unit).catch((error: unknown) => rethrowDuplicate(error, unit.name));
    const view = UnitViewDto.of(saved);
    await this.audit.record({ action: 'unit-update', outcome: 'ok', actor, subject: code, before, after: view });
    return view;
  }
}

/**
 * A name or alias answers for one unit only: imports match plans' and sheets' unit names
 * against them, and two units answering to 水气股 would make every such match a guess.
 */
function namesTakenElsewhere(
  units: { code: string; name: string; aliases: string[] }[],
  code: string,
  names: string[],
): { name: string; owner: string } | null {
  const owners = new Map<string, string>();
  for (const u of units) {
    if (u.code === code) continue;
    for (const n of [u.name, ...(u.aliases ?? [])]) owners.set(normaliseUnitName(n), u.name);
  }
  for (const name of names) {
    const owner = owners.get(normaliseUnitName(name));
    if (owner) return { name, owner };
  }
  return null;
}

function dedupe(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}

/** The only unique columns are code (checked first) and name; a race on either lands here. */
function rethrowDuplicate(error: unknown, name: string): never {
  if (isUniqueViolation(error)) {
    throw new ConflictError(
      'UNIT_EXISTS',
      `单位代码或名称已存在：${name}`,
      `Unit code or name already exists: ${name}`,
    );
  }
  throw error;
}
