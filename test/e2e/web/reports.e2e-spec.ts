import { randomUUID } from 'node:crypto';
import { annualCycleWorkflowId } from '@plancycle/domain';
import { hashPassword, UserRepository } from '@plancycle/persistence';
import { eventually } from '../../support/eventually';
import { recordGuidanceFor } from '../../support/guidance';
import { issueProvincialPlan } from '../../support/provincial-plan';
import { requestsAs, startTestStack, type TestStack } from '../../support/stack';
import { signInToWeb, type WebSession } from '../../support/web';

// The Temporal server is shared by the whole run: this file owns GL's years YEAR and YEAR + 1.
// (+78 was asked for, but a cycle's year stops at LAST_CYCLE_YEAR, 2100; +62/+63 were free.)
const YEAR = new Date().getFullYear() + 62;
const SNGV = 'GL.SNGV';
const SVHTTDL = 'GL.SVHTTDL';

const REGULAR = 'Tuyên truyền đối ngoại thường xuyên trên cổng thông tin điện tử của Sở';
const FIRST_QUARTER = 'Tổ chức hội nghị gặp mặt phóng viên báo chí nước ngoài đầu năm';
const SECOND_QUARTER = 'Tổ chức hội nghị tuyên truyền về biên giới tại 03 điểm cho 750 đại biểu';
const REASONS = 'Bổ sung số đại biểu tham dự hội nghị.';

const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
/** Plan deadlines an hour away and reports that open only when a test moves them to now. */
const quietCalendar = () => ({
  provincialPlanDue: later(3600),
  unitPlanDraftDue: later(3600),
  appraisalDue: later(3600),
  unitPlanIssueDue: later(3600),
  quarterlyReports: [{ opensAt: later(7200), unitDue: later(10_800) }],
  annualReport: { opensAt: later(7200), unitDue: later(10_800) },
});

describe('reports in the browser', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const as = (username: string) => requestsAs(stack, tokens[username]);

  beforeAll(async () => {
    stack = await startTestStack();
    // The demo has nobody approving Sở Ngoại vụ's own plan; this file's database gets one.
    await new UserRepository(stack.dataSource).upsertUser({
      username: 'pheduyet.songoaivu',
      fullName: 'Giám đốc Sở Ngoại vụ',
      email: 'pheduyet.songoaivu@plancycle.local',
      passwordHash: await hashPassword('plancycle'),
      roles: [{ role: 'approver', unitCode: SNGV }],
    });
    for (const username of ['admin.gl', 'canbo.songoaivu', 'lanhdao.songoaivu', 'pheduyet.songoaivu']) tokens[username] = await stack.login(username);
  });
  afterAll(async () => {
    for (const year of [YEAR, YEAR + 1]) await stack?.client.workflow.getHandle(annualCycleWorkflowId(`GL-${year}`)).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  /** A cycle whose provincial plan is issued, so its units' plans (and reports) can open. */
  const startCycle = async (year: number, units: string[]) => {
    await as('admin.gl').post('/api/cycles', { provinceCode: 'GL', year, participatingUnitCodes: units, calendar: quietCalendar() }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', year);
    await issueProvincialPlan(stack.client, stack.dataSource, `GL-${year}`);
  };
  const reportsOf = async (cycleId: string) => (await as('admin.gl').get(`/api/cycles/${cycleId}/reports`).expect(200)).body as Array<{ id: string; unitCode: string; kind: string; stage: string; content: { summary: string; lines: Array<{ achieved: string; spent: number | null }> } }>;
  const reportFor = (cycleId: string, unitCode: string, kind: string) =>
    eventually(
      async () => {
        const found = (await reportsOf(cycleId)).find((report) => report.unitCode === unitCode && report.kind === kind);
        if (!found) throw new Error(`no ${kind} report of ${unitCode} yet`);
        return found;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );

  describe('a unit’s quarterly report, written, returned, sent again and accepted', () => {
    const CYCLE = `GL-${YEAR}`;
    let reportId: string;
    let officer: WebSession;
    let leader: WebSession;
    const page = () => `/app/reports/${reportId}`;
    const stored = async () => (await as('canbo.songoaivu').get(`/api/reports/${reportId}`).expect(200)).body as { stage: string; content: { summary: string; lines: Array<{ status: string; achieved: string; spent: number | null }> } };
    const form = (changes: Record<string, string> = {}) => ({
      'item-0': 'tt-1',
      'status-0': 'in_progress',
      'achieved-0': 'Đăng 24 tin, bài tiếng Anh và tiếng Lào.',
      'spent-0': '',
      'item-1': 'q1-1',
      'status-1': 'done',
      'achieved-1': 'Tổ chức ngày 20/01 cho 35 phóng viên.',
      'spent-1': '200.000.000',
      summary: 'Hoàn thành các nội dung quý I theo kế hoạch.',
      intent: 'save',
      ...changes,
    });

    beforeAll(async () => {
      await startCycle(YEAR, [SNGV]);
      const plan = `/api/cycles/${CYCLE}/units/${SNGV}/plan`;
      await eventually(() => as('canbo.songoaivu').get(plan).expect(200), { timeoutMs: 30_000 });
      const item = (id: string, content: string, timeFrame: object, budget: number) => ({ id, content, leadUnitCode: SNGV, coordinatingUnitCodes: [], timeFrame, budget, focusTaskNumbers: [], sourceItemId: null });
      const items = [
        item('tt-1', REGULAR, { kind: 'regular' }, 50_000_000),
        item('q1-1', FIRST_QUARTER, { kind: 'quarter', year: YEAR, quarter: 1 }, 200_000_000),
        item('q2-1', SECOND_QUARTER, { kind: 'quarter', year: YEAR, quarter: 2 }, 150_000_000),
      ];
      await as('canbo.songoaivu').put(`${plan}/draft`, { version: 1, items }).expect(200);
      await as('canbo.songoaivu').post(`${plan}/decisions`, { action: 'submit', version: 1 }).expect(200);
      await as('pheduyet.songoaivu').post(`${plan}/decisions`, { action: 'approve', version: 1 }).expect(200);
      // Quarter I's figures close now: its report opens on the plan in force.
      await as('admin.gl').put(`/api/cycles/${CYCLE}/calendar`, { calendar: { quarterlyReports: [{ opensAt: later(0) }] } }).expect(200);
      reportId = (await reportFor(CYCLE, SNGV, 'quarterly')).id;
      officer = await signInToWeb(stack, 'canbo.songoaivu');
      leader = await signInToWeb(stack, 'lanhdao.songoaivu');
    }, 120_000);

    it('shows the officer a form prefilled with the plan items of the quarter', async () => {
      const response = await officer.get(page()).expect(200);
      expect(response.text).toContain(`Quý I/${YEAR}`);
      expect(response.text).toContain('Sở Ngoại vụ');
      expect(response.text).toContain('Đang lập');
      expect(response.text).toContain(REGULAR);
      expect(response.text).toContain(FIRST_QUARTER);
      expect(response.text).not.toContain(SECOND_QUARTER);
      for (const field of ['status-0', 'achieved-0', 'spent-0', 'status-1', 'achieved-1', 'spent-1', 'summary']) expect(response.text).toContain(`<label for="${field}">`);
      expect(response.text).not.toContain('name="status-2"');
      expect(response.text).toMatch(/<option value="not_started" selected>Chưa triển khai<\/option>/);
      expect(response.text).toContain('Lưu và gửi');
    });

    it('refuses money that is not whole đồng, with its message by the field, and saves nothing', async () => {
      const cases: Array<[string, string]> = [
        ['12abc', 'Dòng 2: kinh phí đã chi phải là số đồng nguyên'],
        ['-5.000', 'Dòng 2: kinh phí đã chi không được là số âm.'],
        ['1,5', 'Dòng 2: kinh phí đã chi phải là số đồng nguyên'],
      ];
      for (const [spent, message] of cases) {
        const response = await officer.post(`${page()}/content`, form({ 'spent-1': spent })).expect(400);
        expect(response.text).toContain(message);
        expect(response.text).toContain(`<p class="field-error" id="spent-1-error">`);
        expect(response.text).toMatch(/id="spent-1"[^>]*value="[^"]*"[^>]*aria-invalid="true"/);
        expect(response.text).toContain('Tổ chức ngày 20/01 cho 35 phóng viên.'); // what was typed stays
      }
      const unknownStatus = await officer.post(`${page()}/content`, form({ 'status-0': 'xong' })).expect(400);
      expect(unknownStatus.text).toContain('Dòng 1: tình trạng phải là');
      expect((await stored()).content).toEqual({ summary: '', lines: [expect.objectContaining({ status: 'not_started', achieved: '', spent: null }), expect.objectContaining({ status: 'not_started', achieved: '', spent: null })] });
    });

    it('saves the lines with money written the official way, then sends the report', async () => {
      const saved = await officer.post(`${page()}/content`, form()).expect(303);
      expect(saved.headers.location).toBe(`${page()}?done=saved`);
      const shown = await officer.get(saved.headers.location).expect(200);
      expect(shown.text).toContain('Đã lưu báo cáo.');
      expect(shown.text).toContain('value="200.000.000"');
      expect((await stored()).content.lines.map((line) => [line.status, line.spent])).toEqual([
        ['in_progress', null],
        ['done', 200_000_000],
      ]);

      const sent = await officer.post(`${page()}/content`, form({ intent: 'submit' })).expect(303);
      expect(sent.headers.location).toBe(`${page()}?done=submitted`);
      const waiting = await officer.get(sent.headers.location).expect(200);
      expect(waiting.text).toContain('Chờ xem xét');
      expect(waiting.text).not.toContain('name="status-0"');
      expect(waiting.text).not.toContain('/decision"'); // the officer does not review
      expect((await stored()).stage).toBe('review');
    });

    it('lets the leader in charge return it, but only with reasons', async () => {
      const review = await leader.get(page()).expect(200);
      expect(review.text).toContain('Xem xét báo cáo');
      expect(review.text).toContain('<label for="comments">Lý do trả lại</label>');
      const noReason = await leader.post(`${page()}/decision`, { action: 'return', comments: '  ' }).expect(400);
      expect(noReason.text).toContain('Khi trả lại báo cáo, cần ghi rõ lý do');
      expect(noReason.text).toMatch(/<textarea id="comments"[^>]*aria-invalid="true"[^>]*>  <\/textarea>/);
      expect((await stored()).stage).toBe('review');

      const returned = await leader.post(`${page()}/decision`, { action: 'return', comments: REASONS }).expect(303);
      expect(returned.headers.location).toBe(`${page()}?done=returned`);
      expect((await stored()).stage).toBe('writing');
    });

    it('shows the officer the reasons, who sends it again, and the leader accepts it', async () => {
      const again = await officer.get(page()).expect(200);
      expect(again.text).toContain('Báo cáo đã bị trả lại, lý do:');
      expect(again.text).toContain(REASONS);
      expect(again.text).toContain('value="200.000.000"');
      const resent = form({ 'achieved-1': 'Tổ chức ngày 20/01 cho 35 phóng viên, 120 đại biểu.', intent: 'submit', requestId: randomUUID() });
      await officer.post(`${page()}/content`, resent).expect(303);
      const doubleClick = await officer.post(`${page()}/content`, resent).expect(303); // the same form twice is one submission
      expect(doubleClick.headers.location).toBe(`${page()}?done=submitted`);
      const accepted = await leader.post(`${page()}/decision`, { action: 'accept', comments: '' }).expect(303);
      expect(accepted.headers.location).toBe(`${page()}?done=accepted`);
      expect((await leader.get(accepted.headers.location).expect(200)).text).toContain('Đã chấp nhận báo cáo.');
    });

    it('is read-only once accepted, with every decision in order and the reasons of the return', async () => {
      for (const session of [officer, leader]) {
        const response = await session.get(page()).expect(200);
        expect(response.text).toContain('Báo cáo đã được chấp nhận; nội dung không còn sửa được.');
        expect(response.text).not.toContain('<form method="post" action="/app/reports/');
        expect(response.text).toContain('120 đại biểu');
        expect(response.text).toContain('200.000.000');
        expect([...response.text.matchAll(/data-action="(report_[a-z]+)"/g)].map((match) => match[1])).toEqual(['report_submit', 'report_return', 'report_submit', 'report_accept']);
        expect(response.text).toContain(`<p class="report-text report-reasons">${REASONS}</p>`);
        expect(response.text).toContain('Võ Quốc Bảo');
        expect(response.text).toContain('Phạm Thị Lan');
      }
      const late = await officer.post(`${page()}/content`, form()).expect(409);
      expect(late.text).toContain('REPORT_NOT_WRITING');
    });

    it('lists the cycle’s reports, filtered by unit, kind and state', async () => {
      const coordinator = await signInToWeb(stack, 'dieuphoi.gl');
      const all = await coordinator.get(`/app/cycles/${CYCLE}/reports`).expect(200);
      expect(all.text).toContain(`href="/app/reports/${reportId}"`);
      expect(all.text).toContain(`Quý I/${YEAR}`);
      const accepted = await coordinator.get(`/app/cycles/${CYCLE}/reports?unit=${SNGV}&kind=quarterly&stage=accepted`).expect(200);
      expect(accepted.text).toContain(`href="/app/reports/${reportId}"`);
      const none = await coordinator.get(`/app/cycles/${CYCLE}/reports?kind=annual`).expect(200);
      expect(none.text).toContain('Không có báo cáo nào khớp bộ lọc.');
    });

    it('answers another province’s user as if the report did not exist', async () => {
      const stranger = await signInToWeb(stack, 'admin.dn');
      const report = await stranger.get(page()).expect(404);
      expect(report.text).toContain('REPORT_NOT_FOUND');
      expect(report.text).not.toContain(FIRST_QUARTER);
      await stranger.get(`/app/cycles/${CYCLE}/reports`).expect(404);
      await stranger.post(`${page()}/decision`, { action: 'accept' }).expect(404);
    });

    it('speaks English when asked', async () => {
      const english = await signInToWeb(stack, 'canbo.songoaivu', { locale: 'en' });
      const response = await english.get(page()).expect(200);
      expect(response.text).toContain('<html lang="en">');
      expect(response.text).toContain(`Quarter I/${YEAR}`);
      expect(response.text).toContain('History');
      expect(response.text).toContain('Returned');
      expect(response.text).toContain('Money spent (đồng)');
    });
  });

  describe('the province’s aggregated report', () => {
    const CYCLE = `GL-${YEAR + 1}`;

    it('shows the coordinator each unit’s annual report and who is missing, and the province approves it', async () => {
      await startCycle(YEAR + 1, [SNGV, SVHTTDL]);
      // The annual reports open now; Sở Ngoại vụ's is sent and accepted, the other unit's never.
      await as('admin.gl').put(`/api/cycles/${CYCLE}/calendar`, { calendar: { annualReport: { opensAt: later(0) } } }).expect(200);
      const annual = await reportFor(CYCLE, SNGV, 'annual');
      const officer = await signInToWeb(stack, 'canbo.songoaivu');
      await officer.post(`/app/reports/${annual.id}/content`, { summary: 'Hoàn thành kế hoạch năm.', intent: 'submit' }).expect(303);
      await (await signInToWeb(stack, 'lanhdao.songoaivu')).post(`/app/reports/${annual.id}/decision`, { action: 'accept' }).expect(303);

      // The units' deadline passes: the coordinator's aggregation opens with the missing unit listed.
      const now = later(1);
      await as('admin.gl')
        .put(`/api/cycles/${CYCLE}/calendar`, { calendar: { provincialPlanDue: now, unitPlanDraftDue: now, appraisalDue: now, unitPlanIssueDue: now, annualReport: { unitDue: now } } })
        .expect(200);
      const provincial = await reportFor(CYCLE, 'GL', 'provincial');
      const page = `/app/reports/${provincial.id}`;

      const coordinator = await signInToWeb(stack, 'dieuphoi.gl');
      const aggregation = await coordinator.get(page).expect(200);
      expect(aggregation.text).toContain('Tổng hợp báo cáo năm của các đơn vị');
      expect(aggregation.text).toMatch(new RegExp(`data-unit="${SNGV}">[\\s\\S]*?href="/app/reports/${annual.id}">Đã chấp nhận</a>[\\s\\S]*?>Có</td>`));
      expect(aggregation.text).toMatch(/<ul class="report-missing"><li data-unit="GL.SVHTTDL">Sở Văn hóa, Thể thao và Du lịch<\/li><\/ul>/);
      expect(aggregation.text).not.toContain('name="status-0"');
      expect(aggregation.text).toContain('<label for="summary">');
      await coordinator.post(`${page}/content`, { summary: 'Tỉnh tổng hợp 01/02 đơn vị; Sở Văn hóa, Thể thao và Du lịch chưa báo cáo.', intent: 'submit' }).expect(303);

      const approver = await signInToWeb(stack, 'lanhdao.tinh');
      const toApprove = await approver.get(page).expect(200);
      expect(toApprove.text).toContain('Phê duyệt báo cáo của tỉnh');
      await approver.post(`${page}/decision`, { action: 'accept' }).expect(303);
      await eventually(async () => {
        const approved = await approver.get(page).expect(200);
        expect(approved.text).toContain('Đã phê duyệt');
        expect([...approved.text.matchAll(/data-action="(report_[a-z]+)"/g)].map((match) => match[1])).toEqual(['report_submit', 'report_accept', 'report_sent']);
      });
    }, 120_000);
  });
});
