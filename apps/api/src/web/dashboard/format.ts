import { formatVietnameseDate, formatVnd, vietnamDateOf, type LocalDate } from '@plancycle/domain';
import type { Locale } from '../i18n/locale';

const ENGLISH_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar day as each reader writes it: `09/11/2095` in Vietnamese, `9 Nov 2095` in English. */
export function formatDay(date: LocalDate, locale: Locale): string {
  return locale === 'vi' ? formatVietnameseDate(date) : ENGLISH_DAY.format(new Date(`${date}T00:00:00Z`));
}

/** The day a deadline falls on in Vietnam, where every deadline of the cycle is set. */
export function formatDeadline(instant: string, locale: Locale): string {
  return formatDay(vietnamDateOf(instant), locale);
}

/** `200.000.000` whatever the reader's language: amounts are copied into official documents. */
export const formatAmount = formatVnd;
