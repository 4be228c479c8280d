import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '@duban/domain/errors/domain-error';
import { OrgUnitEntity } from '@duban/persistence/entities';
import { AuditLog } from '../auth/audit-log';
import { AuthUser } from '../auth/auth-user';
import { CreateUnitDto } from './create-unit.dto';
import { UnitViewDto } from './unit-view.dto';
import { UnknownUnitError } from './unknown-unit.error';
import { UpdateUnitDto } from './update-unit.dto';

const UNIQUE_VIOLATION = '23505';

/** The managed list of responsible units (org_unit). */
@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<UnitViewDto[]> {
    const rows = await this.units.find({ order: { createdAt: 'ASC', code: 'ASC' } });
    return rows.map((u) => UnitViewDto.of(u));
  }

  /** Throws 400 naming the codes that do not exist; inactive units still count as known. */
  async assertKnown(codes: string[], field: string): Promise<void> {
    const wanted = [...new Set(codes)];
    if (wanted.length === 0) return;
    const found = await this.units.find({ select: { code: true }, where: { code: In(wanted) } });
    const known = new Set(found.map((u) => u.code));
    const missing = wanted.filter((c) => !known.has(c));
    if (missing.length > 0) throw new UnknownUnitError(missing, field);
  }

  async create(dto: CreateUnitDto, actor: AuthUser): Promise<UnitViewDto> {
    if (await this.units.exists({ where: { code: dto.code } })) {
      throw new ConflictError('UNIT_EXISTS', `单位代码已存在：${dto.code}`, `Unit code already exists: ${dto.code}`);
    }
    const unit = this.units.create({
      code: dto.code,
      name: dto.name.trim(),
      aliases: dedupe(dto.aliases ?? []),
      kind: dto.kind,
      parentBody: dto.parentBody ?? null,
      active: true,
    });
    const saved = await this.units.save(unit).catch((error: unknown) => rethrowDuplicate(error, dto.name));
    const view = UnitViewDto.of(saved);
    await this.audit.record({ action: 'unit-create', outcome: 'ok', actor, after: view });
    return view;
  }

  async update(code: string, dto: UpdateUnitDto, actor: AuthUser): Promise<UnitViewDto> {
    const unit = await this.units.findOne({ where: { code } });
    if (!unit) throw new NotFoundError('单位', code);
    const before = UnitViewDto.of(unit);
    if (dto.name !== undefined) unit.name = dto.name.trim();
    if (dto.aliases !== undefined) unit.aliases = dedupe(dto.aliases);
    if (dto.kind !== undefined) unit.kind = dto.kind;
    if (dto.parentBody !== undefined) unit.parentBody = dto.parentBody;
    if (dto.active !== undefined) unit.active = dto.active;
    const saved = await this.units.save(unit).catch((error: unknown) => rethrowDuplicate(error, unit.name));
    const view = UnitViewDto.of(saved);
    await this.audit.record({ action: 'unit-update', outcome: 'ok', actor, before, after: view });
    return view;
  }
}

function dedupe(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}

/** The only unique columns are code (checked first) and name; a race on either lands here. */
function rethrowDuplicate(error: unknown, name: string): never {
  if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === UNIQUE_VIOLATION) {
    throw new ConflictError(
      'UNIT_EXISTS',
      `单位代码或名称已存在：${name}`,
      `Unit code or name already exists: ${name}`,
    );
  }
  throw error;
}
