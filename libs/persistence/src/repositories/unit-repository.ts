import { DataSource } from 'typeorm';
import { OrgUnitEntity } from '../entities';

/** The organisation's units (股室) as the task rules look them up. */
export class UnitRepository {
  constructor(private readonly db: DataSource) {}

  /** The unit of this code if it exists and is active (a task may be handed to it). */
  findActive(code: string): Promise<OrgUnitEntity | null> {
    return this.db.getRepository(OrgUnitEntity).findOne({ where: { code, active: true } });
  }

  /** Every active unit by name (the choices of a form, the names a plan is matched against). */
  active(): Promise<OrgUnitEntity[]> {
    return this.db.getRepository(OrgUnitEntity).find({ where: { active: true }, order: { name: 'ASC' } });
  }
}
