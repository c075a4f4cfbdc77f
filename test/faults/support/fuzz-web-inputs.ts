import fc from 'fast-check';
import { badUpload, type FuzzTargets } from './fuzz-api-inputs';
import type { BrokenForm, FormFields, RouteInputs } from './fuzz-requests';
import { hostileId, hostileText, HOSTILE_DATES, PROTOTYPE_KEYS } from './hostile';
import { OVERDUE_RUNG } from './matrix-probes';

type Form = { any: fc.Arbitrary<FormFields>; broken: fc.Arbitrary<BrokenForm> | null };

const withDefect = (defect: string) => (fields: FormFields): BrokenForm => ({ fields, defect });
/** A field a form may or may not carry. */
const maybe = (value: fc.Arbitrary<string>) => fc.option(value, { nil: undefined });
const compact = (fields: Record<string, string | string[] | undefined>): FormFields => Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string | string[]] => entry[1] !== undefined));

/** What no amount of money reads as: the domain reads only digits, with dots between thousands. */
const notAnAmount = fc.oneof(fc.constantFrom('abc', '-5', '1,5', '1.00', '12.34.5', '١٢٣', '1e3', '0x10', 'NaN', '２００', '200.000.000đ'), hostileText.map((text) => `x${text}`));
/** What no time frame of the grid's select reads as (`q1`–`q4`, `m1`–`m12`, `year`, `regular`, `lead_unit_schedule`). */
const notATimeFrame = fc.oneof(fc.constantFrom('q5', 'm13', 'm0', 'Q2', 'quarter', '', 'q1 '), hostileText.map((text) => `z${text}`));
/** What no version number reads as, through Number(). */
const notAVersion = fc.constantFrom('abc', '0', '-1', '1.5', '', 'NaN', '1e309', 'v2');
const tooLong = (max: number) => fc.constant('x'.repeat(max + 1));
const province = maybe(fc.constant('GL'));
const unknownProvince = hostileId.map((code) => ({ province: code }));

/** Rows of an editable table as the browser posts them: `<prefix>.<index>.<field>`. */
function rowsAsFields(prefix: string, rows: ReadonlyArray<Record<string, string | string[]>>): FormFields {
  const fields: FormFields = {};
  rows.forEach((row, index) => {
    for (const [name, value] of Object.entries(row)) fields[`${prefix}.${index}.${name}`] = value;
  });
  return fields;
}

const insertAt = <T>(rows: readonly T[], row: T, at: number) => [...rows.slice(0, at % (rows.length + 1)), row, ...rows.slice(at % (rows.length + 1))];

function planDraftForm(version: number): Form {
  const row = fc.record({
    id: fc.constantFrom('item-1', ''),
    content: fc.oneof(fc.constant('Hội nghị tuyên truyền về biên giới'), hostileText),
    lead: fc.constantFrom('GL.DUCCO.IADOM', 'GL.BDBP'),
    coordinating: fc.subarray(['GL.BDBP', 'GL.SNGV']),
    timeFrame: fc.constantFrom('q2', 'year', 'regular', 'm7'),
    budget: fc.constantFrom('', '200.000.000', '15000000'),
    focus: fc.subarray(['1', '2']),
    source: fc.constantFrom('', 'item-1'),
  });
  const rows = fc.array(row, { maxLength: 3 });
  const rest = fc.record({ version: fc.oneof(fc.constant(String(version)), notAVersion), intent: fc.constantFrom('', 'submit', 'save') });
  const poisoned = (change: fc.Arbitrary<Record<string, string>>, defect: string) =>
    fc.tuple(rows, row, change, fc.nat(), rest).map(([others, base, bad, at, { version: sent, intent }]) => withDefect(defect)({ ...rowsAsFields('item', insertAt(others, { ...base, content: `Hội nghị ${base.content}`, ...bad }, at)), version: sent, intent }));
  return {
    any: fc.tuple(rows, rest).map(([sent, fields]) => ({ ...rowsAsFields('item', sent), ...fields })),
    broken: fc.oneof(
      poisoned(notAnAmount.map((budget) => ({ budget })), 'a row whose amount is no amount'),
      poisoned(notATimeFrame.map((timeFrame) => ({ timeFrame })), 'a row whose time frame is none of the list'),
      fc.tuple(rows, notAVersion, fc.constantFrom('', 'submit')).map(([sent, badVersion, intent]) => withDefect('a version that is no version')({ ...rowsAsFields('item', sent), version: badVersion, intent })),
    ),
  };
}

function planDecisionForm(): Form {
  const decisions = ['agree', 'return-appraisal', 'approve', 'return'];
  const comments = fc.oneof(fc.constant(''), hostileText);
  return {
    any: fc.record({ action: fc.oneof(fc.constantFrom(...decisions, 'amend'), hostileText), version: fc.oneof(fc.constantFrom('1', '2'), notAVersion), comments }),
    broken: fc.oneof(
      fc.record({ action: fc.oneof(fc.constantFrom('submit', 'appraise', 'Approve', '', ...PROTOTYPE_KEYS), hostileText).filter((action) => ![...decisions, 'amend'].includes(action)), version: fc.constantFrom('1', '2'), comments }).map(withDefect('no such decision')),
      fc.record({ action: fc.constantFrom(...decisions), version: notAVersion, comments }).map(withDefect('a version that is no version')),
      fc.record({ action: fc.constantFrom(...decisions), version: fc.constantFrom('1', '2'), comments: tooLong(5000) }).map(withDefect('comments over 5000 characters')),
    ),
  };
}

function reportContentForm(): Form {
  const line = { 'item-0': fc.constant('item-1'), 'status-0': fc.constantFrom('not_started', 'in_progress', 'done'), 'achieved-0': fc.oneof(fc.constant(''), hostileText), 'spent-0': fc.constantFrom('', '1.000.000', '5000') };
  const rest = { summary: fc.oneof(fc.constant('Đã tổ chức 02 buổi giao lưu.'), hostileText), intent: fc.constantFrom('', 'submit'), requestId: fc.oneof(fc.uuid(), hostileText) };
  const valid = fc.record({ ...line, ...rest });
  const poisoned = (field: string, bad: fc.Arbitrary<string>, defect: string) => fc.tuple(valid, bad).map(([fields, value]) => withDefect(defect)({ ...fields, [field]: value }));
  return {
    any: fc.record({ ...line, ...rest, 'spent-0': fc.oneof(line['spent-0'], notAnAmount) }),
    broken: fc.oneof(
      poisoned('spent-0', notAnAmount, 'money spent that is no amount'),
      poisoned('status-0', fc.oneof(hostileText, fc.constantFrom(...PROTOTYPE_KEYS)).filter((status) => !['not_started', 'in_progress', 'done'].includes(status)), 'no such status'),
      poisoned('summary', tooLong(10_000), 'a summary over 10000 characters'),
      poisoned('achieved-0', tooLong(2000), 'results over 2000 characters'),
      poisoned('item-0', hostileId, 'a line of no plan row'),
    ),
  };
}

function reportDecisionForm(): Form {
  const requestId = fc.oneof(fc.uuid(), hostileText);
  return {
    any: fc.record({ action: fc.oneof(fc.constantFrom('accept', 'return'), hostileText), comments: hostileText, requestId }),
    broken: fc.oneof(
      fc.record({ action: fc.oneof(hostileText, fc.constantFrom('submit', '', ...PROTOTYPE_KEYS)).filter((action) => action !== 'accept' && action !== 'return'), comments: hostileText, requestId }).map(withDefect('no such decision')),
      fc.record({ action: fc.constant('return'), comments: tooLong(5000), requestId }).map(withDefect('reasons over 5000 characters')),
    ),
  };
}

function calendarForm(year: number): Form {
  const day = fc.record({ date: fc.constantFrom<string>(`${year}-02-05`, `${year}-09-02`, ''), kind: fc.constantFrom('day_off', 'working_day'), name: fc.oneof(fc.constant('Tết Nguyên đán'), hostileText), remove: fc.constantFrom<string[]>([], ['true']) });
  const days = fc.array(day, { maxLength: 3 });
  const badDate = fc.constantFrom(...HOSTILE_DATES.filter((date) => date.trim() !== ''), `${year - 1}-02-05`);
  return {
    any: fc.tuple(days, province).map(([rows, code]) => compact({ ...rowsAsFields('day', rows), province: code })),
    broken: fc.oneof(
      fc.tuple(days, day, badDate, fc.nat(), province).map(([rows, base, date, at, code]) => withDefect('a day that is no day of the year')(compact({ ...rowsAsFields('day', insertAt(rows, { ...base, date, remove: [] }, at)), province: code }))),
      fc.tuple(days, unknownProvince).map(([rows, code]) => withDefect('no such province')({ ...rowsAsFields('day', rows), ...code })),
    ),
  };
}

function cycleStartForm(year: number): Form {
  const dates = ['cal.unitPlanDraftDue', 'cal.appraisalDue', 'cal.quarterlyReports.1.unitDue', 'cal.annualReport.ministryDue', 'cal.closesAt'];
  const base = fc.record({ year: fc.constant(String(year)), unit: fc.subarray(['GL.DUCCO.IADOM', 'GL.SNGV']), province }).map((fields) => ({ ...fields, ...OVERDUE_RUNG }));
  return {
    any: fc.tuple(base, fc.oneof(fc.constant(String(year)), hostileText)).map(([fields, sent]) => compact({ ...fields, year: sent })),
    broken: fc.oneof(
      fc.tuple(base, fc.oneof(fc.constantFrom('', 'abc', '1999', '2101', '99999', '0', '20.28', '２０２８'), hostileText.map((text) => `y${text}`))).map(([fields, sent]) => withDefect('a year no cycle can have')(compact({ ...fields, year: sent }))),
      fc.tuple(base, fc.constantFrom(...dates), fc.constantFrom(...HOSTILE_DATES.filter((date) => date.trim() !== ''))).map(([fields, name, date]) => withDefect('a deadline that is no day')(compact({ ...fields, [name]: date }))),
    ),
  };
}

function unitSettingsForm(): Form {
  const fields = fc.record({
    needsAppraisal: maybe(fc.constant('true')),
    participatesByDefault: maybe(fc.constant('true')),
    appraiserUnitCode: fc.constantFrom('', 'GL.DUCCO.PVHTT'),
    approverUnitCode: fc.constantFrom('', 'GL.DUCCO'),
    escalationUnitCode: fc.constantFrom('', 'GL.DUCCO'),
    documentSymbol: fc.constantFrom('', 'KH-UBND'),
  });
  return {
    any: fields.map(compact),
    broken: fc.oneof(
      fc.tuple(fields, hostileText).map(([sent, symbol]) => withDefect('a document symbol of other characters')(compact({ ...sent, documentSymbol: `KH <${symbol}` }))),
      fc.tuple(fields, fc.constantFrom('appraiserUnitCode', 'approverUnitCode', 'escalationUnitCode')).map(([sent, name]) => withDefect('a unit code over 100 characters')(compact({ ...sent, [name]: `GL.${'X'.repeat(100)}` }))),
    ),
  };
}

const ROLE_NAMES = ['admin', 'coordinator', 'officer', 'leader_in_charge', 'appraiser', 'approver'];
const roleRow = fc.record({ role: fc.constantFrom(...ROLE_NAMES), unit: fc.constantFrom('GL.SNGV', 'GL.DUCCO.IADOM'), remove: fc.constantFrom<string[]>([], ['true']) });

/** Rows of roles whose list the server must refuse: none left, a half-filled row, no such role, no such unit. */
const badRoleRows = fc.oneof(
  fc.array(roleRow.map((row) => ({ ...row, remove: ['true'] })), { maxLength: 2 }).map((rows) => ({ rows, defect: 'no role at all' })),
  fc.tuple(fc.array(roleRow, { maxLength: 2 }), fc.constantFrom(...ROLE_NAMES)).map(([rows, role]) => ({ rows: [...rows, { role, unit: '', remove: [] }], defect: 'a role without its unit' })),
  fc.tuple(fc.array(roleRow, { maxLength: 2 }), hostileText.filter((role) => role !== '' && !ROLE_NAMES.includes(role))).map(([rows, role]) => ({ rows: [...rows, { role, unit: 'GL.SNGV', remove: [] }], defect: 'no such role' })),
  fc.tuple(fc.array(roleRow, { maxLength: 2 }), hostileId).map(([rows, unit]) => ({ rows: [...rows, { role: 'officer', unit, remove: [] }], defect: 'no such unit' })),
);

function newUserForm(): Form {
  const fields = fc.record({ username: fc.constantFrom('canbo.moi', 'fuzz.user'), fullName: fc.oneof(fc.constant('Nguyễn Thị Mai'), hostileText), email: fc.constant('moi@gialai.gov.vn'), password: fc.constant('Mat-khau-dai-10') });
  const rows = fc.array(roleRow, { maxLength: 2 });
  const form = (sent: Record<string, string>, roleRows: ReadonlyArray<Record<string, string | string[]>>) => ({ ...sent, ...rowsAsFields('role', roleRows) });
  return {
    any: fc.tuple(fields, rows).map(([sent, roleRows]) => form(sent, roleRows)),
    broken: fc.oneof(
      fc.tuple(fields, rows, fc.oneof(hostileText.map((name) => `U${name}`), fc.constantFrom('ab', ''))).map(([sent, roleRows, username]) => withDefect('a user name of other characters')(form({ ...sent, username }, roleRows))),
      fc.tuple(fields, rows, fc.constantFrom('', 'ngan', '123456789')).map(([sent, roleRows, password]) => withDefect('a password under 10 characters')(form({ ...sent, password }, roleRows))),
      fc.tuple(fields, rows, fc.constantFrom('khong-phai-dia-chi', 'a@b', '@gialai.gov.vn')).map(([sent, roleRows, email]) => withDefect('no email address')(form({ ...sent, email }, roleRows))),
      fc.tuple(fields, badRoleRows).map(([sent, { rows: roleRows, defect }]) => withDefect(defect)(form(sent, roleRows))),
      fc.tuple(fields, rows, unknownProvince).map(([sent, roleRows, code]) => withDefect('no such province')({ ...form(sent, roleRows), ...code })),
    ),
  };
}

function rolesForm(): Form {
  return {
    any: fc.array(roleRow, { maxLength: 3 }).map((rows) => rowsAsFields('role', rows)),
    broken: fc.oneof(badRoleRows.map(({ rows, defect }) => withDefect(defect)(rowsAsFields('role', rows))), unknownProvince.map(withDefect('no such province'))),
  };
}

/** Queries the pages read: notices, filters, versions to compare, the admin's province, where to go back to. */
const pageQuery = {
  done: fc.constantFrom('saved', 'submitted', 'decided', 'imported', 'created'),
  version: fc.constantFrom('1', '2', '0', '-1'),
  stage: fc.constantFrom('drafting', 'issued', 'all'),
  province: fc.constantFrom('GL', 'DN'),
  kind: fc.constantFrom('draft', 'report'),
  unit: fc.constantFrom('GL.DUCCO.IADOM'),
  from: fc.constantFrom('1', '2'),
  to: fc.constantFrom('1', '2'),
  year: fc.constantFrom('2027', '1999'),
  next: fc.constantFrom('/app', 'https://evil.example/', '//evil.example/app', '/app/../api/tasks'),
  back: fc.constantFrom('/app?kind=draft', 'https://evil.example/', '//evil.example', 'javascript:pcfuzz(4)'),
};
const pick = (...names: Array<keyof typeof pageQuery>) => Object.fromEntries(names.map((name) => [name, pageQuery[name]]));

/** How to break the forms, paths and queries of every route of the web app. */
export function webInputs(targets: FuzzTargets): Record<string, RouteInputs> {
  const { cycleId, reportId, username, year } = targets;
  const plan = { params: { cycleId, unitCode: 'GL.DUCCO.IADOM' }, lookups: ['cycleId', 'unitCode'] };
  const provincial = { params: { cycleId }, lookups: ['cycleId'] };
  const report = { params: { id: reportId }, lookups: ['id'] };
  const cycle = { params: { id: cycleId }, lookups: ['id'] };
  const user = { params: { username }, lookups: ['username'] };
  const upload = (version: number) => ({ kind: 'upload' as const, any: fc.record({ fields: fc.record({ version: fc.constant(String(version)) }), file: fc.constant(null) }), broken: badUpload(fc.oneof(fc.constant(String(version)), hostileText)) });
  const form = (built: Form) => ({ kind: 'form' as const, ...built });

  return {
    'GET /': {},
    'GET /app/login': { query: pick('next') },
    'POST /app/login': {
      alwaysRefused: 'no account has that name',
      body: form({ any: fc.record({ username: hostileId, password: hostileText.filter((word) => word !== 'plancycle'), next: pageQuery.next }), broken: null }),
    },
    'POST /app/logout': { body: { kind: 'none' } },
    'GET /app/lang/:locale': { params: { locale: 'en' }, query: pick('back') },
    'GET /app/assets/app.js': {},
    'GET /app/assets/app.css': {},
    'GET /app': { query: pick('kind') },
    'GET /app/reports/:id/document/:format': { params: { id: reportId, format: 'pdf' }, lookups: ['id'] },
    'GET /app/cycles/:cycleId/units/:unitCode/plan/document/:format': { params: { ...plan.params, format: 'docx' }, lookups: plan.lookups, query: pick('version') },
    'GET /app/cycles/:cycleId/provincial-plan/document/:format': { params: { cycleId, format: 'docx' }, lookups: ['cycleId'], query: pick('version') },
    'GET /app/reports/:id/lines.xlsx': report,
    'GET /app/cycles/:cycleId/reports.xlsx': provincial,
    'GET /app/cycles/:cycleId/units/:unitCode/plan': { ...plan, query: pick('version', 'done') },
    'GET /app/cycles/:cycleId/provincial-plan': { ...provincial, query: pick('version', 'done') },
    'POST /app/cycles/:cycleId/units/:unitCode/plan/draft': { ...plan, body: form(planDraftForm(targets.draftVersion)) },
    'POST /app/cycles/:cycleId/provincial-plan/draft': { ...provincial, body: form(planDraftForm(targets.provincialVersion)) },
    'POST /app/cycles/:cycleId/units/:unitCode/plan/decisions': { ...plan, body: form(planDecisionForm()) },
    'POST /app/cycles/:cycleId/provincial-plan/decisions': { ...provincial, body: form(planDecisionForm()) },
    'GET /app/cycles/:cycleId/units/:unitCode/plan/compare': { ...plan, query: pick('from', 'to') },
    'GET /app/cycles/:cycleId/provincial-plan/compare': { ...provincial, query: pick('from', 'to') },
    'GET /app/cycles/:cycleId/units/:unitCode/plan/items.xlsx': { ...plan, query: pick('version') },
    'GET /app/cycles/:cycleId/provincial-plan/items.xlsx': { ...provincial, query: pick('version') },
    'POST /app/cycles/:cycleId/units/:unitCode/plan/draft/import': { ...plan, body: upload(targets.draftVersion) },
    'POST /app/cycles/:cycleId/provincial-plan/draft/import': { ...provincial, body: upload(targets.provincialVersion) },
    'GET /app/cycles/:cycleId/reports': { ...provincial, query: pick('unit', 'kind', 'stage') },
    'GET /app/reports/:id': { ...report, query: pick('done') },
    'POST /app/reports/:id/content': { ...report, body: form(reportContentForm()) },
    'POST /app/reports/:id/decision': { ...report, body: form(reportDecisionForm()) },
    'GET /app/cycles': {},
    'GET /app/cycles/:id': { ...cycle, query: pick('stage') },
    'GET /app/cycles/:id/export.csv': cycle,
    'GET /app/cycles/:id/progress.json': cycle,
    'GET /app/admin': { query: pick('province') },
    'GET /app/admin/units': { query: pick('province', 'done') },
    'GET /app/admin/units/:code': { params: { code: 'GL.DUCCO.IADOM' }, lookups: ['code'] },
    'POST /app/admin/units/:code': { params: { code: 'GL.DUCCO.IADOM' }, lookups: ['code'], body: form(unitSettingsForm()) },
    'GET /app/admin/users': { query: pick('province', 'done') },
    'POST /app/admin/users': { body: form(newUserForm()) },
    'GET /app/admin/users/:username': { ...user, query: pick('province') },
    'POST /app/admin/users/:username/roles': { ...user, body: form(rolesForm()) },
    'POST /app/admin/users/:username/active': { ...user, body: form({ any: fc.record({ active: fc.oneof(fc.constantFrom('true', 'false'), hostileText) }), broken: unknownProvince.map(withDefect('no such province')) }) },
    'GET /app/admin/calendar': { query: pick('province') },
    'GET /app/admin/calendar/:year': { params: { year: String(year) }, lookups: ['year'], query: pick('province', 'done') },
    'POST /app/admin/calendar/:year': { params: { year: String(year) }, lookups: ['year'], body: form(calendarForm(year)) },
    'GET /app/admin/cycles/new': { query: pick('province', 'year') },
    'POST /app/admin/cycles/new': { body: form(cycleStartForm(year)) },
  };
}
