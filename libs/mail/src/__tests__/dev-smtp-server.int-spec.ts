import { startDevMailboxPage } from '../dev-mailbox-page';
import { DevSmtpServer, type DevMailMessage } from '../dev-smtp-server';
import { createMailer } from '../mailer';

describe('DevSmtpServer', () => {
  const smtp = new DevSmtpServer();
  let mailbox: { url: string; stop(): Promise<void> };
  let smtpUrl: string;

  beforeAll(async () => {
    smtpUrl = (await smtp.start()).url;
    mailbox = await startDevMailboxPage(smtp, { port: 0 });
  });

  afterAll(async () => {
    await mailbox?.stop();
    await smtp.stop();
  });

  it('receives a Vietnamese mail sent over SMTP and lists it on the mailbox page', async () => {
    const mailer = createMailer(smtpUrl, 'PlanCycle <no-reply@plancycle.test>');
    const subject = 'Nhắc việc: nộp Kế hoạch thông tin đối ngoại năm 2027 trước ngày 10/11';

    const messageId = await mailer.send({
      to: 'can-bo@so-ngoai-vu.gialai.gov.vn',
      subject,
      text: 'Kính gửi Sở Ngoại vụ: đề nghị gửi kế hoạch về Sở Thông tin và Truyền thông.\nMở việc: http://127.0.0.1:3000/api/actions/v1.abc.def',
      html: '<p>Kính gửi <b>Sở Ngoại vụ</b><script>alert(1)</script></p>',
      headers: { 'X-PlanCycle-Cycle': 'GL-2027' },
      messageId: 'reminder-gl-2027-snv@plancycle.test',
    });
    const received = await smtp.waitFor((m) => m.subject === subject, { timeoutMs: 5_000 });

    expect(messageId).toBe('<reminder-gl-2027-snv@plancycle.test>');
    expect(received.to).toEqual(['can-bo@so-ngoai-vu.gialai.gov.vn']);
    expect(received.envelope).toEqual({ from: 'no-reply@plancycle.test', to: ['can-bo@so-ngoai-vu.gialai.gov.vn'] });
    expect(received.text.trim()).toBe('Kính gửi Sở Ngoại vụ: đề nghị gửi kế hoạch về Sở Thông tin và Truyền thông.\nMở việc: http://127.0.0.1:3000/api/actions/v1.abc.def');
    expect(received.headers['x-plancycle-cycle']).toBe('GL-2027');

    const json = (await (await fetch(new URL('/messages.json', mailbox.url))).json()) as DevMailMessage[];
    expect(json[0]).toMatchObject({ id: received.id, subject, to: ['can-bo@so-ngoai-vu.gialai.gov.vn'] });

    const page = await (await fetch(new URL(`/messages/${received.id}`, mailbox.url))).text();
    expect(page).toContain('Nhắc việc: nộp Kế hoạch');
    expect(page).not.toContain('<script>alert(1)</script>');
    // A link in the mail is one click away, in a new tab (the action page refuses to be framed).
    expect(page).toContain('<a href="http://127.0.0.1:3000/api/actions/v1.abc.def" target="_blank"');
  });

  it('rejects a wait that nothing answers, naming what did arrive', async () => {
    await expect(smtp.waitFor((m) => m.subject === 'không có thư này', { timeoutMs: 200 })).rejects.toThrow(/No mail matched within 200 ms/);
  });
});
