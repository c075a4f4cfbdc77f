import type { Problem } from '../errors/domain-error';
import { dayOfWeek, isLocalDate, type LocalDate } from './local-date';

/** One exception to the Monday–Friday week: a day off (holiday, Tết) or a Saturday worked in exchange. */
export interface YearDay {
  date: LocalDate;
  kind: 'day_off' | 'working_day';
  /** What the day is, as the government's notice names it: `Tết Nguyên đán`, `Làm bù cho ngày 02/5`. */
  name: string;
}

const NAME_MAX = 200;
/** A year has about twenty such days; a list ten times longer is a mistake, not a calendar. */
const DAYS_MAX = 200;

/**
 * Checks the days an admin sets for one year (untrusted JSON): real dates of that year, each once, a
 * worked day on a weekend, and a name for each. A holiday on a weekend may be listed (notices name
 * it beside its compensatory weekday); it changes nothing. Every problem at once.
 */
export function validateYearDays(year: number, value: unknown): Problem[] {
  if (!Array.isArray(value)) return [{ code: 'WORK_CALENDAR_INVALID', field: 'days', message: 'Danh sách ngày (days) phải là một mảng.' }];
  if (value.length > DAYS_MAX) return [{ code: 'WORK_CALENDAR_INVALID', field: 'days', message: `Tối đa ${DAYS_MAX} ngày trong một năm.` }];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const field = (name: string) => `days[${index}].${name}`;
    const problem = (code: string, name: string, message: string) => problems.push({ code, field: field(name), message: `Dòng ${index + 1}: ${message}` });
    const day = (entry ?? {}) as Partial<Record<keyof YearDay, unknown>>;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return void problem('WORK_CALENDAR_INVALID', 'date', 'mỗi ngày là một đối tượng { date, kind, name }.');
    const unknownKeys = Object.keys(entry).filter((key) => !['date', 'kind', 'name'].includes(key));
    if (unknownKeys.length > 0) problem('WORK_CALENDAR_INVALID', unknownKeys[0], `không có trường "${unknownKeys[0]}".`);
    if (!isLocalDate(day.date) || !day.date.startsWith(`${year}-`)) {
      problem('WORK_CALENDAR_DATE_INVALID', 'date', `ngày phải có dạng YYYY-MM-DD và thuộc năm ${year}.`);
    } else if (seen.has(day.date)) {
      problem('WORK_CALENDAR_DATE_DUPLICATE', 'date', `ngày ${day.date} được nêu hai lần.`);
    } else {
      seen.add(day.date);
      const weekend = [0, 6].includes(dayOfWeek(day.date));
      if (day.kind === 'working_day' && !weekend) problem('WORK_CALENDAR_KIND_INVALID', 'kind', `${day.date} là ngày thường; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.`);
    }
    if (day.kind !== 'day_off' && day.kind !== 'working_day') problem('WORK_CALENDAR_KIND_INVALID', 'kind', 'loại ngày (kind) phải là day_off hoặc working_day.');
    if (typeof day.name !== 'string' || day.name.trim() === '' || day.name.length > NAME_MAX) {
      problem('WORK_CALENDAR_NAME_INVALID', 'name', `cần tên ngày (name), tối đa ${NAME_MAX} ký tự.`);
    }
  });
  return problems;
}
