import { DataSource } from 'typeorm';

export interface PlanHead {
  id: string;
  title: string;
  year: number;
}

/** Imported plans as the bulletins and their pages name them (the import writes them). */
export class PlanRepository {
  constructor(private readonly db: DataSource) {}

  /** The plan of this id, or the latest imported when no id is given. */
  async findOrLatest(planId?: string): Promise<PlanHead | null> {
    const [plan]: PlanHead[] = planId
      ? await this.db.query(`SELECT id, title, year FROM plan WHERE id = $1`, [planId])
      : await this.db.query(`SELECT id, title, year FROM plan ORDER BY updated_at DESC LIMIT 1`);
    return plan ?? null;
  }

  /** Every plan, the latest import first. */
  heads(): Promise<PlanHead[]> {
    return this.db.query(`SELECT id, title, year FROM plan ORDER BY updated_at DESC`);
  }

  /** The units leading any task of the plan (who receives its bulletin). */
  async leadUnits(planId: string): Promise<string[]> {
    const rows: { lead_unit: string }[] = await this.db.query(
      `SELECT DISTINCT lead_unit FROM task WHERE plan_id = $1 AND is_leaf AND lead_unit IS NOT NULL ORDER BY lead_unit`,
      [planId],
    );
    return rows.map((r) => r.lead_unit);
  }
}
