import { TZDate } from '@date-fns/tz';
import { addDays, endOfDay, format, isValid } from 'date-fns';

/** Official deadlines are calendar days in Vietnam time, whatever the server's clock zone. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar day, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A moment, ISO 8601 in UTC (`2026-11-09T16:59:59.999Z`): what workflows and the database keep. */
export type Instant = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const day = toVietnamDate(value);
  return isValid(day) && format(day, 'yyyy-MM-dd') === value;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment written with its zone (`Z` or `+07:00`) on a day that exists. Without a zone the same
 * text means different moments on servers in different zones, which a workflow must never see.
 */
export function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && isLocalDate(match[1]) && !Number.isNaN(Date.parse(value));
}

/** The one spelling of a moment that workflows and the database keep: UTC, milliseconds. */
export function normalizeInstant(value: Instant): Instant {
  return new Date(value).toISOString();
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return format(new TZDate(year, month - 1, day, VIETNAM_TIME_ZONE), 'yyyy-MM-dd');
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return format(addDays(toVietnamDate(date), days), 'yyyy-MM-dd');
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return toVietnamDate(date).getDay();
}

/** The last moment of a day in Vietnam: a deadline "ngày 09/11" ends here. */
export function endOfDayInVietnam(date: LocalDate): Instant {
  return new Date(endOfDay(toVietnamDate(date)).getTime()).toISOString();
}

/** The Vietnam calendar day an instant falls on. */
export function vietnamDateOf(instant: Instant): LocalDate {
  return format(new TZDate(Date.parse(instant), VIETNAM_TIME_ZONE), 'yyyy-MM-dd');
}

/** `09/11/2026`, as officials write dates. */
export function formatVietnameseDate(date: LocalDate): string {
  return format(toVietnamDate(date), 'dd/MM/yyyy');
}

function toVietnamDate(date: LocalDate): TZDate {
  const match = LOCAL_DATE.exec(date);
  if (!match) return new TZDate(Number.NaN, VIETNAM_TIME_ZONE);
  return new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), VIETNAM_TIME_ZONE);
}
