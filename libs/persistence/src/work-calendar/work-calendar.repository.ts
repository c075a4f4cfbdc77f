import type { DataSource, EntityManager } from 'typeorm';
import { workCalendar, type LocalDate, type WorkCalendar, type YearDay } from '@plancycle/domain';
import { baselineDaysOff } from '@plancycle/holidays';
import type { WorkCalendarDayKind, WorkCalendarDaySource } from '../entities/work-calendar-day.entity';

export interface WorkCalendarDayRecord {
  date: LocalDate;
  kind: WorkCalendarDayKind;
  name: string;
  source: WorkCalendarDaySource;
}

export class WorkCalendarRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Every recorded exception to the Monday–Friday week, as the domain's calendar. */
  async workCalendar(): Promise<WorkCalendar> {
    const days = await this.listDays();
    return workCalendar(
      days.filter((day) => day.kind === 'day_off').map((day) => day.date),
      days.filter((day) => day.kind === 'working_day').map((day) => day.date),
    );
  }

  /**
   * The calendar for deadlines in the given years: the recorded days, plus the library baseline for
   * any of those years nobody has seeded or edited yet, so a cycle started years ahead still skips
   * Tết and 2/9. Nothing is written: computing a deadline must not change the data an admin edits.
   */
  async workCalendarFor(years: readonly number[]): Promise<WorkCalendar> {
    const days = await this.listDays();
    const recordedYears = new Set(days.map((day) => Number(day.date.slice(0, 4))));
    const missing = years.filter((year) => !recordedYears.has(year)).flatMap((year) => baselineDaysOff(year).map((day) => day.date));
    return workCalendar(
      [...days.filter((day) => day.kind === 'day_off').map((day) => day.date), ...missing],
      days.filter((day) => day.kind === 'working_day').map((day) => day.date),
    );
  }

  async listDays(): Promise<WorkCalendarDayRecord[]> {
    // to_char, not the driver's date parsing: a JS Date would carry the server's time zone into the day.
    return (await this.db.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM work_calendar_days ORDER BY date`,
    )) as WorkCalendarDayRecord[];
  }

  /** The year's recorded days; the library baseline, marked as such, for a year nobody recorded. */
  async listYear(year: number): Promise<WorkCalendarDayRecord[]> {
    const recorded = (await this.listDays()).filter((day) => day.date.startsWith(`${year}-`));
    if (recorded.length > 0) return recorded;
    return baselineDaysOff(year).map((day) => ({ date: day.date, kind: 'day_off' as const, name: day.name, source: 'baseline' as const }));
  }

  /**
   * An admin's list for the year replaces whatever the year had, in one transaction. A day the
   * baseline also has stays marked `baseline` (the admin confirmed it), which is what tells
   * seedBaseline the year is set. Deadlines computed from now on use the list; a task already
   * scheduled keeps its dates until they are computed again.
   */
  async replaceYear(year: number, days: readonly YearDay[]): Promise<WorkCalendarDayRecord[]> {
    const baseline = new Set(baselineDaysOff(year).map((day) => day.date));
    await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM work_calendar_days WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`, [year]);
      await manager.query(
        `INSERT INTO work_calendar_days (date, kind, name, source)
         SELECT day, kind, name, source FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) AS wanted (day, kind, name, source)`,
        [
          days.map((day) => day.date),
          days.map((day) => day.kind),
          days.map((day) => day.name.trim()),
          days.map((day) => (day.kind === 'day_off' && baseline.has(day.date) ? 'baseline' : 'admin')),
        ],
      );
    });
    return (await this.listDays()).filter((day) => day.date.startsWith(`${year}-`));
  }

  /**
   * Adds the library's days off for each year that has none of them yet. A year already seeded is
   * left alone as a whole, so an admin's corrections survive a reseed: days they changed (kept by
   * ON CONFLICT) and baseline days they deleted (kept out by the year check).
   */
  async seedBaseline(years: readonly number[]): Promise<number> {
    const days = years.flatMap((year) => baselineDaysOff(year));
    if (days.length === 0) return 0;
    const inserted = (await this.db.query(
      `INSERT INTO work_calendar_days (date, kind, name, source)
       SELECT baseline.day, 'day_off', baseline.name, 'baseline'
       FROM unnest($1::date[], $2::text[]) AS baseline (day, name)
       WHERE NOT EXISTS (
         SELECT 1 FROM work_calendar_days seeded
         WHERE seeded.source = 'baseline' AND date_trunc('year', seeded.date) = date_trunc('year', baseline.day)
       )
       ON CONFLICT (date) DO NOTHING
       RETURNING date`,
      [days.map((day) => day.date), days.map((day) => day.name)],
    )) as unknown[];
    return inserted.length;
  }
}
