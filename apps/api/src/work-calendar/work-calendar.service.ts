import { Inject, Injectable } from '@nestjs/common';
import { validateYearDays, FIRST_CYCLE_YEAR, LAST_CYCLE_YEAR, type YearDay } from '@plancycle/domain';
import { WorkCalendarRepository, type WorkCalendarDayRecord } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { badRequest, forbidden } from '../common/api-exception';

/**
 * The days off and make-up working days of a year, for the API and the admin's web page alike, so
 * both refuse the same lists with the same messages.
 */
@Injectable()
export class WorkCalendarService {
  constructor(@Inject(WorkCalendarRepository) private readonly days: WorkCalendarRepository) {}

  list(yearText: string): Promise<WorkCalendarDayRecord[]> {
    return this.days.listYear(checkedYear(yearText));
  }

  /** The admin's list replaces the year's; any problem refuses it whole, every problem listed in `details.problems`. */
  replace(yearText: string, days: unknown, user: AuthenticatedUser): Promise<WorkCalendarDayRecord[]> {
    // Days off are the nation's: any province's admin may set them (one deployment serves one country).
    if (!user.roles.some((role) => role.role === 'admin')) throw forbidden('Chỉ quản trị viên mới được đặt ngày nghỉ, ngày làm bù.');
    const year = checkedYear(yearText);
    const problems = validateYearDays(year, days);
    if (problems.length > 0) throw badRequest(problems[0].code, problems[0].message, { problems });
    return this.days.replaceYear(year, days as YearDay[]);
  }
}

export function checkedYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < FIRST_CYCLE_YEAR || year > LAST_CYCLE_YEAR) {
    throw badRequest('WORK_CALENDAR_YEAR_INVALID', `Năm phải là số nguyên từ ${FIRST_CYCLE_YEAR} đến ${LAST_CYCLE_YEAR}.`);
  }
  return year;
}
