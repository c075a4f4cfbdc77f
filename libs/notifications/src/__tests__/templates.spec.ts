import { actionLabel, formatDueDate, planTitle, renderDigest, renderNotification, type NotificationFacts } from '..';
import { IA_DOM_PLAN } from './facts.fixture';

const approveTask: NotificationFacts = {
  kind: 'task_assigned',
  recipientName: 'Nguyễn Văn An',
  plan: IA_DOM_PLAN,
  task: { id: 'task-1', kind: 'approve', dueAt: '2027-01-15T10:00:00Z' },
  actorName: 'Trần Thị Bình',
  opinion: null,
  comments: null,
  step: null,
};
const links = {
  approve: 'https://plancycle.local/a/v1.abc.def?x=1&y=2',
  return: 'https://plancycle.local/a/v1.ghi.jkl',
  open: 'https://plancycle.local/tasks/task-1',
};

describe('the mail asking a leader to approve a plan', () => {
  const mail = renderNotification({ facts: approveTask, locale: 'vi', links });

  it('says what is asked in a short Vietnamese subject', () => {
    expect(mail.subject).toBe('[PlanCycle] Đề nghị phê duyệt: Kế hoạch TTĐN năm 2027 của UBND xã Ia Dom (phiên bản 2)');
  });

  it.each(['text', 'html'] as const)('gives the key facts in the %s part', (part) => {
    const body = mail[part];
    for (const fact of ['Nguyễn Văn An', 'Trần Thị Bình', 'UBND xã Ia Dom', 'Phiên bản', 'Số nội dung', '200.000.000 đồng', 'Hai trăm triệu đồng', '17:00 ngày 15/01/2027']) {
      expect(body).toContain(fact);
    }
  });

  it('lists each link as a labelled line in the text part', () => {
    expect(mail.text).toContain(`Phê duyệt: ${links.approve}`);
    expect(mail.text).toContain(`Trả lại: ${links.return}`);
    expect(mail.text).toContain(`Mở việc: ${links.open}`);
  });

  it('shows each link as a button that opens in a new tab', () => {
    expect(mail.html).toContain('<a href="https://plancycle.local/a/v1.abc.def?x=1&amp;y=2" target="_blank" rel="noopener"');
    expect(mail.html).toContain(`<a href="${links.return}"`);
    expect(mail.html).toContain(`<a href="${links.open}"`);
  });

  it('says that opening a link decides nothing and when the links expire', () => {
    expect(mail.text).toContain('việc mở liên kết không làm thay đổi gì');
    expect(mail.text).toContain('Liên kết hết hiệu lực vào hạn xử lý (17:00 ngày 15/01/2027)');
  });

  it('loads nothing from elsewhere', () => {
    expect(mail.html).not.toMatch(/<img|<link|<script|src=|url\(/i);
  });
});

describe('untrusted text in a mail', () => {
  it('escapes HTML in a returned plan’s reasons and keeps their line breaks', () => {
    const facts: NotificationFacts = { ...approveTask, kind: 'plan_returned', task: { ...approveTask.task!, kind: 'draft' }, comments: 'Thiếu kinh phí mục 3.\r\n<script>alert(1)</script> & "x" \'y\'' };

    const mail = renderNotification({ facts, locale: 'vi', links: { open: links.open } });

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Thiếu kinh phí mục 3.<br>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;');
    expect(mail.text).toContain('> Thiếu kinh phí mục 3.\n> <script>alert(1)</script>');
    expect(mail.text).toContain('Lý do trả lại:');
  });

  it('keeps every name on one line of the subject, whatever it contains', () => {
    const facts = { ...approveTask, plan: { ...approveTask.plan, unitName: 'UBND xã\r\nBcc: someone@example.com' } };

    const { subject } = renderNotification({ facts, locale: 'vi', links: {} });

    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toContain('UBND xã Bcc: someone@example.com');
  });

  it('escapes names in the HTML part', () => {
    const facts = { ...approveTask, recipientName: '<b>An</b>', actorName: 'Bình" onclick="x' };

    const { html } = renderNotification({ facts, locale: 'vi', links: {} });

    expect(html).toContain('Kính gửi đồng chí &lt;b&gt;An&lt;/b&gt;,');
    expect(html).toContain('Bình&quot; onclick=&quot;x');
  });

  it('makes no link of an address that is not a web address', () => {
    const { html, text } = renderNotification({ facts: approveTask, locale: 'vi', links: { approve: 'javascript:alert(1)', open: links.open } });

    expect(html).not.toContain('javascript:');
    expect(text).not.toContain('javascript:');
    expect(text).toContain(`Mở việc: ${links.open}`);
  });
});

describe('other kinds of notification', () => {
  it('names the step of a reminder in its subject', () => {
    const { subject } = renderNotification({ facts: { ...approveTask, kind: 'reminder', step: 'D-2' }, locale: 'vi', links: {} });
    expect(subject).toBe('[PlanCycle] Nhắc việc (còn 2 ngày làm việc): Phê duyệt Kế hoạch TTĐN năm 2027 của UBND xã Ia Dom (phiên bản 2)');
  });

  it('gives the document number of an issued plan', () => {
    const facts: NotificationFacts = { ...approveTask, kind: 'plan_issued', task: null, plan: { ...approveTask.plan, documentNumber: '01/KH-UBND' } };

    const mail = renderNotification({ facts, locale: 'vi', links: {} });

    expect(mail.subject).toBe('[PlanCycle] Đã ban hành 01/KH-UBND: Kế hoạch TTĐN năm 2027 của UBND xã Ia Dom');
    expect(mail.text).toContain('- Số văn bản: 01/KH-UBND');
    expect(mail.text).not.toContain('Hạn xử lý');
  });

  it.each([
    ['plan_returned', '[PlanCycle] Kế hoạch bị trả lại: '],
    ['appraisal_opinion', '[PlanCycle] Ý kiến thẩm định: '],
    ['escalation', '[PlanCycle] Quá hạn: '],
    ['report_requested', '[PlanCycle] Đề nghị báo cáo: '],
  ] as const)('starts the subject of %s with “%s”', (kind, start) => {
    expect(renderNotification({ facts: { ...approveTask, kind }, locale: 'vi', links: {} }).subject.startsWith(start)).toBe(true);
  });
});

describe('the English version', () => {
  const mail = renderNotification({ facts: approveTask, locale: 'en', links });

  it('says the same in English', () => {
    expect(mail.subject).toBe('[PlanCycle] Approval requested: External information plan 2027 — UBND xã Ia Dom (version 2)');
    expect(mail.text).toContain('Dear Nguyễn Văn An,');
    expect(mail.text).toContain('- Total budget: 200.000.000 VND (in words: Hai trăm triệu đồng)');
    expect(mail.text).toContain('- Due: 15 Jan 2027, 17:00 (Vietnam time)');
    expect(mail.text).toContain(`Approve: ${links.approve}`);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).not.toContain('Kính gửi');
  });
});

describe('labels and titles', () => {
  it('labels link actions in both languages', () => {
    expect(['approve', 'agree', 'return', 'open'].map((action) => actionLabel(action as 'open', 'vi'))).toEqual(['Phê duyệt', 'Đồng ý (thẩm định)', 'Trả lại', 'Mở việc']);
    expect(['approve', 'agree', 'return', 'open'].map((action) => actionLabel(action as 'open', 'en'))).toEqual(['Approve', 'Agree (appraisal)', 'Return', 'Open task']);
  });

  it('titles a unit plan and the provincial plan as official documents do', () => {
    expect(planTitle(approveTask.plan, 'vi')).toBe('Kế hoạch thông tin đối ngoại năm 2027 của UBND xã Ia Dom');
    expect(planTitle(approveTask.plan, 'en')).toBe('External information plan 2027 — UBND xã Ia Dom');
    const provincial = { ...approveTask.plan, planKind: 'provincial' as const };
    expect(planTitle({ ...provincial, unitName: 'Gia Lai' }, 'vi')).toBe('Kế hoạch thông tin đối ngoại năm 2027 của tỉnh Gia Lai');
    expect(planTitle({ ...provincial, unitName: 'Ủy ban nhân dân tỉnh Gia Lai' }, 'vi')).toBe('Kế hoạch thông tin đối ngoại năm 2027 của tỉnh Gia Lai');
  });

  it('writes due dates on Vietnam clocks whatever the server’s zone', () => {
    expect(formatDueDate('2027-01-15T10:00:00Z', 'vi')).toBe('17:00 ngày 15/01/2027');
    expect(formatDueDate('2026-11-09T16:59:59.999Z', 'vi')).toBe('23:59 ngày 09/11/2026');
    expect(formatDueDate('2027-01-15T10:00:00Z', 'en')).toBe('15 Jan 2027, 17:00 (Vietnam time)');
  });
});

describe('the daily digest', () => {
  it('lists the day’s notifications with their due dates and links', () => {
    const mail = renderDigest({
      recipientName: 'Nguyễn Văn An',
      locale: 'vi',
      day: '2027-01-14',
      entries: [
        { subject: '[PlanCycle] Đề nghị phê duyệt: Kế hoạch TTĐN năm 2027 của UBND xã Ia Dom (phiên bản 2)', url: links.open, dueAt: '2027-01-15T10:00:00Z' },
        { subject: '[PlanCycle] Đã ban hành 01/KH-UBND: <Kế hoạch>', url: null, dueAt: null },
      ],
    });

    expect(mail.subject).toBe('[PlanCycle] Tóm tắt công việc ngày 14/01/2027');
    expect(mail.text).toContain('1. Đề nghị phê duyệt: Kế hoạch TTĐN năm 2027 của UBND xã Ia Dom (phiên bản 2)\n   Hạn xử lý: 17:00 ngày 15/01/2027\n   Mở việc: https://plancycle.local/tasks/task-1');
    expect(mail.text).toContain('2. Đã ban hành 01/KH-UBND: <Kế hoạch>');
    expect(mail.html).toContain('&lt;Kế hoạch&gt;');
    expect(mail.html).toContain(`<a href="${links.open}" target="_blank" rel="noopener"`);
  });
});
