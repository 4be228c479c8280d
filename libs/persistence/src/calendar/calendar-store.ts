import { DataSource, EntityManager } from 'typeorm';
import { calendarDataOf, seedYears } from '@duban/domain/calendar/calendar-data';
import { CalendarSource } from '@duban/domain/calendar/calendar-source';
import { CalendarYear, CalendarYearStatus } from '@duban/domain/calendar/calendar-year';
import { WorkdayCalendar } from '@duban/domain/calendar/workday-calendar';
import { AuditLogWriter } from '../audit/audit-log.writer';

/** A stored calendar year, as the pages and the API show it. */
export interface StoredCalendarYear extends CalendarYear {
  revision: number;
  updatedBy: string | null;
  updatedAt: string;
}

interface Row {
  year: number;
  status: CalendarYearStatus;
  holidays: string[];
  makeup_workdays: string[];
  doc_number: string | null;
  issued_on: string | null;
  note: string | null;
  revision: string;
  updated_by: string | null;
  updated_at: Date;
}

const toYear = (r: Row): StoredCalendarYear => ({
  year: r.year,
  status: r.status,
  holidays: r.holidays,
  makeupWorkdays: r.makeup_workdays,
  source: { docNumber: r.doc_number, issuedOn: r.issued_on, note: r.note },
  revision: Number(r.revision),
  updatedBy: r.updated_by,
  updatedAt: r.updated_at.toISOString(),
});

/** The columns read back (a date column as text: node-postgres would make it a local Date). */
const COLUMNS = `year, status, holidays, makeup_workdays, doc_number, issued_on::text AS issued_on, note, revision,
  updated_by, updated_at`;

/** How long a process trusts its cached calendar before asking the table again. */
const CACHE_MS = 10_000;

/**
 * The calendar table (the only writer of calendar_year) and a process's cached WorkdayCalendar
 * built from it. The data package's years are seeded on first use (never over a year an admin
 * entered). A cached calendar is reused for CACHE_MS, or until a caller needs a newer revision.
 */
export class CalendarStore implements CalendarSource {
  private cached: { calendar: WorkdayCalendar; at: number } | null = null;
  private loading: Promise<WorkdayCalendar> | null = null;
  private seeded = false;

  constructor(private readonly db: DataSource) {}

  async calendar(minRevision = 0): Promise<WorkdayCalendar> {
    const c = this.cached;
    if (c && c.calendar.revision >= minRevision && Date.now() - c.at < CACHE_MS) return c.calendar;
    this.loading ??= this.load().finally(() => (this.loading = null));
    const calendar = await this.loading;
    // A load that started before the wanted revision was written: once more.
    return calendar.revision >= minRevision ? calendar : this.load();
  }

  async years(): Promise<StoredCalendarYear[]> {
    await this.seedOnce();
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM calendar_year ORDER BY year`);
    return rows.map(toYear);
  }

  async year(year: number): Promise<StoredCalendarYear | null> {
    await this.seedOnce();
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM calendar_year WHERE year = $1`, [year]);
    return rows[0] ? toYear(rows[0]) : null;
  }

  /** Current revision of the whole calendar (0 before anything is stored). */
  async revision(): Promise<number> {
    const [row]: { r: string | null }[] = await this.db.query(`SELECT max(revision) AS r FROM calendar_year`);
    return Number(row?.r ?? 0);
  }

  /**
   * Stores a year (a notice entered, or a correction) with a new revision, and audits the change
   * (who, when, before and after) in the same transaction. Returns the new revision.
   */
  async save(
    entry: CalendarYear,
    actor: { id: string; role: string | null; unitCode: string | null },
  ): Promise<{ revision: number; before: StoredCalendarYear | null }> {
    await this.seedOnce();
    return this.db.transaction(async (tx) => {
      const previous: Row[] = await tx.query(`SELECT ${COLUMNS} FROM calendar_year WHERE year = $1 FOR UPDATE`, [
        entry.year,
      ]);
      const [row]: Row[] = await tx.query(
        `INSERT INTO calendar_year (year, status, holidays, makeup_workdays, doc_number, issued_on, note, revision, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, nextval('calendar_revision_seq'), $8, now())
         ON CONFLICT (year) DO UPDATE SET status = EXCLUDED.status, holidays = EXCLUDED.holidays,
           makeup_workdays = EXCLUDED.makeup_workdays, doc_number = EXCLUDED.doc_number, issued_on = EXCLUDED.issued_on,
           note = EXCLUDED.note, revision = EXCLUDED.revision, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING ${COLUMNS}`,
        [
          entry.year,
          entry.status,
          [...new Set(entry.holidays)].sort(),
          [...new Set(entry.makeupWorkdays)].sort(),
          entry.source?.docNumber ?? null,
          entry.source?.issuedOn ?? null,
          entry.source?.note ?? null,
          actor.id,
        ],
      );
      const before = previous[0] ? toYear(previous[0]) : null;
      const after = toYear(row);
      await new AuditLogWriter(tx).record({
        action: 'calendar-year',
        outcome: 'ok',
        actor,
        subject: `calendar/${entry.year}`,
        before: before && {
          status: before.status,
          holidays: before.holidays,
          makeupWorkdays: before.makeupWorkdays,
          source: before.source,
        },
        after: {
          status: after.status,
          holidays: after.holidays,
          makeupWorkdays: after.makeupWorkdays,
          source: after.source,
        },
        detail: `${entry.year} 年节假日安排${before ? '修改' : '录入'}（${entry.status === 'official' ? '正式' : '暂定'}）`,
      });
      this.cached = null;
      return { revision: after.revision, before };
    });
  }

  private async load(): Promise<WorkdayCalendar> {
    const years = await this.years();
    const revision = years.reduce((max, y) => Math.max(max, y.revision), 0);
    const calendar = new WorkdayCalendar(calendarDataOf(years, revision));
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  private async seedOnce(): Promise<void> {
    if (this.seeded) return;
    await seedCalendarYears(this.db);
    this.seeded = true;
  }
}

/** Inserts the data package's years that the table lacks; an entered year is never overwritten. */
export async function seedCalendarYears(db: DataSource | EntityManager): Promise<void> {
  const years = seedYears();
  await db.query(
    `INSERT INTO calendar_year (year, status, holidays, makeup_workdays, note)
     SELECT y.year, 'official', y.holidays, y.makeup_workdays, y.note
       FROM jsonb_to_recordset($1::jsonb) AS y(year int, holidays text[], makeup_workdays text[], note text)
     ON CONFLICT (year) DO NOTHING`,
    [
      JSON.stringify(
        years.map((y) => ({
          year: y.year,
          holidays: y.holidays,
          makeup_workdays: y.makeupWorkdays,
          note: y.source?.note,
        })),
      ),
    ],
  );
}
