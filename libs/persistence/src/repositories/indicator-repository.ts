import { DataSource } from 'typeorm';
import { ValidReading } from '@duban/domain/kpi/reading-validation';
import { IndicatorRecord, indicatorStandings, loadIndicators, loadReadings } from '../read/indicator-standings';

export type IndicatorFilter = { planId?: string; indicatorId?: string };

/** The settings of an indicator a supervisor may change; null puts a setting back to its default. */
export interface IndicatorSettings {
  ownerUnit?: string | null;
  reportingPeriod?: string | null;
  ytdMethod?: string | null;
  warningMargin?: number | null;
}

const SETTING_COLUMNS: Record<keyof IndicatorSettings, string> = {
  ownerUnit: 'owner_unit',
  reportingPeriod: 'reporting_period',
  ytdMethod: 'ytd_method',
  warningMargin: 'warning_margin',
};

/** A reading as it is stored: checked, with who entered it. */
export interface ReadingToStore {
  indicatorId: string;
  reading: ValidReading;
  enteredBy: string;
}

/** Targets (目标指标), their readings and reminders: the KPI service's reads and writes. */
export class IndicatorRepository {
  constructor(private readonly db: DataSource) {}

  records(filter: IndicatorFilter): Promise<IndicatorRecord[]> {
    return loadIndicators(this.db, filter);
  }

  standings(filter: IndicatorFilter, options: { asOf: string; margin: number }) {
    return indicatorStandings(this.db, filter, options);
  }

  /** The stored readings of one indicator, by period. */
  async readingsOf(indicatorId: string) {
    return (await loadReadings(this.db, [indicatorId])).get(indicatorId) ?? [];
  }

  /** The reminders and escalations sent for an indicator, oldest first. */
  async reminders(indicatorId: string): Promise<{ period: string; kind: string; level: number; at: Date }[]> {
    return this.db.query(`SELECT period, kind, level, at FROM kpi_reminder WHERE indicator_id = $1 ORDER BY at`, [
      indicatorId,
    ]);
  }

  /** Records a reminder once (a retried activity writes nothing more). */
  async recordReminder(r: { indicatorId: string; period: string; kind: string; level: number; at: string }) {
    await this.db.query(
      `INSERT INTO kpi_reminder (indicator_id, period, kind, level, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [r.indicatorId, r.period, r.kind, r.level, r.at],
    );
  }

  /** Stores readings all together or none: a period entered again replaces its value. */
  async saveReadings(readings: ReadingToStore[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const { indicatorId, reading: r, enteredBy } of readings) {
        await tx.query(
          `INSERT INTO kpi_reading (indicator_id, period, value, good_days, valid_days, entered_by, entered_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())
           ON CONFLICT (indicator_id, period) DO UPDATE SET value = EXCLUDED.value, good_days = EXCLUDED.good_days,
             valid_days = EXCLUDED.valid_days, entered_by = EXCLUDED.entered_by, entered_at = now()`,
          [indicatorId, r.period, r.value, r.goodDays, r.validDays, enteredBy],
        );
      }
    });
  }

  /** A supervisor's rating of a qualitative target. */
  async rate(indicatorId: string, status: string, note: string, by: string): Promise<void> {
    await this.db.query(
      `UPDATE indicator SET qualitative_status = $2, qualitative_note = $3, qualitative_by = $4, qualitative_at = now()
        WHERE id = $1`,
      [indicatorId, status, note, by],
    );
  }

  /** Changes the settings given (the others stay); false when none was given. */
  async changeSettings(indicatorId: string, settings: IndicatorSettings): Promise<boolean> {
    const sets: string[] = [];
    const params: unknown[] = [indicatorId];
    for (const [key, column] of Object.entries(SETTING_COLUMNS) as [keyof IndicatorSettings, string][]) {
      if (settings[key] === undefined) continue;
      params.push(settings[key]);
      sets.push(`${column} = $${params.length}`);
    }
    if (sets.length === 0) return false;
    await this.db.query(`UPDATE indicator SET ${sets.join(', ')} WHERE id = $1`, params);
    return true;
  }
}
