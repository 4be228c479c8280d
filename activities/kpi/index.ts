import { DataSource } from 'typeorm';
import { IndicatorActivities } from '../../libs/domain/src/kpi/indicator-workflow-contract';
import { createIndicatorStoreActivities } from './indicator-store-activities';
import { createReadingTimerActivities } from './reading-timer-activities';

/** The indicator workflow's own activities; `notify` is the task workflow's (shared by name). */
export function createKpiActivities(db: DataSource): Omit<IndicatorActivities, 'notify'> {
  return { ...createReadingTimerActivities(), ...createIndicatorStoreActivities(db) };
}
