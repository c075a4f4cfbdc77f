import { TZDate } from '@date-fns/tz';
import { DomainError, type Problem } from '../errors/domain-error';
import { isInstant, normalizeInstant, vietnamDateOf, VIETNAM_TIME_ZONE, type Instant, type LocalDate } from '../calendar/local-date';
import { addWorkingDays, type WorkCalendar } from '../calendar/working-days';

/** How far from the task's due date a rung fires: working days (the rule), or seconds (compressed test calendars, exceptional cases). */
export type LadderOffset = { workingDays: number } | { seconds: number };

/**
 * Who hears of a rung: the task's assignees, the assignee unit's leader in charge, the coordinator
 * (or the unit's escalation unit), the province's office.
 */
export const ESCALATION_AUDIENCES = ['assignee', 'leader_in_charge', 'coordinator', 'office'] as const;
export type EscalationAudience = (typeof ESCALATION_AUDIENCES)[number];

export interface LadderRung {
  /** Stable label, unique within the ladder, e.g. 'D-5', 'overdue', '+3'. Max 20 chars, [A-Za-z0-9+-_]. */
  step: string;
  kind: 'reminder' | 'escalation';
  offset: LadderOffset;
  audience: EscalationAudience[];
}

/** Theo dõi, đôn đốc: reminders before a task's due date, then escalations once it is overdue. Configured per cycle. */
export interface EscalationLadder {
  rungs: LadderRung[];
}

/**
 * The example: remind at −5, −2, −1 working days; when overdue tell the assignee and the
 * unit's leader in charge; +3 working days the coordinator; +7 the province's office.
 */
export const DEFAULT_ESCALATION_LADDER: EscalationLadder = {
  rungs: [
    { step: 'D-5', kind: 'reminder', offset: { workingDays: -5 }, audience: ['assignee'] },
    { step: 'D-2', kind: 'reminder', offset: { workingDays: -2 }, audience: ['assignee'] },
    { step: 'D-1', kind: 'reminder', offset: { workingDays: -1 }, audience: ['assignee'] },
    { step: 'overdue', kind: 'escalation', offset: { workingDays: 0 }, audience: ['assignee', 'leader_in_charge'] },
    { step: '+3', kind: 'escalation', offset: { workingDays: 3 }, audience: ['coordinator'] },
    { step: '+7', kind: 'escalation', offset: { workingDays: 7 }, audience: ['office'] },
  ],
};

export interface LadderStep {
  step: string;
  kind: 'reminder' | 'escalation';
  audience: EscalationAudience[];
  at: Instant;
}

/** Reminders and escalations counted in working days go out when the office opens, not at midnight. */
const OFFICE_OPENS_AT_HOUR = 8;

/**
 * When each rung of the ladder fires for a task due at `dueAt`, soonest first (ties keep ladder order).
 * - { seconds: n }: dueAt + n seconds.
 * - { workingDays: 0 }: exactly dueAt (the moment the task becomes overdue).
 * - { workingDays: n ≠ 0 }: 08:00 Vietnam time on the date n working days from the due date
 *   (vietnamDateOf(dueAt)), counted with the WorkCalendar (weekends and days off skipped, make-up
 *   Saturdays count); negative = before.
 * Every `at` is written in UTC, as workflows and the database keep moments.
 */
export function ladderSchedule(dueAt: Instant, ladder: EscalationLadder, calendar: WorkCalendar): LadderStep[] {
  if (!isInstant(dueAt)) {
    throw new DomainError('ESCALATION_DUE_INVALID', `Hạn xử lý không phải một thời điểm hợp lệ: ${String(dueAt)}.`, { dueAt });
  }
  const steps = ladder.rungs.map(
    (rung): LadderStep => ({ step: rung.step, kind: rung.kind, audience: [...rung.audience], at: firesAt(dueAt, rung.offset, calendar) }),
  );
  // Array.prototype.sort is stable, so rungs firing at the same moment keep the ladder's order.
  return steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function firesAt(dueAt: Instant, offset: LadderOffset, calendar: WorkCalendar): Instant {
  if ('seconds' in offset) return new Date(Date.parse(dueAt) + offset.seconds * 1000).toISOString();
  if (offset.workingDays === 0) return normalizeInstant(dueAt);
  return officeOpeningOn(addWorkingDays(vietnamDateOf(dueAt), offset.workingDays, calendar));
}

function officeOpeningOn(date: LocalDate): Instant {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(new TZDate(year, month - 1, day, OFFICE_OPENS_AT_HOUR, 0, VIETNAM_TIME_ZONE).getTime()).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Validation of a ladder an admin sent: untrusted JSON, so every shape is checked before use.

const RUNGS_MAX = 12;
const STEP_LABEL = /^[A-Za-z0-9+_-]{1,20}$/;
const WORKING_DAYS_MAX = 30;
const SECONDS_MAX = 365 * 24 * 60 * 60;

const LADDER_KEYS = ['rungs'];
const RUNG_KEYS = ['step', 'kind', 'offset', 'audience'];
const OFFSET_KEYS = ['workingDays', 'seconds'];

type JsonObject = Record<string, unknown>;

const AUDIENCE_LIST = ESCALATION_AUDIENCES.join(', ');

function problem(code: string, field: string, message: string): Problem {
  return { code, field, message };
}

/** Everything wrong with a ladder an admin sent, each problem with a stable code and a Vietnamese message naming its field. */
export function validateEscalationLadder(value: unknown): Problem[] {
  if (!isJsonObject(value)) {
    return [{ code: 'ESCALATION_LADDER_INVALID', message: 'Thang nhắc hạn và báo cáo quá hạn phải là một đối tượng có danh sách bậc (rungs).' }];
  }
  const problems = unknownKeys(value, LADDER_KEYS, '');
  const rungs = own(value, 'rungs');
  if (!Array.isArray(rungs) || rungs.length === 0 || rungs.length > RUNGS_MAX) {
    problems.push(problem('ESCALATION_LADDER_INVALID', 'rungs', `rungs phải là danh sách từ 1 đến ${RUNGS_MAX} bậc.`));
    return problems;
  }
  rungs.forEach((rung, index) => problems.push(...rungProblems(rung, `rungs[${index}]`)));
  problems.push(...duplicateSteps(rungs));
  return problems;
}

function rungProblems(rung: unknown, path: string): Problem[] {
  if (!isJsonObject(rung)) {
    return [problem('ESCALATION_RUNG_INVALID', path, `${path} phải là một đối tượng gồm step, kind, offset và audience.`)];
  }
  const kind = own(rung, 'kind');
  const offset = offsetCheck(own(rung, 'offset'), `${path}.offset`);
  return [
    ...unknownKeys(rung, RUNG_KEYS, path),
    ...stepProblems(own(rung, 'step'), `${path}.step`),
    ...kindProblems(kind, `${path}.kind`),
    ...offset.problems,
    ...audienceProblems(own(rung, 'audience'), `${path}.audience`),
    ...directionProblems(kind, offset.amount, `${path}.offset`),
  ];
}

function stepProblems(step: unknown, field: string): Problem[] {
  if (typeof step === 'string' && STEP_LABEL.test(step)) return [];
  return [problem(
    'ESCALATION_STEP_INVALID',
    field,
    `${field} phải có từ 1 đến 20 ký tự, chỉ gồm chữ không dấu, chữ số và các dấu + - _ (ví dụ "D-5", "+3").`,
  )];
}

function kindProblems(kind: unknown, field: string): Problem[] {
  if (kind === 'reminder' || kind === 'escalation') return [];
  return [problem('ESCALATION_KIND_INVALID', field, `${field} phải là "reminder" (nhắc hạn) hoặc "escalation" (báo cáo quá hạn).`)];
}

/** The offset's signed amount when it is well formed (its unit does not matter for the direction rule). */
function offsetCheck(offset: unknown, field: string): { amount: number | null; problems: Problem[] } {
  const invalid = (message: string) => ({ amount: null, problems: [problem('ESCALATION_OFFSET_INVALID', field, message)] });
  if (!isJsonObject(offset)) return invalid(`${field} phải là một đối tượng có đúng một trong hai mục workingDays hoặc seconds.`);
  const unknown = unknownKeys(offset, OFFSET_KEYS, field);
  if (unknown.length > 0) return { amount: null, problems: unknown };
  const present = OFFSET_KEYS.filter((key) => Object.hasOwn(offset, key));
  if (present.length !== 1) return invalid(`${field} phải có đúng một trong hai mục workingDays (số ngày làm việc) hoặc seconds (số giây).`);

  const [unit] = present;
  const amount = offset[unit];
  const max = unit === 'workingDays' ? WORKING_DAYS_MAX : SECONDS_MAX;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || Math.abs(amount) > max) {
    return invalid(`${field}.${unit} phải là số nguyên từ -${max} đến ${max}.`);
  }
  return { amount, problems: [] };
}

function audienceProblems(audience: unknown, field: string): Problem[] {
  if (!Array.isArray(audience) || audience.length === 0) {
    return [problem('ESCALATION_AUDIENCE_INVALID', field, `${field} phải là danh sách không rỗng người nhận, trong số: ${AUDIENCE_LIST}.`)];
  }
  const problems: Problem[] = [];
  const seen = new Set<unknown>();
  audience.forEach((who, index) => {
    const itemField = `${field}[${index}]`;
    if (!isEscalationAudience(who)) {
      problems.push(problem(
        'ESCALATION_AUDIENCE_INVALID',
        itemField,
        `${itemField} không phải người nhận hợp lệ; chọn trong số: ${AUDIENCE_LIST}.`,
      ));
    } else if (seen.has(who)) {
      problems.push(problem('ESCALATION_AUDIENCE_DUPLICATE', itemField, `${itemField}: người nhận "${who}" đã có trong danh sách.`));
    }
    seen.add(who);
  });
  return problems;
}

/** A reminder is only useful before the due date; an escalation only means something once the task is late. */
function directionProblems(kind: unknown, amount: number | null, field: string): Problem[] {
  if (amount === null) return [];
  if (kind === 'reminder' && amount >= 0) {
    return [problem('ESCALATION_REMINDER_NOT_BEFORE_DUE', field, `${field}: bậc nhắc hạn phải diễn ra trước hạn xử lý (giá trị âm).`)];
  }
  if (kind === 'escalation' && amount < 0) {
    return [problem(
      'ESCALATION_BEFORE_DUE',
      field,
      `${field}: bậc báo cáo quá hạn phải diễn ra từ lúc hết hạn trở đi (giá trị 0 hoặc dương).`,
    )];
  }
  return [];
}

function duplicateSteps(rungs: unknown[]): Problem[] {
  const problems: Problem[] = [];
  const firstIndex = new Map<string, number>();
  rungs.forEach((rung, index) => {
    const step = isJsonObject(rung) ? own(rung, 'step') : undefined;
    if (typeof step !== 'string') return;
    const first = firstIndex.get(step);
    if (first === undefined) {
      firstIndex.set(step, index);
      return;
    }
    const field = `rungs[${index}].step`;
    problems.push(problem(
      'ESCALATION_STEP_DUPLICATE',
      field,
      `${field}: nhãn "${step}" đã dùng ở rungs[${first}]; mỗi bậc cần một nhãn riêng.`,
    ));
  });
  return problems;
}

/** Keys outside `allowed`, including `__proto__` and `toString`, which JSON.parse makes own keys. */
function unknownKeys(value: JsonObject, allowed: string[], path: string): Problem[] {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => {
      const field = path ? `${path}.${key}` : key;
      return problem(
        'ESCALATION_FIELD_UNKNOWN',
        field,
        `Không có mục ${field} trong thang nhắc hạn; các mục được phép: ${allowed.join(', ')}.`,
      );
    });
}

function isEscalationAudience(value: unknown): value is EscalationAudience {
  return (ESCALATION_AUDIENCES as readonly unknown[]).includes(value);
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads only the object's own keys, never what its prototype (or a smuggled `__proto__`) would supply. */
function own(value: JsonObject, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}
