import Holidays from 'date-holidays';
import { addCalendarDays, addWorkingDays, dayOfWeek, workCalendar, type LocalDate } from '@plancycle/domain';

export interface BaselineDay {
  date: LocalDate;
  name: string;
}

/**
 * A starting point for one year's days off, built from the date-holidays library (which knows the
 * lunar dates) and the Labour Code 2019, Điều 112: Tết Nguyên đán is five days (here: giao thừa and
 * the four days after), Quốc khánh two days (2/9 and the day before), and a holiday falling on a
 * weekend is made up on the next working day. The government fixes the real days each year; an admin
 * edits this baseline to match.
 */
export function baselineDaysOff(year: number): BaselineDay[] {
  const days = new Map<LocalDate, string>();
  const add = (date: LocalDate, name: string) => {
    if (date.startsWith(String(year)) && !days.has(date)) days.set(date, name);
  };

  for (const holiday of new Holidays('VN').getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10);
    if (holiday.name.startsWith('Giao thừa')) {
      for (let offset = 0; offset < 5; offset += 1) add(addCalendarDays(date, offset), 'Tết Nguyên đán');
    } else if (holiday.name === 'Tết Nguyên Đán') {
      continue; // covered by the five days counted from giao thừa
    } else if (date.endsWith('-09-02')) {
      add(addCalendarDays(date, -1), holiday.name);
      add(date, holiday.name);
    } else {
      add(date, holiday.name);
    }
  }

  const isWeekend = (date: LocalDate) => [0, 6].includes(dayOfWeek(date));
  for (const [date, name] of [...days]) {
    if (!isWeekend(date)) continue;
    const calendar = workCalendar(days.keys());
    add(addWorkingDays(date, 1, calendar), `Nghỉ bù ${name}`);
  }
  return [...days].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}
