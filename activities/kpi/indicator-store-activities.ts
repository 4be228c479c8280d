import { DataSource } from 'typeorm';
import { IndicatorActivities } from '@duban/domain/kpi/indicator-workflow-contract';
import { loadReadings } from '@duban/persistence/read/indicator-standings';

/** The indicator workflow's reads and writes of the read model (idempotent: safe to retry). */
export function createIndicatorStoreActivities(
  db: DataSource,
): Pick<IndicatorActivities, 'listIndicatorReadings' | 'recordIndicatorReminder'> {
  return {
    async listIndicatorReadings({ indicatorId }) {
      const readings = (await loadReadings(db, [indicatorId])).get(indicatorId) ?? [];
      return readings.map((r) => ({
        period: r.period,
        value: r.value,
        ...(r.goodDays === undefined ? {} : { goodDays: r.goodDays }),
        ...(r.validDays === undefined ? {} : { validDays: r.validDays }),
      }));
    },
    async recordIndicatorReminder({ indicatorId, period, kind, level, at }) {
      await db.query(
        `INSERT INTO kpi_reminder (indicator_id, period, kind, level, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [indicatorId, period, kind, level, at],
      );
    },
  };
}
