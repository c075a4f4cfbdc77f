import { formatVietnameseDate, formatVnd, vietnamDateOf, type LocalDate } from '@plancycle/domain';
import type { Locale } from '../i18n/locale';

const ENGLISH_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const LOCAL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day as each reader writes it: `09/11/2095` in Vietnamese, `9 Nov 2095` in English.
 * A day in Vietnamese is its own digits reordered: the dashboard writes one per unit, and going
 * through a time-zone date for each was a tenth of the page's time at 200 units.
 */
export function formatDay(date: LocalDate, locale: Locale): string {
  if (locale !== 'vi') return ENGLISH_DAY.format(new Date(`${date}T00:00:00Z`));
  const day = LOCAL_DAY.exec(date);
  return day ? `${day[3]}/${day[2]}/${day[1]}` : formatVietnameseDate(date);
}

/** Vietnam has kept UTC+7, without summer time, since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The day a deadline falls on in Vietnam, where every deadline of the cycle is set. With the fixed
 * offset rather than a time-zone date: the page writes a dozen of these and each of those cost
 * more than the rest of the timeline.
 */
export function formatDeadline(instant: string, locale: Locale): string {
  const at = Date.parse(instant);
  const day = Number.isNaN(at) ? vietnamDateOf(instant) : new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  return formatDay(day, locale);
}

/** `200.000.000` whatever the reader's language: amounts are copied into official documents. */
export const formatAmount = formatVnd;
