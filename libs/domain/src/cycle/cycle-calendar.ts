import type { Problem } from '../errors/domain-error';
import { endOfDayInVietnam, isInstant, isLocalDate, localDate, normalizeInstant, vietnamDateOf, type Instant, type LocalDate } from '../calendar/local-date';
import { addWorkingDays, deadlineOf, type WorkCalendar } from '../calendar/working-days';

/**
 * One report compiled through several levels (Nghị định 09/2019/NĐ-CP): the figures cover
 * periodStart..periodEnd, then each level has its own deadline.
 */
export interface ReportingWindow {
  periodStart: LocalDate;
  periodEnd: LocalDate;
  /**
   * When units may start writing: the moment a workflow opens the report. Optional because
   * calendars stored before it existed stay valid; read it with reportOpensAt.
   */
  opensAt?: Instant;
  unitDue: Instant;
  coordinatorDue: Instant;
  provinceDue: Instant;
}

export interface QuarterlyReportWindow extends ReportingWindow {
  quarter: 1 | 2 | 3 | 4;
}

export interface AnnualReportWindow extends ReportingWindow {
  ministryDue: Instant;
}

/**
 * Every deadline of one annual cycle, as moments. Workflows wait for these dates, never for
 * durations written in code, so a test can run a whole year with dates a few seconds apart.
 */
export interface CycleCalendar {
  provincialPlanDue: Instant;
  unitPlanDraftDue: Instant;
  appraisalDue: Instant;
  unitPlanIssueDue: Instant;
  quarterlyReports: QuarterlyReportWindow[];
  annualReport: AnnualReportWindow;
  closesAt: Instant;
}

/** The moment a report opens; a calendar stored without one opens it at the end of the figures' cut-off day. */
export function reportOpensAt(window: ReportingWindow): Instant {
  return window.opensAt ?? endOfDayInVietnam(window.periodEnd);
}

/** Working days each level gets after the one below it has reported. */
const COORDINATOR_QUARTER_DAYS = 2;
const PROVINCE_QUARTER_DAYS = 2;
const COORDINATOR_ANNUAL_DAYS = 5;
const PROVINCE_ANNUAL_DAYS = 3;
const MINISTRY_ANNUAL_DAYS = 5;

/**
 * The calendar a new cycle starts from; an admin edits any date before starting it.
 * - plans: provincial plan by 15/01, unit drafts by 15/02, appraisal by end of February, issued by 15/03;
 * - quarters (NĐ 09/2019, Điều 12): figures from the 15th of the month before the quarter to the
 *   14th of its last month, due the next working day, then two working days per level;
 * - annual report: due before 10/11 (seed 003, III.14), figures up to the working day before;
 * - a quarter's report opens at the end of its cut-off day; the annual one with Q3's, since units
 *   write the year's summary from mid-September to have it in before 10/11.
 * Every deadline falling on a day off moves to the next working day (BLDS 2015, Điều 148).
 */
export function defaultCycleCalendar(year: number, calendar: WorkCalendar): CycleCalendar {
  const due = (date: LocalDate) => deadlineOf(date, calendar);
  const after = (instant: Instant, workingDays: number) =>
    due(addWorkingDays(vietnamDateOf(instant), workingDays, calendar));

  const quarterlyReports = ([1, 2, 3, 4] as const).map((quarter): QuarterlyReportWindow => {
    const lastMonth = quarter * 3;
    const periodEnd = localDate(year, lastMonth, 14);
    const unitDue = due(addWorkingDays(periodEnd, 1, calendar));
    const coordinatorDue = after(unitDue, COORDINATOR_QUARTER_DAYS);
    return {
      quarter,
      periodStart: quarter === 1 ? localDate(year - 1, 12, 15) : localDate(year, lastMonth - 3, 15),
      periodEnd,
      opensAt: endOfDayInVietnam(periodEnd),
      unitDue,
      coordinatorDue,
      provinceDue: after(coordinatorDue, PROVINCE_QUARTER_DAYS),
    };
  });

  const annualUnitDue = due(localDate(year, 11, 9));
  const annualCoordinatorDue = after(annualUnitDue, COORDINATOR_ANNUAL_DAYS);
  const annualProvinceDue = after(annualCoordinatorDue, PROVINCE_ANNUAL_DAYS);

  return {
    provincialPlanDue: due(localDate(year, 1, 15)),
    unitPlanDraftDue: due(localDate(year, 2, 15)),
    appraisalDue: due(localDate(year, 2, 28)),
    unitPlanIssueDue: due(localDate(year, 3, 15)),
    quarterlyReports,
    annualReport: {
      periodStart: localDate(year - 1, 12, 15),
      periodEnd: addWorkingDays(vietnamDateOf(annualUnitDue), -1, calendar),
      opensAt: endOfDayInVietnam(quarterlyReports[2].periodEnd),
      unitDue: annualUnitDue,
      coordinatorDue: annualCoordinatorDue,
      provinceDue: annualProvinceDue,
      ministryDue: after(annualProvinceDue, MINISTRY_ANNUAL_DAYS),
    },
    closesAt: due(localDate(year, 12, 31)),
  };
}

/** Checks that every date is a date and that the deadlines follow each other in the order of the work. */
export function validateCycleCalendar(calendar: CycleCalendar): Problem[] {
  const problems: Problem[] = [];
  const instant = (field: string, value: unknown): number | null => {
    if (!isInstant(value)) {
      problems.push({ code: 'CALENDAR_DATE_INVALID', field, message: `Ngày giờ không hợp lệ ở ${field}.` });
      return null;
    }
    return Date.parse(value);
  };
  const day = (field: string, value: unknown): number | null => {
    if (!isLocalDate(value)) {
      problems.push({ code: 'CALENDAR_DATE_INVALID', field, message: `Ngày không hợp lệ ở ${field} (định dạng YYYY-MM-DD).` });
      return null;
    }
    return Date.parse(`${value}T00:00:00Z`);
  };
  const inOrder = (earlier: [string, number | null], later: [string, number | null]) => {
    if (earlier[1] !== null && later[1] !== null && earlier[1] > later[1]) {
      problems.push({
        code: 'CALENDAR_ORDER_INVALID',
        field: later[0],
        message: `Hạn ${later[0]} không được sớm hơn hạn ${earlier[0]}.`,
      });
    }
  };
  const chain = (steps: Array<[string, number | null]>) => {
    for (let index = 1; index < steps.length; index += 1) inOrder(steps[index - 1], steps[index]);
  };
  const window = (name: string, report: ReportingWindow, extra: Array<[string, unknown]> = []) => {
    const start = day(`${name}.periodStart`, report.periodStart);
    const end = day(`${name}.periodEnd`, report.periodEnd);
    const steps: Array<[string, number | null]> = [
      [`${name}.unitDue`, instant(`${name}.unitDue`, report.unitDue)],
      [`${name}.coordinatorDue`, instant(`${name}.coordinatorDue`, report.coordinatorDue)],
      [`${name}.provinceDue`, instant(`${name}.provinceDue`, report.provinceDue)],
      ...extra.map(([field, value]): [string, number | null] => [field, instant(field, value)]),
    ];
    chain([[`${name}.periodStart`, start], [`${name}.periodEnd`, end]]);
    chain(steps);
    if (report.opensAt !== undefined) {
      const opensAt = instant(`${name}.opensAt`, report.opensAt);
      // Named on opensAt, not unitDue: the opening moment is what is out of place.
      if (opensAt !== null && steps[0][1] !== null && opensAt > steps[0][1]) {
        problems.push({
          code: 'CALENDAR_ORDER_INVALID',
          field: `${name}.opensAt`,
          message: `Thời điểm mở báo cáo ${name}.opensAt không được muộn hơn hạn ${name}.unitDue.`,
        });
      }
    }
    return steps;
  };

  const plans: Array<[string, number | null]> = [
    ['provincialPlanDue', instant('provincialPlanDue', calendar.provincialPlanDue)],
    ['unitPlanDraftDue', instant('unitPlanDraftDue', calendar.unitPlanDraftDue)],
    ['appraisalDue', instant('appraisalDue', calendar.appraisalDue)],
    ['unitPlanIssueDue', instant('unitPlanIssueDue', calendar.unitPlanIssueDue)],
  ];
  chain(plans);

  const quarters = Array.isArray(calendar.quarterlyReports) ? calendar.quarterlyReports : [];
  if (quarters.length !== 4 || quarters.some((report, index) => report?.quarter !== index + 1)) {
    problems.push({
      code: 'CALENDAR_QUARTERS_INVALID',
      field: 'quarterlyReports',
      message: 'Lịch phải có đủ bốn kỳ báo cáo quý, theo thứ tự từ quý I đến quý IV.',
    });
  } else {
    let previousUnitDue: [string, number | null] | null = null;
    for (const report of quarters) {
      const [unitDue] = window(`quarterlyReports[${report.quarter}]`, report);
      if (previousUnitDue) inOrder(previousUnitDue, unitDue);
      previousUnitDue = unitDue;
    }
  }

  const annual = calendar.annualReport;
  if (!annual || typeof annual !== 'object') {
    problems.push({ code: 'CALENDAR_DATE_INVALID', field: 'annualReport', message: 'Thiếu lịch báo cáo năm.' });
  } else {
    const steps = window('annualReport', annual, [['annualReport.ministryDue', annual.ministryDue]]);
    inOrder(plans[3], steps[0]);
    inOrder(steps[0], ['closesAt', instant('closesAt', calendar.closesAt)]);
  }
  return problems;
}

/** Keys a reporting window may lack (calendars stored before they existed) and a change may still set. */
const OPTIONAL_WINDOW_KEYS: readonly string[] = ['opensAt'];
const isWindowPath = (path: string) => path === 'annualReport' || /^quarterlyReports\[\d+\]$/.test(path);

/**
 * An admin's changes to a calendar: any subset of its keys, nested objects and the quarters by
 * position. Unknown keys are refused (a typo would otherwise silently keep the default date).
 */
export function applyCalendarChanges(base: CycleCalendar, changes: unknown): { calendar: CycleCalendar; problems: Problem[] } {
  const problems: Problem[] = [];
  const merge = (current: unknown, change: unknown, path: string): unknown => {
    if (change === undefined) return current;
    if (Array.isArray(current)) {
      if (!Array.isArray(change) || change.length > current.length) {
        problems.push({ code: 'CALENDAR_SHAPE_INVALID', field: path, message: `${path} phải là mảng tối đa ${current.length} phần tử.` });
        return current;
      }
      return current.map((item, index) => merge(item, change[index], `${path}[${index}]`));
    }
    if (current !== null && typeof current === 'object') {
      if (change === null || typeof change !== 'object' || Array.isArray(change)) {
        problems.push({ code: 'CALENDAR_SHAPE_INVALID', field: path, message: `${path} phải là một đối tượng.` });
        return current;
      }
      const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
      for (const [key, value] of Object.entries(change)) {
        const field = path ? `${path}.${key}` : key;
        if (!Object.hasOwn(result, key) && !(isWindowPath(path) && OPTIONAL_WINDOW_KEYS.includes(key))) {
          problems.push({ code: 'CALENDAR_FIELD_UNKNOWN', field, message: `Lịch không có mục ${field}.` });
          continue;
        }
        result[key] = merge(result[key], value, field);
      }
      return result;
    }
    // An optional key the base lacks can only be set to a moment.
    if (current === undefined ? !isInstant(change) : typeof change !== typeof current) {
      problems.push({ code: 'CALENDAR_DATE_INVALID', field: path, message: `Giá trị của ${path} không hợp lệ.` });
      return current;
    }
    return isInstant(change) ? normalizeInstant(change) : change;
  };
  const calendar = merge(base, changes, '') as CycleCalendar;
  return { calendar, problems: [...problems, ...validateCycleCalendar(calendar)] };
}
