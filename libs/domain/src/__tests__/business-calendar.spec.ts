import { DEFAULT_ESCALATION_LADDER, addWorkingDays, deadlineOf, isWorkingDay, ladderSchedule, workCalendar } from '..';

/**
 * The real 2025 days off for public servants, written as the work calendar keeps them: a swapped
 * weekday sits among the days off and the Saturday worked for it among the working weekend days.
 */
const calendar2025 = workCalendar(
  [
    // Tết Nguyên đán: off Saturday 25/01 to Sunday 02/02; Monday 27/01 swapped for Saturday 15/02.
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    // 30/4 and 1/5 fell on Wednesday and Thursday; Friday 02/05 swapped for Saturday 26/04.
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
  ],
  ['2025-02-15', '2025-04-26'],
);

/** A deadline written as a day ends at 23:59:59.999 in Vietnam. */
const endOfVietnamDay = (date: string) => new Date(`${date}T23:59:59.999+07:00`).toISOString();

describe('deadlines on days off (BLDS 2015, Điều 148 khoản 5)', () => {
  it('moves a deadline on Sunday 10/11/2024 to the end of Monday 11/11/2024', () => {
    expect(deadlineOf('2024-11-10', calendar2025)).toBe('2024-11-11T16:59:59.999Z');
    expect(deadlineOf('2024-11-10', calendar2025)).toBe(endOfVietnamDay('2024-11-11'));
  });

  it('keeps a deadline on Friday 24/01/2025, the last working day before Tết', () => {
    expect(deadlineOf('2025-01-24', calendar2025)).toBe(endOfVietnamDay('2025-01-24'));
  });

  it.each(['2025-01-25', '2025-01-27', '2025-01-29', '2025-02-02'])(
    'moves a deadline on %s, inside Tết Ất Tỵ, past the whole holiday to Monday 03/02/2025',
    (date) => {
      expect(deadlineOf(date, calendar2025)).toBe(endOfVietnamDay('2025-02-03'));
    },
  );

  it('moves a deadline on 30/4, 1/5 or the swapped Friday 2/5/2025 to the end of Monday 5/5', () => {
    for (const date of ['2025-04-30', '2025-05-01', '2025-05-02']) {
      expect(deadlineOf(date, calendar2025)).toBe(endOfVietnamDay('2025-05-05'));
    }
  });
});

describe('working days around 30/4 – 1/5/2025', () => {
  it('works Saturday 26/04 and rests Friday 02/05, the swap of that year', () => {
    expect(isWorkingDay('2025-04-26', calendar2025)).toBe(true);
    expect(isWorkingDay('2025-05-02', calendar2025)).toBe(false);
  });

  it('counts 3 working days after Tuesday 29/04 as Wednesday 07/05, skipping the holiday and the weekend', () => {
    expect(addWorkingDays('2025-04-29', 3, calendar2025)).toBe('2025-05-07');
  });

  it('counts 2 working days before Monday 05/05 as Monday 28/04, and a third as the worked Saturday 26/04', () => {
    expect(addWorkingDays('2025-05-05', -2, calendar2025)).toBe('2025-04-28');
    expect(addWorkingDays('2025-05-05', -3, calendar2025)).toBe('2025-04-26');
  });

  it('schedules the default ladder of a task due Tuesday 29/04/2025 around the holiday', () => {
    const dueAt = deadlineOf('2025-04-29', calendar2025);
    const opening = (date: string) => new Date(`${date}T08:00:00+07:00`).toISOString();

    const schedule = ladderSchedule(dueAt, DEFAULT_ESCALATION_LADDER, calendar2025);

    expect(schedule.map(({ step, at }) => [step, at])).toEqual([
      ['D-5', opening('2025-04-23')],
      ['D-2', opening('2025-04-26')], // the Saturday worked in exchange
      ['D-1', opening('2025-04-28')],
      ['overdue', dueAt],
      ['+3', opening('2025-05-07')],
      ['+7', opening('2025-05-13')],
    ]);
  });
});
