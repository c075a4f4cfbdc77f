import {
  endOfDayInVietnam,
  isLocalDate,
  vietnamDateOf,
  type CycleCalendar,
  type EscalationLadder,
  type Problem,
} from '@plancycle/domain';
import type { Locale } from '../i18n/locale';
import { adminText, type AdminTexts } from '../i18n/admin.messages';
import { formRows, list, one, ticked } from '../forms';

type WindowKey = 'periodStart' | 'periodEnd' | 'opensAt' | 'unitDue' | 'coordinatorDue' | 'provinceDue' | 'ministryDue';
type PlanKey = 'provincialPlanDue' | 'unitPlanDraftDue' | 'appraisalDue' | 'unitPlanIssueDue' | 'closesAt';

/** One date input of the cycle's calendar: where it sits in CycleCalendar and whether it is a day or a moment. */
export interface CalendarField {
  /** The input's name, `cal.<path>`; quarters by position (0–3), as applyCalendarChanges merges them. */
  name: string;
  path: Array<string | number>;
  key: WindowKey | PlanKey;
  /** Figures' period bounds are days; deadlines are moments, the end of the chosen day in Vietnam. */
  kind: 'day' | 'moment';
  group: 'plans' | 'q1' | 'q2' | 'q3' | 'q4' | 'annual';
}

const WINDOW_KEYS: WindowKey[] = ['periodStart', 'periodEnd', 'opensAt', 'unitDue', 'coordinatorDue', 'provinceDue'];
const field = (path: Array<string | number>, group: CalendarField['group']): CalendarField => {
  const key = path[path.length - 1] as CalendarField['key'];
  return { name: `cal.${path.join('.')}`, path, key, kind: key === 'periodStart' || key === 'periodEnd' ? 'day' : 'moment', group };
};

/** Every date the API accepts in a start request's calendar, in the order of the work. */
export const CALENDAR_FIELDS: readonly CalendarField[] = [
  ...(['provincialPlanDue', 'unitPlanDraftDue', 'appraisalDue', 'unitPlanIssueDue'] as const).map((key) => field([key], 'plans')),
  ...[0, 1, 2, 3].flatMap((index) => WINDOW_KEYS.map((key) => field(['quarterlyReports', index, key], `q${index + 1}` as CalendarField['group']))),
  ...[...WINDOW_KEYS, 'ministryDue' as const].map((key) => field(['annualReport', key], 'annual')),
  field(['closesAt'], 'annual'),
];

export function groupLabel(group: CalendarField['group'], text: AdminTexts): string {
  if (group === 'plans') return text.plansLegend;
  if (group === 'annual') return text.annualLegend;
  return text.quarterLegend(Number(group.slice(1)));
}

export function fieldLabel(calendarField: CalendarField, text: AdminTexts): string {
  const own = text[calendarField.key];
  return calendarField.group === 'plans' || calendarField.key === 'closesAt' ? own : `${groupLabel(calendarField.group, text)} – ${own}`;
}

/** The calendar as the inputs show it: Vietnam days (a moment shows the day it falls on). */
export function calendarValues(calendar: CycleCalendar): Record<string, string> {
  const values: Record<string, string> = {};
  for (const calendarField of CALENDAR_FIELDS) {
    const value = calendarField.path.reduce<unknown>((node, step) => (node as Record<string | number, unknown> | undefined)?.[step], calendar);
    values[calendarField.name] = typeof value !== 'string' ? '' : calendarField.kind === 'moment' ? vietnamDateOf(value) : value;
  }
  return values;
}

/**
 * The posted dates as calendar changes for CyclesService.start: a deadline is the end of its day in
 * Vietnam; an empty input keeps the default. A date the browser let through malformed is named here,
 * since the API would only see a missing moment.
 */
export function calendarChangesOf(body: Record<string, unknown>, locale: Locale): { values: Record<string, string>; changes: Record<string, unknown>; problems: string[]; invalid: Set<string> } {
  const text = adminText(locale);
  const values: Record<string, string> = {};
  const changes: Record<string, unknown> = {};
  const problems: string[] = [];
  const invalid = new Set<string>();
  for (const calendarField of CALENDAR_FIELDS) {
    const value = one(body[calendarField.name]).trim();
    values[calendarField.name] = value;
    if (value === '') continue;
    if (!isLocalDate(value)) {
      problems.push(text.dateInvalid(fieldLabel(calendarField, text)));
      invalid.add(calendarField.name);
      continue;
    }
    setPath(changes, calendarField.path, calendarField.kind === 'moment' ? endOfDayInVietnam(value) : value);
  }
  return { values, changes, problems, invalid };
}

/** Quarters are an array: `['quarterlyReports', 1, 'unitDue']` changes the second quarter only. */
function setPath(target: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (let depth = 0; depth < path.length - 1; depth += 1) {
    node = (node[path[depth]] ??= typeof path[depth + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
}

const PATH_IN_MESSAGE = /quarterlyReports\[(\d)\]\.(\w+)|annualReport\.(\w+)|\b(provincialPlanDue|unitPlanDraftDue|appraisalDue|unitPlanIssueDue|closesAt)\b/g;

/**
 * The calendar check names fields by their JSON path (`quarterlyReports[2].unitDue`, quarters
 * counted from 1); the form shows labels, so the message names the label the admin sees.
 */
export function calendarProblemsOf(problems: readonly Problem[], locale: Locale): { messages: string[]; invalid: Set<string> } {
  const text = adminText(locale);
  const byPath = new Map(CALENDAR_FIELDS.map((calendarField) => [messagePath(calendarField), calendarField]));
  const invalid = new Set<string>();
  const messages = problems.map((problem) => {
    const target = problem.field ? byPath.get(problem.field) : undefined;
    if (target) invalid.add(target.name);
    return problem.message.replace(PATH_IN_MESSAGE, (path) => {
      const named = byPath.get(path);
      return named ? `«${fieldLabel(named, text)}»` : path;
    });
  });
  return { messages, invalid };
}

function messagePath(calendarField: CalendarField): string {
  const [head, second, third] = calendarField.path;
  return head === 'quarterlyReports' ? `quarterlyReports[${Number(second) + 1}].${String(third)}` : calendarField.path.join('.');
}

/** One rung of the ladder as the form shows it. */
export interface RungRow {
  step: string;
  kind: string;
  offset: string;
  audience: string[];
  remove: boolean;
  problems: string[];
}

export const BLANK_RUNG_ROWS = 2;
const blankRung = (): RungRow => ({ step: '', kind: 'escalation', offset: '', audience: [], remove: false, problems: [] });

/** The ladder's rungs as rows, plus blank rows to add one. Offsets in seconds (test calendars) show as working days 0. */
export function rungRowsOf(ladder: EscalationLadder): RungRow[] {
  return [
    ...ladder.rungs.map((rung) => ({
      step: rung.step,
      kind: rung.kind,
      offset: String('workingDays' in rung.offset ? rung.offset.workingDays : 0),
      audience: [...rung.audience],
      remove: false,
      problems: [],
    })),
    ...Array.from({ length: BLANK_RUNG_ROWS }, blankRung),
  ];
}

/**
 * The posted rows and the ladder they describe, unchecked: validateEscalationLadder judges it, and
 * `sent[k]` is the row index of the ladder's k-th rung so its problems land on the right row.
 */
export function postedLadder(body: Record<string, unknown>): { rows: RungRow[]; ladder: { rungs: unknown[] }; sent: number[] } {
  const rows: RungRow[] = formRows(body, 'rung').map(({ fields }) => ({
    step: one(fields.step).trim(),
    kind: one(fields.kind),
    offset: one(fields.offset).trim(),
    audience: list(fields.audience),
    remove: ticked(fields.remove),
    problems: [],
  }));
  const sent: number[] = [];
  const rungs = rows.flatMap((row, index) => {
    if (row.remove || row.step === '') return [];
    sent.push(index);
    // Not a whole number: sent as text, for the ladder's check to refuse with its own message.
    const workingDays = /^[+-]?\d{1,6}$/.test(row.offset) ? Number(row.offset) : row.offset;
    return [{ step: row.step, kind: row.kind, offset: { workingDays }, audience: row.audience }];
  });
  return { rows, ladder: { rungs }, sent };
}

/** Puts each ladder problem on its row; problems about the whole ladder are returned. */
export function placeLadderProblems(problems: readonly Problem[], rows: RungRow[], sent: readonly number[], locale: Locale): string[] {
  const text = adminText(locale);
  return problems.map((problem) => {
    const at = /^rungs\[(\d+)\]/.exec(problem.field ?? '');
    const row = at ? sent[Number(at[1])] : undefined;
    if (row === undefined) return problem.message;
    rows[row].problems.push(problem.message);
    return `${text.row(row + 1)}: ${problem.message}`;
  });
}
