import { isoWeekOf } from './iso-week';
import { bulletinScheduleId, parseBulletinSchedule } from './bulletin-schedule-spec';
import { bulletinSummaryText } from './bulletin-summary';
import { BulletinContent } from './bulletin-content';

describe('ISO week', () => {
  it('keys a date by its ISO week and Monday', () => {
    expect(isoWeekOf('2021-10-11')).toEqual({ week: '2021-W41', monday: '2021-10-11' });
    expect(isoWeekOf('2021-10-17')).toEqual({ week: '2021-W41', monday: '2021-10-11' });
    expect(isoWeekOf('2021-01-03')).toEqual({ week: '2020-W53', monday: '2020-12-28' });
    expect(isoWeekOf('2026-10-05')).toEqual({ week: '2026-W41', monday: '2026-10-05' });
    expect(isoWeekOf('2024-12-30')).toEqual({ week: '2025-W01', monday: '2024-12-30' });
  });
});

describe('BULLETIN_SCHEDULE', () => {
  it('defaults to Mondays 09:00 Shanghai, accepts a cron string, refuses garbage', () => {
    expect(parseBulletinSchedule(undefined)).toEqual({
      kind: 'calendar',
      dayOfWeek: 'MONDAY',
      hour: 9,
      minute: 0,
      timezone: 'Asia/Shanghai',
    });
    expect(parseBulletinSchedule(' 30 8  * * 1 ')).toEqual({
      kind: 'cron',
      cron: '30 8 * * 1',
      timezone: 'Asia/Shanghai',
    });
    expect(() => parseBulletinSchedule('every monday')).toThrow(
      'BULLETIN_SCHEDULE="every monday" is not a 5-field cron',
    );
    expect(bulletinScheduleId()).toBe('duban-weekly-bulletin');
    expect(bulletinScheduleId('kpi-2021')).toBe('duban-weekly-bulletin-kpi-2021');
  });
});

describe('bulletin summary text', () => {
  it('names units with overdue work and flagged targets', () => {
    const c: BulletinContent = {
      planId: 'p',
      planTitle: '2021年工作要点',
      week: '2021-W41',
      weekStart: '2021-10-11',
      asOf: '2021-10-11T01:00:00.000Z',
      since: '2021-10-04T01:00:00.000Z',
      units: [
        { unit: 'water-air', unitName: '水气股', total: 3, done: 1, onTrack: 0, dueSoon: 0, overdue: 2, escalated: 1 },
        { unit: 'office', unitName: '办公室', total: 1, done: 1, onTrack: 0, dueSoon: 0, overdue: 0, escalated: 0 },
      ],
      totals: { total: 4, done: 2, onTrack: 0, dueSoon: 0, overdue: 2, escalated: 1 },
      overdue: [],
      newEscalations: [],
      targets: [
        {
          indicatorId: 'i',
          targetCode: '1',
          name: 'PM2.5',
          ownerUnit: 'monitoring',
          ownerUnitName: '监测站',
          comparator: 'lte',
          target: 34,
          unit: 'μg/m³',
          ytd: 36,
          light: 'red',
          lightReason: '未达标',
          neededRemaining: 28,
          missingPeriods: [],
        },
      ],
    };
    const text = bulletinSummaryText(c);
    expect(text).toContain('任务共 4 项：已完成 2，正常推进 0，即将到期 0，逾期 2，督办中 1。');
    expect(text).toContain('水气股：逾期 2 项，督办中 1 项');
    expect(text).not.toContain('办公室');
    expect(text).toContain('目标1 PM2.5：红灯，未达标');
  });
});
