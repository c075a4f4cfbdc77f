import {
  DEFAULT_ESCALATION_LADDER,
  deadlineOf,
  endOfDayInVietnam,
  ladderSchedule,
  validateEscalationLadder,
  workCalendar,
  type EscalationLadder,
  type LadderRung,
} from '..';

const noHolidays = workCalendar();
const officeOpening = (date: string) => new Date(`${date}T08:00:00+07:00`).toISOString();
const rung = (step: string, kind: LadderRung['kind'], offset: LadderRung['offset']): LadderRung => ({ step, kind, offset, audience: ['assignee'] });
const scheduleOf = (dueAt: string, rungs: LadderRung[], calendar = noHolidays) =>
  ladderSchedule(dueAt, { rungs }, calendar).map(({ step, at }) => ({ step, at }));

describe('the default escalation ladder', () => {
  it('is a ladder an admin could have sent', () => {
    expect(validateEscalationLadder(DEFAULT_ESCALATION_LADDER)).toEqual([]);
    expect(validateEscalationLadder(JSON.parse(JSON.stringify(DEFAULT_ESCALATION_LADDER)))).toEqual([]);
  });

  it('reminds the assignee three times before a task due Friday 15/01/2027, then climbs to the office', () => {
    const dueAt = deadlineOf('2027-01-15', noHolidays);
    expect(dueAt).toBe(endOfDayInVietnam('2027-01-15'));

    const schedule = ladderSchedule(dueAt, DEFAULT_ESCALATION_LADDER, noHolidays);

    expect(schedule).toEqual([
      { step: 'D-5', kind: 'reminder', audience: ['assignee'], at: officeOpening('2027-01-08') }, // Friday the week before
      { step: 'D-2', kind: 'reminder', audience: ['assignee'], at: officeOpening('2027-01-13') }, // Wednesday
      { step: 'D-1', kind: 'reminder', audience: ['assignee'], at: officeOpening('2027-01-14') }, // Thursday
      { step: 'overdue', kind: 'escalation', audience: ['assignee', 'leader_in_charge'], at: dueAt },
      { step: '+3', kind: 'escalation', audience: ['coordinator'], at: officeOpening('2027-01-20') }, // Wednesday after
      { step: '+7', kind: 'escalation', audience: ['office'], at: officeOpening('2027-01-26') }, // Tuesday a week later
    ]);
  });
});

describe('ladder schedule', () => {
  const dueThursday = endOfDayInVietnam('2027-01-14');

  it('skips a listed day off and the weekend when counting working days after the due date', () => {
    const calendar = workCalendar(['2027-01-18']); // Monday off
    expect(scheduleOf(dueThursday, [rung('+2', 'escalation', { workingDays: 2 })], calendar)).toEqual([
      { step: '+2', at: officeOpening('2027-01-19') },
    ]);
  });

  it('skips a listed day off when counting working days back from the due date', () => {
    const calendar = workCalendar(['2027-01-12']); // Tuesday off
    expect(scheduleOf(dueThursday, [rung('D-3', 'reminder', { workingDays: -3 })], calendar)).toEqual([
      { step: 'D-3', at: officeOpening('2027-01-08') },
    ]);
  });

  it('counts a Saturday worked in exchange (ngày làm bù) as a working day', () => {
    const calendar = workCalendar(['2027-01-18'], ['2027-01-16']);
    expect(scheduleOf(dueThursday, [rung('+2', 'escalation', { workingDays: 2 })], calendar)).toEqual([
      { step: '+2', at: officeOpening('2027-01-16') },
    ]);
  });

  it('counts from the Vietnam date of the due moment, not its UTC date', () => {
    const dueEarlyTuesday = '2027-01-18T18:00:00.000Z'; // Tuesday 19/01 01:00 in Vietnam, still Monday in UTC
    expect(scheduleOf(dueEarlyTuesday, [rung('D-1', 'reminder', { workingDays: -1 })])).toEqual([
      { step: 'D-1', at: officeOpening('2027-01-18') },
    ]);
  });

  it('adds plain seconds for a compressed test calendar, whatever the days off', () => {
    const dueAt = '2030-01-05T00:00:10.000Z'; // a Saturday
    const calendar = workCalendar(['2030-01-04', '2030-01-07']);
    const rungs = [
      rung('D-5', 'reminder', { seconds: -5 }),
      rung('overdue', 'escalation', { seconds: 0 }),
      rung('+3', 'escalation', { seconds: 3 }),
    ];
    expect(scheduleOf(dueAt, rungs, calendar)).toEqual([
      { step: 'D-5', at: '2030-01-05T00:00:05.000Z' },
      { step: 'overdue', at: dueAt },
      { step: '+3', at: '2030-01-05T00:00:13.000Z' },
    ]);
  });

  it('puts the soonest first and keeps the ladder order of rungs firing at the same moment', () => {
    const dueAt = new Date('2027-01-14T17:00:00+07:00').toISOString();
    const rungs = [
      rung('+3', 'escalation', { workingDays: 3 }),
      rung('late-b', 'escalation', { seconds: 0 }),
      rung('late-a', 'escalation', { workingDays: 0 }),
      rung('D-1s', 'reminder', { seconds: -33 * 3600 }), // Wednesday 08:00, as D-1
      rung('D-1', 'reminder', { workingDays: -1 }),
    ];
    expect(scheduleOf(dueAt, rungs).map(({ step }) => step)).toEqual(['D-1s', 'D-1', 'late-b', 'late-a', '+3']);
  });

  it('writes every moment in UTC, whatever offset the due moment was written with', () => {
    const schedule = scheduleOf('2027-01-14T23:59:59.999+07:00', [rung('overdue', 'escalation', { workingDays: 0 })]);
    expect(schedule).toEqual([{ step: 'overdue', at: dueThursday }]);
  });

  it('refuses a due moment that is not one, with a stable code', () => {
    expect(() => ladderSchedule('2027-01-14', DEFAULT_ESCALATION_LADDER, noHolidays)).toThrow(
      expect.objectContaining({ code: 'ESCALATION_DUE_INVALID' }),
    );
  });
});

describe('validating a ladder an admin sent', () => {
  const valid = (): EscalationLadder => JSON.parse(JSON.stringify(DEFAULT_ESCALATION_LADDER));
  const withRung = (index: number, change: Record<string, unknown>) => {
    const ladder = valid() as unknown as { rungs: Array<Record<string, unknown>> };
    ladder.rungs[index] = { ...ladder.rungs[index], ...change };
    return ladder;
  };
  const found = (value: unknown) => validateEscalationLadder(value).map(({ code, field }) => ({ code, field }));

  it('accepts a ladder of seconds, as tests compress a cycle', () => {
    const ladder = { rungs: [rung('D-1', 'reminder', { seconds: -1 }), rung('late', 'escalation', { seconds: 31_536_000 })] };
    expect(validateEscalationLadder(ladder)).toEqual([]);
  });

  it.each([null, 'D-5', 42, [DEFAULT_ESCALATION_LADDER.rungs[0]]])('refuses %p, which is not a ladder', (value) => {
    expect(found(value)).toEqual([{ code: 'ESCALATION_LADDER_INVALID', field: undefined }]);
  });

  it('refuses a ladder without rungs, with no rung, or with more than 12', () => {
    const thirteen = Array.from({ length: 13 }, (_, index) => rung(`+${index}`, 'escalation', { workingDays: index }));
    expect(found({})).toEqual([{ code: 'ESCALATION_LADDER_INVALID', field: 'rungs' }]);
    expect(found({ rungs: [] })).toEqual([{ code: 'ESCALATION_LADDER_INVALID', field: 'rungs' }]);
    expect(found({ rungs: thirteen })).toEqual([{ code: 'ESCALATION_LADDER_INVALID', field: 'rungs' }]);
    expect(found({ rungs: thirteen.slice(0, 12) })).toEqual([]);
  });

  it('refuses a rung that is not an object', () => {
    expect(found({ rungs: ['D-5'] })).toEqual([{ code: 'ESCALATION_RUNG_INVALID', field: 'rungs[0]' }]);
  });

  it('refuses two rungs with the same label, naming the second', () => {
    expect(found(withRung(2, { step: 'D-5' }))).toEqual([{ code: 'ESCALATION_STEP_DUPLICATE', field: 'rungs[2].step' }]);
  });

  it.each(['', 'D 5', 'Đ-5', 'x'.repeat(21), 5, undefined])('refuses the label %p', (step) => {
    expect(found(withRung(0, { step }))).toEqual([{ code: 'ESCALATION_STEP_INVALID', field: 'rungs[0].step' }]);
  });

  it('accepts a label of 20 letters, digits, +, - and _', () => {
    expect(found(withRung(0, { step: 'Nhac_truoc-5+ngay_lv' }))).toEqual([]);
  });

  it('refuses a kind other than reminder or escalation', () => {
    expect(found(withRung(0, { kind: 'warning' }))).toEqual([{ code: 'ESCALATION_KIND_INVALID', field: 'rungs[0].kind' }]);
  });

  it.each([
    ['both units', { workingDays: -5, seconds: -5 }],
    ['neither unit', {}],
    ['fractional working days', { workingDays: -1.5 }],
    ['working days as text', { workingDays: '-5' }],
    ['more than 30 working days', { workingDays: -31 }],
    ['more than a year of seconds', { seconds: -31_536_001 }],
    ['no object', -5],
  ])('refuses an offset with %s', (_, offset) => {
    expect(found(withRung(0, { offset }))).toEqual([{ code: 'ESCALATION_OFFSET_INVALID', field: 'rungs[0].offset' }]);
  });

  it('refuses a reminder at or after the due date', () => {
    expect(found(withRung(0, { offset: { workingDays: 0 } }))).toEqual([{ code: 'ESCALATION_REMINDER_NOT_BEFORE_DUE', field: 'rungs[0].offset' }]);
    expect(found(withRung(0, { offset: { seconds: 60 } }))).toEqual([{ code: 'ESCALATION_REMINDER_NOT_BEFORE_DUE', field: 'rungs[0].offset' }]);
  });

  it('refuses an escalation before the due date', () => {
    expect(found(withRung(4, { offset: { workingDays: -1 } }))).toEqual([{ code: 'ESCALATION_BEFORE_DUE', field: 'rungs[4].offset' }]);
  });

  it('refuses an empty audience, an unknown one and one named twice', () => {
    expect(found(withRung(0, { audience: [] }))).toEqual([{ code: 'ESCALATION_AUDIENCE_INVALID', field: 'rungs[0].audience' }]);
    expect(found(withRung(0, { audience: 'assignee' }))).toEqual([{ code: 'ESCALATION_AUDIENCE_INVALID', field: 'rungs[0].audience' }]);
    expect(found(withRung(0, { audience: ['assignee', 'chairman'] }))).toEqual([{ code: 'ESCALATION_AUDIENCE_INVALID', field: 'rungs[0].audience[1]' }]);
    expect(found(withRung(3, { audience: ['assignee', 'leader_in_charge', 'assignee'] }))).toEqual([
      { code: 'ESCALATION_AUDIENCE_DUPLICATE', field: 'rungs[3].audience[2]' },
    ]);
  });

  it('treats __proto__, toString and misspelt keys as unknown instead of reading through them', () => {
    const ladder = JSON.parse(`{
      "__proto__": { "rungs": [] },
      "rungs": [
        { "__proto__": { "step": "D-1", "kind": "reminder" }, "offset": { "__proto__": { "workingDays": -1 } }, "audience": ["assignee"] },
        { "step": "+1", "kind": "escalation", "offset": { "workingdays": 1 }, "audience": ["office"], "toString": "x" }
      ]
    }`);
    expect(found(ladder)).toEqual([
      { code: 'ESCALATION_FIELD_UNKNOWN', field: '__proto__' },
      { code: 'ESCALATION_FIELD_UNKNOWN', field: 'rungs[0].__proto__' },
      { code: 'ESCALATION_STEP_INVALID', field: 'rungs[0].step' },
      { code: 'ESCALATION_KIND_INVALID', field: 'rungs[0].kind' },
      { code: 'ESCALATION_FIELD_UNKNOWN', field: 'rungs[0].offset.__proto__' },
      { code: 'ESCALATION_FIELD_UNKNOWN', field: 'rungs[1].toString' },
      { code: 'ESCALATION_FIELD_UNKNOWN', field: 'rungs[1].offset.workingdays' },
    ]);
  });

  it('lists every problem at once, each with a Vietnamese message naming its field', () => {
    const problems = validateEscalationLadder({
      rungs: [
        { step: 'D-1', kind: 'reminder', offset: { workingDays: 2 }, audience: [] },
        { step: 'D-1', kind: 'escalation', offset: { seconds: 0.5 }, audience: ['office'] },
      ],
    });
    expect(problems.map(({ code }) => code)).toEqual([
      'ESCALATION_AUDIENCE_INVALID',
      'ESCALATION_REMINDER_NOT_BEFORE_DUE',
      'ESCALATION_OFFSET_INVALID',
      'ESCALATION_STEP_DUPLICATE',
    ]);
    for (const problem of problems) expect(problem.message).toContain(problem.field);
    expect(problems[2].message).toBe('rungs[1].offset.seconds phải là số nguyên từ -31536000 đến 31536000.');
  });
});
