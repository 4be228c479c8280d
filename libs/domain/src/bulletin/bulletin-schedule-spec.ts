import { ConfigError } from '../errors/config-error';

/** Schedule id of the weekly bulletin; one per plan when a plan is named. */
export function bulletinScheduleId(planId?: string): string {
  return planId ? `duban-weekly-bulletin-${planId}` : 'duban-weekly-bulletin';
}

export const BULLETIN_TIMEZONE = 'Asia/Shanghai';
export const BULLETIN_WORKFLOW_TYPE = 'weeklyBulletinWorkflow';

/** What the schedule fires on, in Temporal's ScheduleSpec terms (kept free of SDK types). */
export type BulletinScheduleSpec =
  | { kind: 'calendar'; dayOfWeek: 'MONDAY'; hour: number; minute: number; timezone: string }
  | { kind: 'cron'; cron: string; timezone: string };

/**
 * BULLETIN_SCHEDULE: unset → every Monday 09:00 Asia/Shanghai; otherwise a 5-field cron string
 * ("0 9 * * 1") read in Asia/Shanghai. Holidays are not skipped: the bulletin goes out on a
 * holiday Monday too (supervision does not pause; the reader may be on duty).
 */
export function parseBulletinSchedule(raw: string | undefined): BulletinScheduleSpec {
  if (raw === undefined || raw.trim() === '')
    return { kind: 'calendar', dayOfWeek: 'MONDAY', hour: 9, minute: 0, timezone: BULLETIN_TIMEZONE };
  const cron = raw.trim().replace(/\s+/g, ' ');
  const field = /^[\d*,/-]+$|^[A-Za-z]{3}(-[A-Za-z]{3})?$/;
  const parts = cron.split(' ');
  if (parts.length !== 5 || !parts.every((p) => field.test(p)))
    throw new ConfigError(
      'BULLETIN_SCHEDULE',
      `BULLETIN_SCHEDULE="${raw}" is not a 5-field cron string (minute hour day-of-month month day-of-week, e.g. "0 9 * * 1" for Mondays 09:00 Asia/Shanghai)`,
    );
  return { kind: 'cron', cron, timezone: BULLETIN_TIMEZONE };
}
