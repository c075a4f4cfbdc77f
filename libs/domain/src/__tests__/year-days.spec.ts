import { validateYearDays } from '../calendar/year-days';

describe('the days an admin sets for a year', () => {
  const tet = { date: '2026-02-16', kind: 'day_off', name: 'Tết Nguyên đán' };

  it('accepts days off on weekdays and make-up Saturdays', () => {
    expect(validateYearDays(2026, [tet, { date: '2026-01-24', kind: 'working_day', name: 'Làm bù' }])).toEqual([]);
    // A holiday on a Sunday may be listed beside its compensatory Monday, as notices do.
    expect(validateYearDays(2026, [{ ...tet, date: '2026-02-15' }])).toEqual([]);
    expect(validateYearDays(2026, [])).toEqual([]);
  });

  it.each([
    ['not a list', { days: [] }, 'WORK_CALENDAR_INVALID'],
    ['a date of another year', [{ ...tet, date: '2027-02-16' }], 'WORK_CALENDAR_DATE_INVALID'],
    ['a day that does not exist', [{ ...tet, date: '2026-02-30' }], 'WORK_CALENDAR_DATE_INVALID'],
    ['a date written the Vietnamese way', [{ ...tet, date: '16/02/2026' }], 'WORK_CALENDAR_DATE_INVALID'],
    ['the same day twice', [tet, tet], 'WORK_CALENDAR_DATE_DUPLICATE'],
    ['a make-up day on a weekday', [{ ...tet, kind: 'working_day' }], 'WORK_CALENDAR_KIND_INVALID'],
    ['an unknown kind', [{ ...tet, kind: 'holiday' }], 'WORK_CALENDAR_KIND_INVALID'],
    ['no name', [{ ...tet, name: '  ' }], 'WORK_CALENDAR_NAME_INVALID'],
    ['an unknown field', [{ ...tet, source: 'baseline' }], 'WORK_CALENDAR_INVALID'],
    ['a list far too long', Array.from({ length: 201 }, () => tet), 'WORK_CALENDAR_INVALID'],
  ])('refuses %s', (_, value, code) => {
    expect(validateYearDays(2026, value).map((problem) => problem.code)).toContain(code);
  });
});
