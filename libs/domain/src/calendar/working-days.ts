import { addCalendarDays, dayOfWeek, endOfDayInVietnam, type Instant, type LocalDate } from './local-date';

/**
 * Which days are worked. Saturdays and Sundays are off; `daysOff` adds the public holidays and the
 * days attached to them, `workingWeekendDays` the Saturdays worked in exchange (ngày làm bù).
 * Both change every year by government decision, so they are data an admin edits, not code.
 */
export interface WorkCalendar {
  daysOff: ReadonlySet<LocalDate>;
  workingWeekendDays: ReadonlySet<LocalDate>;
}

export function workCalendar(daysOff: Iterable<LocalDate> = [], workingWeekendDays: Iterable<LocalDate> = []): WorkCalendar {
  return { daysOff: new Set(daysOff), workingWeekendDays: new Set(workingWeekendDays) };
}

export function isWorkingDay(date: LocalDate, calendar: WorkCalendar): boolean {
  if (calendar.workingWeekendDays.has(date)) return true;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !calendar.daysOff.has(date);
}

/** Bộ luật Dân sự 2015, Điều 148 khoản 5: a period ending on a day off ends on the next working day. */
export function nextWorkingDayOnOrAfter(date: LocalDate, calendar: WorkCalendar): LocalDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addCalendarDays(day, 1);
  return day;
}

/** The `count`-th working day after `date` (count may be negative: before it). */
export function addWorkingDays(date: LocalDate, count: number, calendar: WorkCalendar): LocalDate {
  const step = count < 0 ? -1 : 1;
  let day = date;
  for (let remaining = Math.abs(count); remaining > 0; ) {
    day = addCalendarDays(day, step);
    if (isWorkingDay(day, calendar)) remaining -= 1;
  }
  return day;
}

/** The moment a deadline written as a day expires: end of that day, moved past days off. */
export function deadlineOf(date: LocalDate, calendar: WorkCalendar): Instant {
  return endOfDayInVietnam(nextWorkingDayOnOrAfter(date, calendar));
}

/**
 * Working days from `today` to `due`: 0 when due today, 1 when due on the next working day, and
 * negative once past (−1 on the first working day after it). What an inbox shows as "days left".
 */
export function workingDaysUntil(today: LocalDate, due: LocalDate, calendar: WorkCalendar): number {
  const [from, to, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return sign * count;
}
