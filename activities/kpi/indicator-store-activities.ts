import { DataSource } from 'typeorm';
import { IndicatorActivities } from '@duban/domain/kpi/indicator-workflow-contract';
import { IndicatorRepository } from '@duban/persistence/repositories/indicator-repository';

/** The indicator workflow's reads and writes of the read model (idempotent: safe to retry). */
export function createIndicatorStoreActivities(
  db: DataSource,
): Pick<IndicatorActivities, 'listIndicatorReadings' | 'recordIndicatorReminder'> {
  const indicators = new IndicatorRepository(db);
  return {
    async listIndicatorReadings({ indicatorId }) {
      const readings = await indicators.readingsOf(indicatorId);
      return readings.map((r) => ({
        period: r.period,
        value: r.value,
        ...(r.goodDays === undefined ? {} : { goodDays: r.goodDays }),
        ...(r.validDays === undefined ? {} : { validDays: r.validDays }),
      }));
    },
    async recordIndicatorReminder(reminder) {
      await indicators.recordReminder(reminder);
    },
  };
}
