import { VIETNAM_TIME_ZONE } from '@plancycle/domain';

/** A moment as read on a clock in Vietnam. */
export interface VietnamTime {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

const VIETNAM_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Null when `iso` is not a moment. */
export function vietnamTimeOf(iso: string): VietnamTime | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const parts = Object.fromEntries(VIETNAM_CLOCK.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: parts['year'], month: parts['month'], day: parts['day'], hour: parts['hour'], minute: parts['minute'] };
}

/** A `YYYY-MM-DD` day split into its parts, or null when it is not one. */
export function dayParts(day: string): { year: string; month: string; day: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? { year: match[1], month: match[2], day: match[3] } : null;
}

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function englishMonth(month: string): string {
  return ENGLISH_MONTHS[Number(month) - 1] ?? month;
}
