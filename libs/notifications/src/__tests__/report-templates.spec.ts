import { renderNotification, reportTitle, type NotificationFacts, type NotifiedReport } from '..';
import { IA_DOM_PLAN } from './facts.fixture';

const PROVINCIAL_PLAN: NotificationFacts['plan'] = { ...IA_DOM_PLAN, unitCode: 'GL', unitName: 'UBND tỉnh Gia Lai', planKind: 'provincial', documentNumber: '516/KH-UBND' };
const secondQuarter: NotifiedReport = { kind: 'quarterly', quarter: 2, title: null, missingUnits: [] };
const provincialReport: NotifiedReport = { kind: 'provincial', quarter: null, title: null, missingUnits: [] };

const writeReport: NotificationFacts = {
  kind: 'task_assigned',
  recipientName: 'Nguyễn Văn An',
  plan: IA_DOM_PLAN,
  report: secondQuarter,
  task: { id: 'task-7', kind: 'report', dueAt: '2027-06-19T10:00:00Z' },
  actorName: null,
  opinion: null,
  comments: null,
  step: null,
};
const reviewReport: NotificationFacts = { ...writeReport, task: { ...writeReport.task!, kind: 'review_report' }, actorName: 'Trần Thị Bình' };
const aggregate: NotificationFacts = { ...writeReport, plan: PROVINCIAL_PLAN, report: provincialReport, task: { ...writeReport.task!, kind: 'aggregate', dueAt: '2027-11-09T10:00:00Z' } };
const approveReport: NotificationFacts = { ...aggregate, task: { ...aggregate.task!, kind: 'approve_report' }, actorName: 'Lê Văn Cường' };

describe('the mail of each report task', () => {
  it.each([
    ['a unit to write its report', writeReport, '[PlanCycle] Đề nghị lập báo cáo: Báo cáo quý II năm 2027 của UBND xã Ia Dom', '[PlanCycle] Report requested: Q2 2027 report — UBND xã Ia Dom'],
    ['its leader in charge to review it', reviewReport, '[PlanCycle] Đề nghị xem xét báo cáo: Báo cáo quý II năm 2027 của UBND xã Ia Dom', '[PlanCycle] Report review requested: Q2 2027 report — UBND xã Ia Dom'],
    ['the coordinator to compile the province’s', aggregate, '[PlanCycle] Đề nghị tổng hợp báo cáo: Báo cáo công tác TTĐN năm 2027 của tỉnh Gia Lai', '[PlanCycle] Aggregation requested: Provincial external information report 2027 — UBND tỉnh Gia Lai'],
    [
      'the province’s leader to approve it',
      approveReport,
      '[PlanCycle] Đề nghị phê duyệt báo cáo: Báo cáo công tác TTĐN năm 2027 của tỉnh Gia Lai',
      '[PlanCycle] Report approval requested: Provincial external information report 2027 — UBND tỉnh Gia Lai',
    ],
  ])('names the report, not the plan, in the subject asking %s', (_who, facts, vi, en) => {
    expect(renderNotification({ facts, locale: 'vi', links: {} }).subject).toBe(vi);
    expect(renderNotification({ facts, locale: 'en', links: {} }).subject).toBe(en);
  });

  it('asks a unit to write its quarterly report', () => {
    const { text } = renderNotification({ facts: writeReport, locale: 'vi', links: {} });

    expect(text).toContain('Đồng chí được giao lập báo cáo quý II năm 2027 của UBND xã Ia Dom.');
    expect(text).toContain('Đề nghị đồng chí cập nhật tình hình thực hiện từng nội dung của kế hoạch, hoàn thiện báo cáo và gửi trước hạn xử lý nêu dưới đây.');
  });

  it('sends a unit’s report to its leader in charge to accept or return', () => {
    const vi = renderNotification({ facts: reviewReport, locale: 'vi', links: {} }).text;
    const en = renderNotification({ facts: reviewReport, locale: 'en', links: {} }).text;

    expect(vi).toContain('Trần Thị Bình đã gửi Báo cáo quý II năm 2027 của UBND xã Ia Dom đến đồng chí.');
    expect(vi).toContain('chấp nhận hoặc trả lại (nêu rõ lý do)');
    expect(en).toContain('Trần Thị Bình has sent you the Q2 2027 report — UBND xã Ia Dom to review.');
  });

  it('asks the province’s leader to approve the provincial report for the ministry', () => {
    const vi = renderNotification({ facts: approveReport, locale: 'vi', links: {} }).text;
    const en = renderNotification({ facts: approveReport, locale: 'en', links: {} }).text;

    expect(vi).toContain('Lê Văn Cường đã gửi Báo cáo công tác thông tin đối ngoại năm 2027 của tỉnh Gia Lai đến đồng chí.');
    expect(vi).toContain('phê duyệt báo cáo của tỉnh để gửi Bộ');
    expect(en).toContain('Please review and approve the provincial report for the ministry by the due date below.');
  });

  it('gives the unit, the report and the due date, without the plan’s version, rows, budget or number', () => {
    for (const facts of [writeReport, approveReport]) {
      const { text } = renderNotification({ facts, locale: 'vi', links: {} });

      expect(text).toContain(`- Đơn vị: ${facts.plan.unitName}`);
      expect(text).toContain('- Báo cáo: Báo cáo ');
      expect(text).toContain('- Hạn xử lý: 17:00 ngày ');
      for (const planOnly of ['Phiên bản', 'Số nội dung', 'Tổng kinh phí', 'Số văn bản', '(phiên bản']) expect(text).not.toContain(planOnly);
    }
    expect(renderNotification({ facts: writeReport, locale: 'en', links: {} }).text).toContain('- Report: Q2 2027 report — UBND xã Ia Dom\n- Plan: External information plan 2027 — UBND xã Ia Dom\n- Due: 19 Jun 2027, 17:00 (Vietnam time)');
  });

  it('tells the writer of a returned report why, with the reviewer’s reasons', () => {
    const facts: NotificationFacts = { ...writeReport, actorName: 'Trần Thị Bình', comments: 'Thiếu số liệu kinh phí đã chi.' };

    const vi = renderNotification({ facts, locale: 'vi', links: {} }).text;
    const en = renderNotification({ facts, locale: 'en', links: {} }).text;

    expect(vi).toContain('Trần Thị Bình đã trả lại báo cáo quý II năm 2027 của UBND xã Ia Dom.');
    expect(vi).toContain('Lý do trả lại:\n> Thiếu số liệu kinh phí đã chi.');
    expect(en).toContain('Trần Thị Bình has returned the Q2 2027 report — UBND xã Ia Dom.');
    expect(en).toContain('Reasons for return:\n> Thiếu số liệu kinh phí đã chi.');
  });
});

describe('report titles', () => {
  it.each([
    [1, 'Báo cáo quý I năm 2027 của UBND xã Ia Dom', 'Q1 2027 report — UBND xã Ia Dom'],
    [2, 'Báo cáo quý II năm 2027 của UBND xã Ia Dom', 'Q2 2027 report — UBND xã Ia Dom'],
    [3, 'Báo cáo quý III năm 2027 của UBND xã Ia Dom', 'Q3 2027 report — UBND xã Ia Dom'],
    [4, 'Báo cáo quý IV năm 2027 của UBND xã Ia Dom', 'Q4 2027 report — UBND xã Ia Dom'],
  ] as const)('numbers quarter %i in Roman numerals in Vietnamese', (quarter, vi, en) => {
    expect(reportTitle(IA_DOM_PLAN, { ...secondQuarter, quarter }, 'vi')).toBe(vi);
    expect(reportTitle(IA_DOM_PLAN, { ...secondQuarter, quarter }, 'en')).toBe(en);
  });

  it('titles an annual, an ad-hoc and the provincial report', () => {
    const annual: NotifiedReport = { kind: 'annual', quarter: null, title: null, missingUnits: [] };
    const adHoc: NotifiedReport = { kind: 'ad_hoc', quarter: null, title: 'Tình hình đón khách quốc tế\r\ndịp Tết', missingUnits: [] };

    expect(reportTitle(IA_DOM_PLAN, annual, 'vi')).toBe('Báo cáo năm 2027 của UBND xã Ia Dom');
    expect(reportTitle(IA_DOM_PLAN, annual, 'en')).toBe('Annual report 2027 — UBND xã Ia Dom');
    expect(reportTitle(IA_DOM_PLAN, adHoc, 'vi')).toBe('Báo cáo đột xuất: Tình hình đón khách quốc tế dịp Tết của UBND xã Ia Dom');
    expect(reportTitle(IA_DOM_PLAN, adHoc, 'en')).toBe('Ad-hoc report: Tình hình đón khách quốc tế dịp Tết — UBND xã Ia Dom');
    expect(reportTitle(IA_DOM_PLAN, { ...adHoc, title: null }, 'vi')).toBe('Báo cáo đột xuất của UBND xã Ia Dom');
    expect(reportTitle(PROVINCIAL_PLAN, provincialReport, 'vi')).toBe('Báo cáo công tác thông tin đối ngoại năm 2027 của tỉnh Gia Lai');
  });

  it('names the ad-hoc report a coordinator asks for, on one line', () => {
    const facts: NotificationFacts = {
      ...writeReport,
      kind: 'report_requested',
      report: { kind: 'ad_hoc', quarter: null, title: 'Tình hình đón khách\nquốc tế', missingUnits: [] },
      actorName: 'Phạm Thị Dung',
      comments: 'Số đoàn, số khách, kết quả làm việc.',
    };

    const mail = renderNotification({ facts, locale: 'vi', links: {} });

    expect(mail.subject).toBe('[PlanCycle] Đề nghị báo cáo: Báo cáo đột xuất: Tình hình đón khách quốc tế của UBND xã Ia Dom');
    expect(mail.text).toContain('Phạm Thị Dung đề nghị đơn vị lập báo cáo đột xuất: Tình hình đón khách quốc tế của UBND xã Ia Dom.');
    expect(mail.text).toContain('Nội dung đề nghị báo cáo:\n> Số đoàn, số khách, kết quả làm việc.');
    expect(renderNotification({ facts, locale: 'en', links: {} }).subject).toBe('[PlanCycle] Report requested: Ad-hoc report: Tình hình đón khách quốc tế — UBND xã Ia Dom');
  });
});

describe('aggregating the provincial report', () => {
  const missing: NotificationFacts = { ...aggregate, report: { ...provincialReport, missingUnits: ['Sở Ngoại vụ', 'UBND huyện <Chư Prông> & "Đức Cơ"'] } };

  it('lists the units whose annual report is missing, right after what is asked', () => {
    const { text } = renderNotification({ facts: missing, locale: 'vi', links: {} });

    expect(text).toContain(
      'Đồng chí được giao tổng hợp báo cáo công tác thông tin đối ngoại năm 2027 của tỉnh Gia Lai.\n\nChưa nhận được báo cáo của: Sở Ngoại vụ, UBND huyện <Chư Prông> & "Đức Cơ".\n\nĐề nghị đồng chí tổng hợp',
    );
    expect(renderNotification({ facts: missing, locale: 'en', links: {} }).text).toContain('No report received yet from: Sở Ngoại vụ, UBND huyện <Chư Prông> & "Đức Cơ".');
  });

  it('escapes the missing units in the HTML part', () => {
    const { html } = renderNotification({ facts: missing, locale: 'vi', links: {} });

    expect(html).toContain('Chưa nhận được báo cáo của: Sở Ngoại vụ, UBND huyện &lt;Chư Prông&gt; &amp; &quot;Đức Cơ&quot;.');
    expect(html).not.toContain('<Chư Prông>');
  });

  it('keeps each missing unit on one line and drops blank ones', () => {
    const facts: NotificationFacts = { ...aggregate, report: { ...provincialReport, missingUnits: ['Sở Công\r\nThương', '  ', 'Sở Tài chính'] } };

    expect(renderNotification({ facts, locale: 'vi', links: {} }).text).toContain('Chưa nhận được báo cáo của: Sở Công Thương, Sở Tài chính.\n');
  });

  it('says nothing of missing units when every report has arrived', () => {
    expect(renderNotification({ facts: aggregate, locale: 'vi', links: {} }).text).not.toContain('Chưa nhận được');
  });
});

describe('reminders and escalations of report tasks', () => {
  it('names the report task in a reminder', () => {
    const mail = renderNotification({ facts: { ...writeReport, kind: 'reminder', step: 'D-2' }, locale: 'vi', links: {} });

    expect(mail.subject).toBe('[PlanCycle] Nhắc việc (còn 2 ngày làm việc): Lập báo cáo quý II năm 2027 của UBND xã Ia Dom');
    expect(mail.text).toContain('Đồng chí có việc lập báo cáo quý II năm 2027 của UBND xã Ia Dom chưa hoàn thành (còn 2 ngày làm việc).');
    expect(renderNotification({ facts: { ...writeReport, kind: 'reminder', step: 'D-2' }, locale: 'en', links: {} }).subject).toBe(
      '[PlanCycle] Reminder (2 working days left): Write and send the Q2 2027 report — UBND xã Ia Dom',
    );
  });

  it('names the report task in an escalation, with the units still missing', () => {
    const facts: NotificationFacts = { ...aggregate, kind: 'escalation', step: '+3', toAssignees: false, report: { ...provincialReport, missingUnits: ['Sở Ngoại vụ'] } };

    const vi = renderNotification({ facts, locale: 'vi', links: {} });
    const en = renderNotification({ facts, locale: 'en', links: {} });

    expect(vi.subject).toBe('[PlanCycle] Quá hạn: Tổng hợp báo cáo công tác TTĐN năm 2027 của tỉnh Gia Lai');
    expect(vi.text).toContain('Việc tổng hợp báo cáo công tác thông tin đối ngoại năm 2027 của tỉnh Gia Lai đã quá hạn xử lý mà chưa được hoàn thành (quá hạn 3 ngày làm việc).');
    expect(vi.text).toContain('Chưa nhận được báo cáo của: Sở Ngoại vụ.');
    expect(en.subject).toBe('[PlanCycle] Overdue: Compile the Provincial external information report 2027 — UBND tỉnh Gia Lai');
    expect(en.text).toContain('The task to compile the Provincial external information report 2027 — UBND tỉnh Gia Lai is past its due date');
  });

  it('escalates an overdue review of a unit’s annual report', () => {
    const facts: NotificationFacts = { ...reviewReport, kind: 'escalation', step: 'overdue', report: { kind: 'annual', quarter: null, title: null, missingUnits: [] } };

    expect(renderNotification({ facts, locale: 'vi', links: {} }).subject).toBe('[PlanCycle] Quá hạn: Xem xét báo cáo năm 2027 của UBND xã Ia Dom');
  });
});
