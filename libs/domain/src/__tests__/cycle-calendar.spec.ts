import { applyCalendarChanges, defaultCycleCalendar, endOfDayInVietnam, reportOpensAt, validateCycleCalendar, workCalendar, type CycleCalendar } from '..';

const noHolidays = workCalendar();

describe('default cycle calendar', () => {
  it('asks for the annual report before 10/11, as the Gia Lai 2023 plan does', () => {
    const calendar = defaultCycleCalendar(2023, noHolidays);
    expect(calendar.annualReport.unitDue).toBe(endOfDayInVietnam('2023-11-09'));
    expect(calendar.annualReport.periodStart).toBe('2022-12-15');
  });

  it('moves the annual deadline to Monday when 9/11 is a Sunday', () => {
    expect(defaultCycleCalendar(2025, noHolidays).annualReport.unitDue).toBe(endOfDayInVietnam('2025-11-10'));
  });

  it('cuts quarterly figures from the 15th of the month before the quarter to the 14th of its last month (NĐ 09/2019)', () => {
    const quarters = defaultCycleCalendar(2026, noHolidays).quarterlyReports;
    expect(quarters.map((q) => [q.periodStart, q.periodEnd])).toEqual([
      ['2025-12-15', '2026-03-14'],
      ['2026-03-15', '2026-06-14'],
      ['2026-06-15', '2026-09-14'],
      ['2026-09-15', '2026-12-14'],
    ]);
  });

  it('leaves at least one working day after the cut-off and gives every level its own later deadline', () => {
    const q2 = defaultCycleCalendar(2026, noHolidays).quarterlyReports[1];
    expect(q2.unitDue).toBe(endOfDayInVietnam('2026-06-15'));
    expect(Date.parse(q2.coordinatorDue)).toBeGreaterThan(Date.parse(q2.unitDue));
    expect(Date.parse(q2.provinceDue)).toBeGreaterThan(Date.parse(q2.coordinatorDue));
  });

  it('is valid as produced', () => {
    expect(validateCycleCalendar(defaultCycleCalendar(2027, noHolidays))).toEqual([]);
  });

  it('opens each quarterly report at the end of its cut-off day, before it is due', () => {
    const quarters = defaultCycleCalendar(2026, noHolidays).quarterlyReports;
    expect(quarters.map((q) => q.opensAt)).toEqual(['2026-03-14', '2026-06-14', '2026-09-14', '2026-12-14'].map(endOfDayInVietnam));
    for (const q of quarters) expect(Date.parse(q.opensAt as string)).toBeLessThan(Date.parse(q.unitDue));
  });

  it('opens the annual report with the third quarter, so units have until 10/11 to write the year', () => {
    const calendar = defaultCycleCalendar(2023, noHolidays);
    expect(calendar.annualReport.opensAt).toBe(endOfDayInVietnam('2023-09-14'));
    expect(calendar.annualReport.opensAt).toBe(calendar.quarterlyReports[2].opensAt);
  });
});

describe('report opening moments', () => {
  const base = defaultCycleCalendar(2027, noHolidays);
  const withoutOpensAt = (): CycleCalendar => {
    const strip = <T extends { opensAt?: string }>({ opensAt: _opensAt, ...rest }: T) => rest;
    return { ...base, quarterlyReports: base.quarterlyReports.map(strip), annualReport: strip(base.annualReport) };
  };

  it('keeps a calendar stored before reports had an opening moment valid', () => {
    const older = withoutOpensAt();
    expect('opensAt' in older.annualReport).toBe(false);
    expect(validateCycleCalendar(older)).toEqual([]);
  });

  it('opens an older calendar\'s report at the end of its cut-off day', () => {
    const older = withoutOpensAt();
    expect(reportOpensAt(older.quarterlyReports[1])).toBe(endOfDayInVietnam('2027-06-14'));
    expect(reportOpensAt(older.annualReport)).toBe(endOfDayInVietnam(older.annualReport.periodEnd));
  });

  it('reads the opening moment the calendar gives', () => {
    expect(reportOpensAt({ ...base.annualReport, opensAt: '2027-10-01T01:00:00.000Z' })).toBe('2027-10-01T01:00:00.000Z');
  });

  it('refuses an opening moment that is not a moment', () => {
    const calendar = { ...base, annualReport: { ...base.annualReport, opensAt: 'giữa tháng 9' } };
    expect(validateCycleCalendar(calendar)).toEqual([expect.objectContaining({ code: 'CALENDAR_DATE_INVALID', field: 'annualReport.opensAt' })]);
  });

  it('refuses a report that opens after units must have sent it', () => {
    const late = new Date(Date.parse(base.quarterlyReports[0].unitDue) + 1).toISOString();
    const quarterlyReports = base.quarterlyReports.map((q, index) => (index === 0 ? { ...q, opensAt: late } : q));
    expect(validateCycleCalendar({ ...base, quarterlyReports })).toEqual([
      expect.objectContaining({ code: 'CALENDAR_ORDER_INVALID', field: 'quarterlyReports[1].opensAt' }),
    ]);
  });

  it('lets a report open at the very moment it is due', () => {
    const annualReport = { ...base.annualReport, opensAt: base.annualReport.unitDue };
    expect(validateCycleCalendar({ ...base, annualReport })).toEqual([]);
  });

  it('lets an admin set the opening moment, in UTC, and keeps the other windows as they were', () => {
    const { calendar, problems } = applyCalendarChanges(base, { quarterlyReports: [undefined, { opensAt: '2027-06-01T08:00:00+07:00' }] });
    expect(problems).toEqual([]);
    expect(calendar.quarterlyReports[1].opensAt).toBe('2027-06-01T01:00:00.000Z');
    expect(calendar.quarterlyReports[0]).toEqual(base.quarterlyReports[0]);
  });

  it('lets an admin set the opening moment on a calendar stored without one', () => {
    const { calendar, problems } = applyCalendarChanges(withoutOpensAt(), { annualReport: { opensAt: '2027-10-01T00:00:00.000Z' } });
    expect(problems).toEqual([]);
    expect(calendar.annualReport.opensAt).toBe('2027-10-01T00:00:00.000Z');
    expect(calendar.quarterlyReports[0].opensAt).toBeUndefined();
  });

  it('refuses an opening moment that is not a moment, even where the calendar had none', () => {
    const { problems } = applyCalendarChanges(withoutOpensAt(), { annualReport: { opensAt: 5 } });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'CALENDAR_DATE_INVALID', field: 'annualReport.opensAt' }));
  });

  it('knows opensAt only on reporting windows', () => {
    const { problems } = applyCalendarChanges(withoutOpensAt(), { opensAt: '2027-10-01T00:00:00.000Z', annualReport: { opensAtt: '2027-10-01T00:00:00.000Z' } });
    expect(problems.filter((problem) => problem.code === 'CALENDAR_FIELD_UNKNOWN').map((problem) => problem.field)).toEqual(['opensAt', 'annualReport.opensAtt']);
  });
});

describe('calendar changes', () => {
  const base = defaultCycleCalendar(2027, noHolidays);

  it('applies a nested change and keeps every other date', () => {
    const { calendar, problems } = applyCalendarChanges(base, { annualReport: { ministryDue: '2027-12-20T10:00:00.000Z' } });
    expect(problems).toEqual([]);
    expect(calendar.annualReport.ministryDue).toBe('2027-12-20T10:00:00.000Z');
    expect(calendar.annualReport.unitDue).toBe(base.annualReport.unitDue);
  });

  it('refuses an unknown key instead of silently keeping the default', () => {
    const { problems } = applyCalendarChanges(base, { anualReport: {} });
    expect(problems).toEqual([expect.objectContaining({ code: 'CALENDAR_FIELD_UNKNOWN', field: 'anualReport' })]);
  });

  it('refuses deadlines out of the order of the work', () => {
    const { problems } = applyCalendarChanges(base, { unitPlanDraftDue: '2026-01-01T00:00:00.000Z' });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'CALENDAR_ORDER_INVALID', field: 'unitPlanDraftDue' }));
  });

  it('refuses a date that is not a date', () => {
    const { problems } = applyCalendarChanges(base, { closesAt: 'cuối năm' });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'CALENDAR_DATE_INVALID', field: 'closesAt' }));
  });

  it('accepts a whole year squeezed into seconds, as tests run it', () => {
    const start = Date.parse('2030-01-01T00:00:00.000Z');
    const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
    const window = (offset: number) => ({ unitDue: at(offset), coordinatorDue: at(offset + 1), provinceDue: at(offset + 2) });
    const squeezed: CycleCalendar = {
      provincialPlanDue: at(1),
      unitPlanDraftDue: at(2),
      appraisalDue: at(3),
      unitPlanIssueDue: at(4),
      quarterlyReports: ([1, 2, 3, 4] as const).map((quarter) => ({ quarter, periodStart: '2029-12-15', periodEnd: '2030-03-14', ...window(quarter * 10) })),
      annualReport: { periodStart: '2029-12-15', periodEnd: '2030-11-06', ...window(50), ministryDue: at(53) },
      closesAt: at(60),
    };
    expect(validateCycleCalendar(squeezed)).toEqual([]);
  });
});

describe('calendar changes, hostile or careless', () => {
  const base = defaultCycleCalendar(2027, noHolidays);

  it('refuses a moment without a zone, which servers in different zones would read differently', () => {
    const { problems } = applyCalendarChanges(base, { closesAt: '2027-12-31T00:00' });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'CALENDAR_DATE_INVALID', field: 'closesAt' }));
  });

  it('refuses a day that does not exist instead of rolling it over', () => {
    const { problems } = applyCalendarChanges(base, { closesAt: '2027-02-30T00:00:00Z' });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'CALENDAR_DATE_INVALID', field: 'closesAt' }));
  });

  it('keeps every moment in UTC, whatever offset the admin wrote', () => {
    const { calendar, problems } = applyCalendarChanges(base, { closesAt: '2027-12-31T23:59:59+07:00' });
    expect(problems).toEqual([]);
    expect(calendar.closesAt).toBe('2027-12-31T16:59:59.000Z');
  });

  it('treats inherited names such as __proto__ and toString as unknown keys', () => {
    const changes = JSON.parse('{"__proto__": {"closesAt": "x"}, "toString": "x"}');
    const { calendar, problems } = applyCalendarChanges(base, changes);
    expect(problems.map((problem) => problem.field)).toEqual(expect.arrayContaining(['__proto__', 'toString']));
    expect(Object.getPrototypeOf(calendar)).toBe(Object.prototype);
  });
});
