import { In } from 'typeorm';
import { OrgUnitEntity } from '../entities';
import { Queryable } from './queryable';

/** A unit as it is created: by the admin, by an import that met an unknown name, by the first start. */
export type NewUnitRow = Pick<OrgUnitEntity, 'code' | 'name' | 'aliases' | 'kind' | 'parentBody'>;

/** The organisation's units (股室): the only writer of org_unit. */
export class UnitRepository {
  constructor(private readonly db: Queryable) {}

  /** The unit of this code if it exists and is active (a task may be handed to it). */
  findActive(code: string): Promise<OrgUnitEntity | null> {
    return this.db.getRepository(OrgUnitEntity).findOne({ where: { code, active: true } });
  }

  findByCode(code: string): Promise<OrgUnitEntity | null> {
    return this.db.getRepository(OrgUnitEntity).findOne({ where: { code } });
  }

  /** Every active unit by name (the choices of a form, the names a plan is matched against). */
  active(): Promise<OrgUnitEntity[]> {
    return this.db.getRepository(OrgUnitEntity).find({ where: { active: true }, order: { name: 'ASC' } });
  }

  /** Every unit, active or not, in the order they were set up. */
  all(): Promise<OrgUnitEntity[]> {
    return this.db.getRepository(OrgUnitEntity).find({ order: { createdAt: 'ASC', code: 'ASC' } });
  }

  /** Which of these codes name a unit (active or not). */
  async existingCodes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const found = await this.db
      .getRepository(OrgUnitEntity)
      .find({ select: { code: true }, where: { code: In(codes) } });
    return new Set(found.map((u) => u.code));
  }

  count(): Promise<number> {
    return this.db.getRepository(OrgUnitEntity).count();
  }

  /** Inserts an active unit; a taken code or name fails with a unique violation. */
  async insert(unit: NewUnitRow): Promise<OrgUnitEntity> {
    const units = this.db.getRepository(OrgUnitEntity);
    return units.save(units.create({ ...unit, active: true }));
  }

  /** Inserts active units whose code is not taken yet (the first start, an import's new names). */
  async insertMissing(units: NewUnitRow[]): Promise<void> {
    for (const u of units) {
      await this.db.query(
        `INSERT INTO org_unit (code, name, aliases, kind, parent_body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [u.code, u.name, u.aliases, u.kind, u.parentBody],
      );
    }
  }

  /** Writes back a unit the admin changed. */
  save(unit: OrgUnitEntity): Promise<OrgUnitEntity> {
    return this.db.getRepository(OrgUnitEntity).save(unit);
  }

  /** Remembers another spelling of a unit (a name an import mapped onto it), once. */
  async addAlias(code: string, alias: string): Promise<void> {
    await this.db.query(
      `UPDATE org_unit SET aliases = array_append(aliases, $2::text) WHERE code = $1 AND NOT ($2::text = ANY(aliases))`,
      [code, alias],
    );
  }
}
