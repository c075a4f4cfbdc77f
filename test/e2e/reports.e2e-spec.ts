import { annualCycleWorkflowId, unitPlanWorkflowId } from '@plancycle/domain';
import { demoEmail } from '@plancycle/persistence';
import { eventually } from '../support/eventually';
import { recordGuidanceFor } from '../support/guidance';
import { issueProvincialPlan } from '../support/provincial-plan';
import { binary, docxText } from '../support/downloads';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 64;
const CYCLE = `GL-${YEAR}`;
const SNGV = 'GL.SNGV';

/** An ad-hoc report (báo cáo đột xuất) through the API: asked, written, returned once, accepted. */
describe('ad-hoc report requests and report decisions', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const as = (username: string) => requestsAs(stack, tokens[username]);
  let reportId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    for (const username of ['admin.gl', 'dieuphoi.gl', 'canbo.songoaivu', 'lanhdao.songoaivu', 'thamdinh.ducco']) tokens[username] = await stack.login(username);
    await as('admin.gl').post('/api/cycles', { provinceCode: 'GL', year: YEAR, participatingUnitCodes: [SNGV] }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    await issueProvincialPlan(stack.client, stack.dataSource, CYCLE);
    await eventually(() => as('canbo.songoaivu').get(`/api/cycles/${CYCLE}/units/${SNGV}/plan`).expect(200));
  });
  afterAll(async () => {
    await stack?.client.workflow.getHandle(annualCycleWorkflowId(CYCLE)).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  const in10Minutes = () => new Date(Date.now() + 10 * 60_000).toISOString();
  const title = 'Báo cáo nhanh hoạt động đối ngoại dịp kỷ niệm quan hệ Việt Nam – Lào';

  it('refuses a request the coordinator may not make, writing nothing', async () => {
    const cases: Array<[string, object, number, string]> = [
      ['canbo.songoaivu', { title, unitCodes: [SNGV], dueAt: in10Minutes() }, 403, 'AUTH_FORBIDDEN'],
      ['dieuphoi.gl', { title, unitCodes: ['GL.SCT'], dueAt: in10Minutes() }, 400, 'REPORT_REQUEST_UNITS_INVALID'],
      ['dieuphoi.gl', { title, unitCodes: [SNGV], dueAt: '2020-01-01T00:00:00Z' }, 400, 'REPORT_REQUEST_DUE_INVALID'],
      ['dieuphoi.gl', { title, unitCodes: [SNGV], dueAt: '31/02/2027' }, 400, 'REPORT_REQUEST_DUE_INVALID'],
      ['dieuphoi.gl', { title: '', unitCodes: [SNGV], dueAt: in10Minutes() }, 400, 'REPORT_REQUEST_TITLE_INVALID'],
      ['dieuphoi.gl', { title, unitCodes: [], dueAt: in10Minutes() }, 400, 'REPORT_REQUEST_UNITS_INVALID'],
    ];
    for (const [username, body, status, code] of cases) {
      const response = await as(username).post(`/api/cycles/${CYCLE}/report-requests`, body);
      expect([response.status, response.body.code]).toEqual([status, code]);
    }
    expect((await as('admin.gl').get(`/api/cycles/${CYCLE}/reports`).expect(200)).body).toEqual([]);
  });

  it('gives each named unit a report task and tells its officer', async () => {
    const requested = await as('dieuphoi.gl').post(`/api/cycles/${CYCLE}/report-requests`, { title, unitCodes: [SNGV], dueAt: in10Minutes() }).expect(201);
    expect(requested.body.workflowIds).toEqual([`${unitPlanWorkflowId(CYCLE, SNGV)}/adhoc/${requested.body.requestId}`]);
    const task = await eventually(async () => {
      const inbox = (await as('canbo.songoaivu').get('/api/tasks').expect(200)).body as Array<{ kind: string; reportId: string | null }>;
      const found = inbox.find((item) => item.kind === 'report');
      expect(found).toBeDefined();
      return found!;
    });
    reportId = task.reportId as string;
    const mail = await stack.mail.waitFor((m) => m.envelope.to.includes(demoEmail('canbo.songoaivu')) && /đột xuất/i.test(m.subject));
    expect(mail.subject).toContain(title);
  });

  it('saves only valid content, only for the unit’s own people, only while writing', async () => {
    const report = `/api/reports/${reportId}`;
    const unknownLine = await as('canbo.songoaivu').put(`${report}/content`, { summary: 'x', lines: [{ itemId: 'khong-co', status: 'done', achieved: '', spent: 0 }] });
    expect([unknownLine.status, unknownLine.body.code]).toEqual([400, 'REPORT_LINE_UNKNOWN']);
    expect((await as('thamdinh.ducco').put(`${report}/content`, { summary: 'x', lines: [] })).status).toBe(403);
    await as('canbo.songoaivu').put(`${report}/content`, { summary: 'Đã tổ chức 02 buổi giao lưu.', lines: [] }).expect(200);
    expect((await as('canbo.songoaivu').get(report).expect(200)).body.content.summary).toBe('Đã tổ chức 02 buổi giao lưu.');

    expect((await as('lanhdao.songoaivu').post(`${report}/decisions`, { action: 'accept' })).body.code).toBe('REPORT_STAGE_CONFLICT');
    await as('canbo.songoaivu').post(`${report}/decisions`, { action: 'submit' }).expect(200);
    const frozen = await as('canbo.songoaivu').put(`${report}/content`, { summary: 'sửa', lines: [] });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'REPORT_NOT_WRITING']);
  });

  it('is returned with reasons, submitted again, and accepted by the unit’s leader in charge', async () => {
    const decide = (username: string, body: object) => as(username).post(`/api/reports/${reportId}/decisions`, body);
    expect((await decide('canbo.songoaivu', { action: 'accept' })).status).toBe(403);
    const noReason = await decide('lanhdao.songoaivu', { action: 'return' });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'REPORT_REASONS_REQUIRED']);
    await decide('lanhdao.songoaivu', { action: 'return', comments: 'Bổ sung số đại biểu tham dự.' }).expect(200);
    const returned = await stack.mail.waitFor((m) => m.envelope.to.includes(demoEmail('canbo.songoaivu')) && m.text.includes('Bổ sung số đại biểu tham dự.'));
    expect(returned.subject).toContain('đột xuất');
    await decide('canbo.songoaivu', { action: 'submit' }).expect(200);
    expect((await decide('lanhdao.songoaivu', { action: 'accept' }).expect(200)).body).toEqual({ reportId, stage: 'accepted' });

    const [listed] = (await as('dieuphoi.gl').get(`/api/cycles/${CYCLE}/reports?unitCode=${SNGV}`).expect(200)).body;
    expect(listed).toMatchObject({ kind: 'ad_hoc', title, stage: 'accepted', late: false });
    const trail = (await as('admin.gl').get(`/api/cycles/${CYCLE}/audit`).expect(200)).body as Array<{ action: string }>;
    expect(trail.map((event) => event.action).filter((action) => action.startsWith('report_'))).toEqual(['report_submit', 'report_return', 'report_submit', 'report_accept']);
  });

  it('prints the accepted report as a BÁO CÁO, in DOCX and PDF, and its lines as Excel', async () => {
    const token = await stack.login('dieuphoi.gl');
    const download = (path: string) => stack.http().get(path).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary);
    const docx = await download(`/api/reports/${reportId}/document/docx`).expect(200);
    const text = await docxText(docx.body as Buffer);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Đã tổ chức 02 buổi giao lưu.');
    expect(text).toContain('SỞ NGOẠI VỤ');
    const pdf = await download(`/api/reports/${reportId}/document/pdf`).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await download(`/api/reports/${reportId}/lines.xlsx`).expect(200).expect('content-type', /spreadsheetml/);
  });
});
