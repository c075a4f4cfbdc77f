import { addWorkingDays, deadlineOf, endOfDayInVietnam, isLocalDate, isWorkingDay, nextWorkingDayOnOrAfter, vietnamDateOf, workCalendar, workingDaysUntil } from '..';

const tet2026 = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'];
const calendar = workCalendar(tet2026, ['2026-02-28']);

describe('working days', () => {
  it('treats Saturdays, Sundays and listed days off as days off', () => {
    expect(isWorkingDay('2026-11-09', calendar)).toBe(true); // Monday
    expect(isWorkingDay('2026-11-07', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-08', calendar)).toBe(false); // Sunday
    expect(isWorkingDay('2026-02-17', calendar)).toBe(false); // Tết
  });

  it('counts the working days left to a due date, and past it as negative, across Tết', () => {
    expect(workingDaysUntil('2026-11-09', '2026-11-09', calendar)).toBe(0);
    expect(workingDaysUntil('2026-11-06', '2026-11-09', calendar)).toBe(1); // Friday to Monday
    expect(workingDaysUntil('2026-02-13', '2026-02-23', calendar)).toBe(1); // over Tết
    expect(workingDaysUntil('2026-02-23', '2026-02-13', calendar)).toBe(-1);
    expect(workingDaysUntil('2026-11-16', '2026-11-09', calendar)).toBe(-5);
  });

  it('counts a Saturday worked in exchange (ngày làm bù) as a working day', () => {
    expect(isWorkingDay('2026-02-28', calendar)).toBe(true);
  });

  it('moves a deadline falling on a day off to the end of the next working day (BLDS 2015, Điều 148)', () => {
    expect(nextWorkingDayOnOrAfter('2026-02-14', calendar)).toBe('2026-02-23');
    expect(deadlineOf('2026-02-14', calendar)).toBe(endOfDayInVietnam('2026-02-23'));
  });

  it('skips weekends and Tết when counting working days, forwards and backwards', () => {
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-23', -1, calendar)).toBe('2026-02-13');
    expect(addWorkingDays('2026-11-06', 2, calendar)).toBe('2026-11-10');
  });

  it('ends a day at 23:59:59.999 Vietnam time whatever the server zone', () => {
    expect(endOfDayInVietnam('2023-11-09')).toBe('2023-11-09T16:59:59.999Z');
    expect(vietnamDateOf('2023-11-09T17:00:00.000Z')).toBe('2023-11-10');
  });

  it('accepts only real calendar days as dates', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('09/11/2023')).toBe(false);
    expect(isLocalDate(20231109)).toBe(false);
  });
});
