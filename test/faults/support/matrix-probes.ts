import { borderConferenceItem } from '../../support/plan-fixtures';
import type { FormFields } from './fuzz-requests';

/** The real things the probes name. */
export interface ProbeTargets {
  cycleId: string;
  year: number;
  reportId: string;
  guidanceId: string;
  /** An email link (`open`) sent to the Ia Dom officer of the matrix. */
  linkToken: string;
  /** The Ia Dom plan's row as an Excel sheet, the way the import reads it. */
  workbook: Buffer;
  /** A user name no account has yet, each time it is asked. */
  newUsername(): string;
}

/**
 * One request a route would take from the right person: its path parameters, query and body. A
 * `step` moves a plan or report on, so it is sent by one allowed caller only, after every refusal,
 * in the order of the steps (the next step's probe expects the state the previous one left).
 */
export interface Probe {
  params?: Record<string, string>;
  query?: string;
  json?: unknown;
  form?: FormFields;
  upload?: { fields: Record<string, string>; file: Buffer };
  step?: number;
}

const IA_DOM = 'GL.DUCCO.IADOM';
/** The cycle form's escalation ladder, as its rows post it: one rung, the day a task falls overdue. */
export const OVERDUE_RUNG: FormFields = { 'rung.0.step': 'overdue', 'rung.0.kind': 'escalation', 'rung.0.offset': '0', 'rung.0.audience': ['assignee', 'leader_in_charge'] };

/** The probe of every route, keyed like the policy table. */
export function probes(targets: ProbeTargets): Record<string, Probe> {
  const { cycleId, year, reportId } = targets;
  const plan = { cycleId, unitCode: IA_DOM };
  const item = borderConferenceItem(year);
  const draftForm: FormFields = { version: '2', 'item.0.id': item.id, 'item.0.content': item.content, 'item.0.lead': item.leadUnitCode, 'item.0.coordinating': ['GL.BDBP'], 'item.0.timeFrame': 'q2', 'item.0.budget': '200.000.000' };
  const reportBody = { summary: 'Đã tổ chức 02 buổi giao lưu.', lines: [{ itemId: 'item-1', status: 'in_progress', achieved: '', spent: null }] };
  const upload = (version: number) => ({ fields: { version: String(version) }, file: targets.workbook });
  const read: Probe = {};

  return {
    'GET /api/docs/swagger-ui-init.js': read,
    'GET /api/docs/docs/swagger-ui-init.js': read,
    'GET /api/docs': read,
    'GET /api/docs/index.html': read,
    'GET /api/docs/LICENSE': read,
    'GET /api/docs/': read,
    'GET /api/docs/openapi.json': read,
    'GET /api/docs-yaml': read,
    'GET /api/health': read,
    'POST /api/auth/login': { json: { username: 'canbo.iadom', password: 'plancycle' } },
    'POST /api/auth/logout': read,
    'GET /api/auth/me': read,
    'POST /api/cycles': { json: { provinceCode: 'GL', year, participatingUnitCodes: [IA_DOM] } },
    'GET /api/cycles/:id': { params: { id: cycleId } },
    'PUT /api/cycles/:id/calendar': { params: { id: cycleId }, json: { calendar: {} } },
    'GET /api/cycles/:id/escalations': { params: { id: cycleId } },
    'POST /api/guidances': {
      json: { provinceCode: 'GL', documentNumber: '77/BTTTT-TTĐN', issuedOn: '2026-01-15', issuer: 'Bộ Thông tin và Truyền thông', subject: 'V/v hướng dẫn kế hoạch thông tin đối ngoại', planYear: 2026, focusTasks: [{ number: 1, title: 'Tuyên truyền biên giới' }] },
    },
    'GET /api/guidances': { query: 'provinceCode=GL' },
    'GET /api/guidances/:id': { params: { id: targets.guidanceId } },
    'GET /api/cycles/:cycleId/units/:unitCode/plan': { params: plan },
    'PUT /api/cycles/:cycleId/units/:unitCode/plan/draft': { params: plan, json: { version: 2, items: [item] } },
    'POST /api/cycles/:cycleId/units/:unitCode/plan/decisions': { params: plan, json: { action: 'submit', version: 2 }, step: 3 },
    'GET /api/cycles/:cycleId/provincial-plan': { params: { cycleId } },
    'PUT /api/cycles/:cycleId/provincial-plan/draft': { params: { cycleId }, json: { version: 1, items: [item] } },
    'POST /api/cycles/:cycleId/provincial-plan/decisions': { params: { cycleId }, json: { action: 'submit', version: 2 }, step: 2 },
    'GET /api/cycles/:cycleId/audit': { params: { cycleId } },
    'GET /api/tasks': read,
    'PUT /api/units/:unitCode/staff/:role': { params: { unitCode: IA_DOM, role: 'officer' }, json: { fullName: 'Rơ Mah Thuận', position: 'Công chức Văn hóa - Xã hội' } },
    'GET /api/units/:unitCode/staff': { params: { unitCode: IA_DOM } },
    'GET /api/provinces/:provinceCode/staff': { params: { provinceCode: 'GL' } },
    'GET /api/provinces/:provinceCode/users': { params: { provinceCode: 'GL' } },
    'POST /api/provinces/:provinceCode/users': {
      params: { provinceCode: 'GL' },
      get json() {
        return { username: targets.newUsername(), fullName: 'Nguyễn Thị Mai', email: 'mai@gialai.gov.vn', password: 'Mat-khau-dai-10', roles: [{ role: 'officer', unitCode: 'GL.SKHDT' }] };
      },
    },
    'PUT /api/provinces/:provinceCode/users/:username/roles': { params: { provinceCode: 'GL', username: 'canbo.songoaivu' }, json: { roles: [{ role: 'officer', unitCode: 'GL.SNGV' }] } },
    'PUT /api/provinces/:provinceCode/users/:username/active': { params: { provinceCode: 'GL', username: 'canbo.songoaivu' }, json: { active: true } },
    'PUT /api/units/:unitCode/settings': { params: { unitCode: IA_DOM }, json: { documentSymbol: 'KH-UBND' } },
    'GET /api/actions/:token': { params: { token: targets.linkToken } },
    // An `open` link decides nothing: its holder is told so (400), anyone else is refused before that.
    'POST /api/actions/:token': { params: { token: targets.linkToken }, form: { comments: '' } },
    'GET /api/admin/notifications': { query: 'provinceCode=GL' },
    'GET /api/admin/provinces/:provinceCode/mail-settings': { params: { provinceCode: 'GL' } },
    'PUT /api/admin/provinces/:provinceCode/mail-settings': { params: { provinceCode: 'GL' }, json: { fromAddress: 'PlanCycle <no-reply@plancycle.test>' } },
    'PUT /api/me/notification-preferences': { json: { locale: 'vi', digest: false } },
    'GET /api/work-calendar/:year': { params: { year: '2099' } },
    'PUT /api/work-calendar/:year': { params: { year: '2099' }, json: { days: [] } },
    'GET /api/cycles/:cycleId/reports': { params: { cycleId } },
    'GET /api/reports/:id': { params: { id: reportId } },
    'PUT /api/reports/:id/content': { params: { id: reportId }, json: reportBody },
    'POST /api/reports/:id/decisions': { params: { id: reportId }, json: { action: 'submit' }, step: 5 },
    'POST /api/cycles/:cycleId/report-requests': { params: { cycleId }, json: { title: 'Báo cáo nhanh dịp Quốc khánh', unitCodes: [IA_DOM], dueAt: new Date(Date.now() + 20 * 24 * 3600_000).toISOString() } },
    'GET /api/cycles/:cycleId/units/:unitCode/plan/document/:format': { params: { ...plan, format: 'docx' } },
    'GET /api/cycles/:cycleId/provincial-plan/document/:format': { params: { cycleId, format: 'docx' } },
    'GET /api/reports/:id/document/:format': { params: { id: reportId, format: 'docx' } },
    'GET /api/cycles/:cycleId/units/:unitCode/plan/items.xlsx': { params: plan },
    'GET /api/cycles/:cycleId/provincial-plan/items.xlsx': { params: { cycleId } },
    'GET /api/cycles/:cycleId/reports.xlsx': { params: { cycleId } },
    'GET /api/reports/:id/lines.xlsx': { params: { id: reportId } },
    'POST /api/cycles/:cycleId/units/:unitCode/plan/draft/import': { params: plan, upload: upload(2) },
    'POST /api/cycles/:cycleId/provincial-plan/draft/import': { params: { cycleId }, upload: upload(1) },

    'GET /': read,
    'GET /app/login': read,
    'POST /app/login': { form: { username: 'canbo.iadom', password: 'plancycle', next: '/app' } },
    'POST /app/logout': { form: {} },
    'GET /app/lang/:locale': { params: { locale: 'en' } },
    'GET /app/assets/app.js': read,
    'GET /app/assets/app.css': read,
    'GET /app': read,
    'GET /app/reports/:id/document/:format': { params: { id: reportId, format: 'docx' } },
    'GET /app/cycles/:cycleId/units/:unitCode/plan/document/:format': { params: { ...plan, format: 'docx' } },
    'GET /app/cycles/:cycleId/provincial-plan/document/:format': { params: { cycleId, format: 'docx' } },
    'GET /app/reports/:id/lines.xlsx': { params: { id: reportId } },
    'GET /app/cycles/:cycleId/reports.xlsx': { params: { cycleId } },
    'GET /app/cycles/:cycleId/units/:unitCode/plan': { params: plan },
    'GET /app/cycles/:cycleId/provincial-plan': { params: { cycleId } },
    'POST /app/cycles/:cycleId/units/:unitCode/plan/draft': { params: plan, form: draftForm },
    'POST /app/cycles/:cycleId/provincial-plan/draft': { params: { cycleId }, form: { ...draftForm, version: '1' } },
    'POST /app/cycles/:cycleId/units/:unitCode/plan/decisions': { params: plan, form: { action: 'agree', version: '2', comments: '' }, step: 4 },
    'POST /app/cycles/:cycleId/provincial-plan/decisions': { params: { cycleId }, form: { action: 'amend' }, step: 1 },
    'GET /app/cycles/:cycleId/units/:unitCode/plan/compare': { params: plan, query: 'from=1&to=2' },
    'GET /app/cycles/:cycleId/provincial-plan/compare': { params: { cycleId }, query: 'from=1&to=1' },
    'GET /app/cycles/:cycleId/units/:unitCode/plan/items.xlsx': { params: plan },
    'GET /app/cycles/:cycleId/provincial-plan/items.xlsx': { params: { cycleId } },
    'POST /app/cycles/:cycleId/units/:unitCode/plan/draft/import': { params: plan, upload: upload(2) },
    'POST /app/cycles/:cycleId/provincial-plan/draft/import': { params: { cycleId }, upload: upload(1) },
    'GET /app/cycles/:cycleId/reports': { params: { cycleId } },
    'GET /app/reports/:id': { params: { id: reportId } },
    'POST /app/reports/:id/content': { params: { id: reportId }, form: { summary: reportBody.summary, 'item-0': 'item-1', 'status-0': 'in_progress', 'achieved-0': '', 'spent-0': '' } },
    'POST /app/reports/:id/decision': { params: { id: reportId }, form: { action: 'accept' }, step: 6 },
    'GET /app/cycles': read,
    'GET /app/cycles/:id': { params: { id: cycleId } },
    'GET /app/cycles/:id/export.csv': { params: { id: cycleId } },
    'GET /app/cycles/:id/progress.json': { params: { id: cycleId } },
    'GET /app/admin': { query: 'province=GL' },
    'GET /app/admin/units': { query: 'province=GL' },
    'GET /app/admin/units/:code': { params: { code: IA_DOM } },
    'POST /app/admin/units/:code': { params: { code: IA_DOM }, form: { needsAppraisal: 'true', participatesByDefault: 'true', appraiserUnitCode: 'GL.DUCCO.PVHTT', approverUnitCode: 'GL.DUCCO', escalationUnitCode: 'GL.DUCCO', documentSymbol: 'KH-UBND' } },
    'GET /app/admin/users': { query: 'province=GL' },
    'POST /app/admin/users': {
      get form() {
        return { province: 'GL', username: targets.newUsername(), fullName: 'Trần Văn Bình', email: 'binh@gialai.gov.vn', password: 'Mat-khau-dai-10', 'role.0.role': 'officer', 'role.0.unit': 'GL.SKHDT' };
      },
    },
    'GET /app/admin/users/:username': { params: { username: 'canbo.songoaivu' }, query: 'province=GL' },
    'POST /app/admin/users/:username/roles': { params: { username: 'canbo.songoaivu' }, form: { province: 'GL', 'role.0.role': 'officer', 'role.0.unit': 'GL.SNGV' } },
    'POST /app/admin/users/:username/active': { params: { username: 'canbo.songoaivu' }, form: { province: 'GL', active: 'true' } },
    'GET /app/admin/calendar': { query: 'province=GL' },
    'GET /app/admin/calendar/:year': { params: { year: '2099' }, query: 'province=GL' },
    'POST /app/admin/calendar/:year': { params: { year: '2099' }, form: { province: 'GL' } },
    'GET /app/admin/cycles/new': { query: 'province=GL' },
    'POST /app/admin/cycles/new': { form: { province: 'GL', year: String(year), unit: [IA_DOM], ...OVERDUE_RUNG } },
  };
}
