import fc from 'fast-check';
import { boolean, code, integer, list, localDate, notPositiveInteger, object, oneOf, text, type Field, type Model } from './fuzz-fields';
import { hostileId, hostileText, longText, raw, withKey, wrongType, HOSTILE_DATES, PROTOTYPE_KEYS } from './hostile';
import type { RouteInputs, Upload } from './fuzz-requests';

/** The real things a request can name: one Gia Lai cycle with its plans and report (see cycle-fixture). */
export interface FuzzTargets {
  cycleId: string;
  year: number;
  draftVersion: number;
  provincialVersion: number;
  reportId: string;
  /** A Gia Lai account the admin routes can aim at. */
  username: string;
}

const UNITS = ['GL.DUCCO.IADOM', 'GL.BDBP', 'GL.SNGV'];
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();

/** A calendar change: `{}` changes nothing; a key the calendar lacks, or a date that is not text, is refused. */
function calendarChange(options: { optional?: boolean }): Field {
  const unknownKey = hostileText.filter((key) => key.trim() !== '' && !PROTOTYPE_KEYS.includes(key));
  return {
    valid: fc.constant({}),
    invalid: fc.oneof(
      wrongType.filter((value) => !isObject(value) && !(options.optional && value === null)),
      fc.tuple(unknownKey, hostileText).map(([key, value]) => withKey({}, key, value)),
      fc.constantFrom(42, true, [], { a: 1 }).map((value) => ({ unitPlanDraftDue: value })),
    ),
    optional: options.optional,
  };
}

/** Vietnamese text up to `max`, refused blank (the domain trims). */
const words = (max: number, options: { optional?: boolean; nullable?: boolean } = {}) => text(max, { ...options, blankInvalid: true });

/** Money in đồng: a whole number, not negative; null for none. */
const money: Field = {
  valid: fc.oneof(fc.constant(null), fc.nat(), fc.constant(200_000_000)),
  // Not -0 or 1e-400: both are a zero, which is a valid amount.
  invalid: fc.constantFrom(-1, -(2 ** 31), 0.5, 1.5, 2 ** 53 + 2, raw('1e309'), raw('-1e309'), raw('123456789012345678901234567890'), '200000000', '200.000.000đ', 'NaN', true, [], {}),
};

function planItem(year: number): Field {
  return object({
    id: text(100),
    content: words(2000),
    leadUnitCode: code(UNITS),
    coordinatingUnitCodes: list(code(['GL.BDBP', 'GL.SNGV'])),
    timeFrame: {
      valid: fc.constantFrom({ kind: 'quarter', year, quarter: 2 }, { kind: 'year', year }, { kind: 'regular' }, { kind: 'month', year, month: 7 }),
      invalid: fc.oneof(
        wrongType.filter((value) => !isObject(value)),
        hostileText.map((kind) => ({ kind, year })),
        fc.constantFrom({ kind: 'quarter', year, quarter: 5 }, { kind: 'quarter', year, quarter: '2' }, { kind: 'month', year, month: 13 }, { kind: 'year', year: year + 1 }, { kind: 'quarter', year: String(year), quarter: 1 }),
      ),
    },
    budget: money,
    focusTaskNumbers: list({ valid: fc.constantFrom(1, 2), invalid: fc.oneof(notPositiveInteger, fc.constant(99)) }),
    sourceItemId: { valid: fc.oneof(fc.constant(null), hostileText), invalid: wrongType.filter((value) => typeof value !== 'string' && value !== null), optional: true },
  });
}

const draft = (version: number, year: number): Model => ({ version: integer(fc.constant(version)), items: list(planItem(year), { max: 500 }) });

const decision: Model = {
  action: oneOf(['submit', 'appraise', 'approve', 'return', 'amend']),
  version: integer(fc.constantFrom(1, 2), { optional: true, nullable: true }),
  opinion: oneOf(['agree', 'return'], { optional: true, nullable: true }),
  comments: text(5000, { optional: true, nullable: true }),
  requestId: text(100, { optional: true, nullable: true }),
};

const roles = list(object({ role: oneOf(['admin', 'coordinator', 'officer', 'leader_in_charge', 'appraiser', 'approver']), unitCode: code(['GL', 'GL.SNGV', 'GL.DUCCO.IADOM']) }), { min: 1, max: 50 });

/** An Excel upload that cannot be a plan's appendix: no file, or bytes that are no workbook (a workbook is a zip, "PK…"). */
export function badUpload(version: fc.Arbitrary<string>): fc.Arbitrary<Upload & { defect: string }> {
  const junk = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.from(bytes)), hostileText.map((text) => Buffer.from(text || 'x'))).map((bytes) => (bytes[0] === 0x50 ? Buffer.concat([Buffer.from('x'), bytes]) : bytes));
  return fc.record({ version, file: fc.option(junk, { nil: null }) }).map(({ version: sent, file }) => ({ fields: { version: sent }, file, defect: file ? 'a file that is no workbook' : 'no file' }));
}

/** How to break the body, path and query of every route of the JSON API. */
export function apiInputs(targets: FuzzTargets): Record<string, RouteInputs> {
  const { cycleId, year, reportId, username } = targets;
  const cycle = { params: { id: cycleId }, lookups: ['id'] };
  const plan = { params: { cycleId, unitCode: 'GL.DUCCO.IADOM' }, lookups: ['cycleId', 'unitCode'] };
  const provincial = { params: { cycleId }, lookups: ['cycleId'] };
  const report = { params: { id: reportId }, lookups: ['id'] };
  const province = { params: { provinceCode: 'GL' }, lookups: ['provinceCode'] };
  const version = { version: fc.constantFrom('1', '2', '0', '-1', '1.5', '10001', '') };
  const pastDay = fc.constantFrom('2025-12-04', '2026-01-15');
  const uploadVersion = (real: number) => fc.oneof(fc.constant(String(real)), hostileText);
  const anyUpload = (real: number) => fc.record({ fields: fc.record({ version: uploadVersion(real) }), file: fc.option(fc.uint8Array({ maxLength: 500 }).map((bytes) => Buffer.from(bytes)), { nil: null }) });
  const invalidVersion = fc.constantFrom('0', '-1', '1.5', '10001', 'abc', 'NaN', '1e309');
  const upload = (real: number) => ({ kind: 'upload' as const, any: anyUpload(real), broken: fc.oneof(badUpload(uploadVersion(real)), invalidVersion.map((sent) => ({ fields: { version: sent }, file: Buffer.from('PK'), defect: 'an invalid version' }))) });

  return {
    'GET /api/docs/swagger-ui-init.js': {},
    'GET /api/docs/docs/swagger-ui-init.js': {},
    'GET /api/docs': {},
    'GET /api/docs/index.html': {},
    'GET /api/docs/LICENSE': {},
    'GET /api/docs/': {},
    'GET /api/docs/openapi.json': {},
    'GET /api/docs-yaml': {},
    'GET /api/health': {},
    'POST /api/auth/login': {
      alwaysRefused: 'no account has that name',
      body: {
        kind: 'dto',
        model: {
          username: { valid: hostileId.filter((name) => name.length <= 100), invalid: fc.oneof(wrongType.filter((value) => typeof value !== 'string'), fc.constant(''), longText(101)) },
          password: { valid: hostileText.filter((word) => word !== '' && word.length <= 200 && word !== 'plancycle'), invalid: fc.oneof(wrongType.filter((value) => typeof value !== 'string'), fc.constant(''), longText(201)) },
        },
      },
    },
    'POST /api/auth/logout': { body: { kind: 'none' } },
    'GET /api/auth/me': {},
    'POST /api/cycles': {
      body: {
        kind: 'dto',
        model: {
          provinceCode: code(['GL']),
          year: { valid: fc.constant(year), invalid: fc.oneof(notPositiveInteger, fc.integer({ min: 1, max: 1999 }), fc.integer({ min: 2101 })) },
          participatingUnitCodes: list(code(['GL.DUCCO.IADOM']), { max: 1000, optional: true, nullable: true }),
          calendar: calendarChange({ optional: true }),
          escalationLadder: { valid: fc.constant(null), invalid: fc.oneof(fc.constantFrom({ rungs: [] }, { rungs: 'D-3' }, { rungs: [{}] }), wrongType.filter((value) => !isObject(value) && value !== null)), optional: true },
        },
      },
    },
    'GET /api/cycles/:id': cycle,
    'PUT /api/cycles/:id/calendar': { ...cycle, body: { kind: 'dto', model: { calendar: calendarChange({ optional: false }) } } },
    'GET /api/cycles/:id/escalations': cycle,
    'POST /api/guidances': {
      body: {
        kind: 'dto',
        model: {
          provinceCode: code(['GL']),
          documentNumber: { valid: fc.constantFrom('4110/BTTTT-TTĐN', '12/BNG-TTBC'), invalid: fc.oneof(wrongType.filter((value) => typeof value !== 'string'), longText(101)) },
          issuedOn: localDate(pastDay),
          issuer: words(300),
          subject: words(500),
          planYear: integer(fc.constantFrom(2026, 2027)),
          focusTasks: list(object({ number: integer(fc.constant(1)), title: words(2000) }), { min: 1, max: 50 }),
        },
      },
    },
    'GET /api/guidances': { query: { provinceCode: fc.constantFrom('GL', 'DN'), planYear: fc.constantFrom(String(year), '2026', '20x6') } },
    'GET /api/guidances/:id': { params: { id: '1' }, lookups: ['id'] },
    'GET /api/cycles/:cycleId/units/:unitCode/plan': plan,
    'PUT /api/cycles/:cycleId/units/:unitCode/plan/draft': { ...plan, body: { kind: 'dto', model: draft(targets.draftVersion, year) } },
    'POST /api/cycles/:cycleId/units/:unitCode/plan/decisions': { ...plan, body: { kind: 'dto', model: decision } },
    'GET /api/cycles/:cycleId/provincial-plan': provincial,
    'PUT /api/cycles/:cycleId/provincial-plan/draft': { ...provincial, body: { kind: 'dto', model: draft(targets.provincialVersion, year) } },
    'POST /api/cycles/:cycleId/provincial-plan/decisions': { ...provincial, body: { kind: 'dto', model: decision } },
    'GET /api/cycles/:cycleId/audit': provincial,
    'GET /api/tasks': {},
    'PUT /api/units/:unitCode/staff/:role': {
      params: { unitCode: 'GL.DUCCO.IADOM', role: 'officer' },
      lookups: ['unitCode', 'role'],
      body: {
        kind: 'dto',
        model: {
          fullName: words(200),
          position: words(200),
          phone: { valid: fc.constantFrom(null, '0269 3824 123', '+84 269 3824 123'), invalid: fc.oneof(fc.constantFrom('12', 'abc', '0269-abc-123', '1'.repeat(16)), wrongType.filter((value) => typeof value !== 'string' && value !== null)), optional: true },
          email: { valid: fc.constantFrom(null, 'lanpt@gialai.gov.vn'), invalid: fc.oneof(fc.constantFrom('khong-phai-dia-chi', 'a@b', '@gialai.gov.vn', 'a b@c.vn'), wrongType.filter((value) => typeof value !== 'string' && value !== null)), optional: true },
          username: { valid: fc.constantFrom(null, 'canbo.iadom'), invalid: fc.oneof(hostileId, wrongType.filter((value) => typeof value !== 'string' && value !== null)), optional: true },
        },
      },
    },
    'GET /api/units/:unitCode/staff': { params: { unitCode: 'GL.DUCCO.IADOM' }, lookups: ['unitCode'] },
    'GET /api/provinces/:provinceCode/staff': province,
    'GET /api/provinces/:provinceCode/users': province,
    'POST /api/provinces/:provinceCode/users': {
      ...province,
      body: {
        kind: 'dto',
        model: {
          username: { valid: fc.constantFrom('canbo.moi', 'fuzz.user'), invalid: fc.oneof(hostileId, fc.constantFrom('ab', 'CanBo', 'x'.repeat(51)), wrongType.filter((value) => typeof value !== 'string')) },
          fullName: words(200),
          email: { valid: fc.constant('moi@gialai.gov.vn'), invalid: fc.oneof(fc.constantFrom('khong-phai-dia-chi', 'a@b', `${'a'.repeat(250)}@b.vn`), wrongType.filter((value) => typeof value !== 'string')) },
          password: { valid: fc.constant('Mat-khau-dai-10'), invalid: fc.oneof(fc.constantFrom('', 'ngan', '123456789'), longText(201), wrongType.filter((value) => typeof value !== 'string')) },
          roles,
        },
      },
    },
    'PUT /api/provinces/:provinceCode/users/:username/roles': { params: { provinceCode: 'GL', username }, lookups: ['provinceCode', 'username'], body: { kind: 'dto', model: { roles } } },
    'PUT /api/provinces/:provinceCode/users/:username/active': { params: { provinceCode: 'GL', username }, lookups: ['provinceCode', 'username'], body: { kind: 'dto', model: { active: boolean() } } },
    'PUT /api/units/:unitCode/settings': {
      params: { unitCode: 'GL.DUCCO.IADOM' },
      lookups: ['unitCode'],
      body: {
        kind: 'dto',
        model: {
          participatesByDefault: boolean({ optional: true }),
          needsAppraisal: boolean({ optional: true }),
          appraiserUnitCode: text(100, { optional: true, nullable: true }),
          approverUnitCode: text(100, { optional: true, nullable: true }),
          escalationUnitCode: text(100, { optional: true, nullable: true }),
          documentSymbol: { valid: fc.constantFrom('KH-UBND', 'KH-SNgV'), invalid: fc.oneof(hostileText.map((symbol) => `KH <${symbol}`), fc.constantFrom('', 'KH UBND', 'KH--A', '-KH', 'KH-', 'K'.repeat(51)), wrongType), optional: true },
        },
      },
    },
    'GET /api/actions/:token': { params: { token: 'v1.x.y' }, lookups: ['token'] },
    'POST /api/actions/:token': { params: { token: 'v1.x.y' }, lookups: ['token'], alwaysRefused: 'no link has that token', body: { kind: 'json', model: { comments: text(5000) } } },
    'GET /api/admin/notifications': { query: { provinceCode: fc.constantFrom('GL', 'DN', '') } },
    'GET /api/admin/provinces/:provinceCode/mail-settings': province,
    'PUT /api/admin/provinces/:provinceCode/mail-settings': {
      ...province,
      body: {
        kind: 'dto',
        model: {
          fromAddress: { valid: fc.constant('Sở VH-TT-DL Gia Lai <ttdn@gialai.gov.vn>'), invalid: fc.oneof(fc.constantFrom('khong-phai-dia-chi', 'Sở <a@b.vn>\r\nBcc: x@y.vn', 'a@b', `${'a'.repeat(200)}@b.vn`), wrongType.filter((value) => typeof value !== 'string')) },
          replyTo: { valid: fc.constantFrom(null, 'vanphong@gialai.gov.vn'), invalid: fc.oneof(fc.constantFrom('khong-phai-dia-chi', 'x@y.vn\nBcc: z@w.vn'), wrongType.filter((value) => typeof value !== 'string' && value !== null)), optional: true },
        },
      },
    },
    'PUT /api/me/notification-preferences': { body: { kind: 'dto', model: { locale: oneOf(['vi', 'en']), digest: boolean() } } },
    'GET /api/work-calendar/:year': { params: { year: String(year) }, lookups: ['year'] },
    'PUT /api/work-calendar/:year': {
      params: { year: String(year) },
      lookups: ['year'],
      body: {
        kind: 'json',
        model: {
          days: list(
            object({ date: localDate(fc.constantFrom(`${year}-02-05`, `${year}-09-02`)), kind: oneOf(['day_off', 'working_day']), name: words(200) }),
            { max: 200 },
          ),
        },
      },
    },
    'GET /api/cycles/:cycleId/reports': { ...provincial, query: { unitCode: fc.constantFrom('GL.DUCCO.IADOM', '') } },
    'GET /api/reports/:id': report,
    'PUT /api/reports/:id/content': {
      ...report,
      body: {
        kind: 'json',
        model: {
          summary: text(10_000),
          lines: list(object({ itemId: code(['item-1']), status: oneOf(['not_started', 'in_progress', 'done']), achieved: text(2000), spent: money })),
        },
      },
    },
    'POST /api/reports/:id/decisions': { ...report, body: { kind: 'dto', model: { action: oneOf(['submit', 'accept', 'return']), comments: text(5000, { optional: true, nullable: true }), requestId: text(100, { optional: true, nullable: true }) } } },
    'POST /api/cycles/:cycleId/report-requests': {
      ...provincial,
      body: {
        kind: 'dto',
        model: {
          title: { valid: fc.constant('Báo cáo nhanh công tác thông tin đối ngoại'), invalid: fc.oneof(fc.constantFrom('', 'ab'), longText(301), wrongType.filter((value) => typeof value !== 'string')) },
          unitCodes: list(code(['GL.DUCCO.IADOM']), { min: 1, max: 1000 }),
          dueAt: { valid: fc.constant(daysFromNow(20)), invalid: fc.oneof(fc.constantFrom(...HOSTILE_DATES, '2020-01-01T00:00:00Z'), wrongType.filter((value) => typeof value !== 'string')) },
          reviewDueAt: { valid: fc.constant(daysFromNow(25)), invalid: fc.oneof(fc.constantFrom(...HOSTILE_DATES, '2020-01-01T00:00:00Z', daysFromNow(10)), wrongType.filter((value) => typeof value !== 'string' && value !== null)), optional: true },
        },
      },
    },
    'GET /api/cycles/:cycleId/units/:unitCode/plan/document/:format': { params: { ...plan.params, format: 'docx' }, lookups: plan.lookups, query: version },
    'GET /api/cycles/:cycleId/provincial-plan/document/:format': { params: { cycleId, format: 'pdf' }, lookups: ['cycleId'], query: version },
    'GET /api/reports/:id/document/:format': { params: { id: reportId, format: 'docx' }, lookups: ['id'] },
    'GET /api/cycles/:cycleId/units/:unitCode/plan/items.xlsx': { ...plan, query: version },
    'GET /api/cycles/:cycleId/provincial-plan/items.xlsx': { ...provincial, query: version },
    'GET /api/cycles/:cycleId/reports.xlsx': provincial,
    'GET /api/reports/:id/lines.xlsx': report,
    'POST /api/cycles/:cycleId/units/:unitCode/plan/draft/import': { ...plan, body: upload(targets.draftVersion) },
    'POST /api/cycles/:cycleId/provincial-plan/draft/import': { ...provincial, body: upload(targets.provincialVersion) },
  };
}
