import type { DevMailMessage } from '@plancycle/mail';
import { signActionToken } from '@plancycle/notifications';
import { demoEmail, NotificationRepository, UserRepository } from '@plancycle/persistence';
import type { dailyDigestWorkflow } from '@plancycle/workflows';
import { addCalendarDays, vietnamDateOf } from '@plancycle/domain';
import { eventually } from '../support/eventually';
import { recordHistoryFixture } from '../support/histories';
import { recordGuidanceFor } from '../support/guidance';
import { actionLinksOf } from '../support/mail-links';
import { borderConferenceItem } from '../support/plan-fixtures';
import { issueProvincialPlan } from '../support/provincial-plan';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';
import { signInToWeb } from '../support/web';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 45;
const IA_DOM = 'GL.DUCCO.IADOM';
const CYCLE = `GL-${YEAR}`;
const PLAN = `/api/cycles/${CYCLE}/units/${IA_DOM}/plan`;

/** Approvers act from their mail: every message read here came over real SMTP from the worker. */
describe('email tasks: deciding from a link in the message', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    for (const username of ['admin.gl', 'canbo.iadom', 'thamdinh.ducco', 'pheduyet.ducco']) tokens[username] = await stack.login(username);
    await stack.http().post('/api/cycles').set('Authorization', `Bearer ${tokens['admin.gl']}`).send({ provinceCode: 'GL', year: YEAR, participatingUnitCodes: [IA_DOM] }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    await issueProvincialPlan(stack.client, stack.dataSource, CYCLE);
    await eventually(() => as('canbo.iadom').get(PLAN).expect(200));
  });
  afterAll(async () => {
    await stack?.client.workflow.getHandle(`annual-cycle/${CYCLE}`).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  const as = (username: string) => requestsAs(stack, tokens[username]);
  const plan = async () => (await as('admin.gl').get(PLAN).expect(200)).body;
  /** The next message to `username` whose subject matches, among those not read yet. */
  const read = new Set<string>();
  const nextMail = async (username: string, subject: RegExp): Promise<DevMailMessage> => {
    const message = await stack.mail.waitFor((m) => !read.has(m.id) && m.envelope.to.includes(demoEmail(username)) && subject.test(m.subject), { timeoutMs: 20_000 });
    read.add(message.id);
    return message;
  };
  const links = (message: DevMailMessage) => actionLinksOf(message, stack.config.api.linkSecret);
  /** A link's page, as a browser with nobody signed in fetches and posts it. */
  const open = (path: string) => stack.http().get(path);
  const confirm = (path: string, comments = '') => stack.http().post(path).type('form').send({ comments });
  const codeOf = (html: string) => /<code>([A-Z_]+)<\/code>/.exec(html)?.[1];

  let appraiserV1: ReturnType<typeof links>;
  let approverV2: ReturnType<typeof links>;

  it('tells the officer of the drafting task when the plan opens, with the facts and an open link', async () => {
    const message = await nextMail('canbo.iadom', /soạn thảo/i);
    expect(message.text).toContain('xã Ia Dom');
    expect(message.html).toContain('<a ');
    expect(Object.keys(links(message))).toEqual(['open']);
    expect(message.headers['message-id']).toMatch(/^<[0-9a-f]{32}@plancycle\.test>$/);
  });

  it('lets the appraiser return the plan from the message; a return needs its reason', async () => {
    await as('canbo.iadom').put(`${PLAN}/draft`, { version: 1, items: [borderConferenceItem(YEAR)] }).expect(200);
    await as('canbo.iadom').post(`${PLAN}/decisions`, { action: 'submit', version: 1 }).expect(200);
    const message = await nextMail('thamdinh.ducco', /thẩm định/i);
    appraiserV1 = links(message);
    expect(Object.keys(appraiserV1).sort()).toEqual(['agree', 'open', 'return']);
    expect(message.text).toContain('200.000.000');
    expect(message.text).toContain('Hai trăm triệu đồng');

    const noReason = await confirm(appraiserV1.return!.path);
    expect([noReason.status, codeOf(noReason.text) ?? 'form']).toEqual([400, 'form']);
    expect(noReason.text).toContain('cần ghi rõ lý do');
    expect((await plan()).plan.stage).toBe('appraisal');

    const returned = await confirm(appraiserV1.return!.path, 'Đề nghị nêu rõ đơn vị phối hợp.').expect(200);
    expect(returned.text).toContain('trả lại');
    expect((await plan()).plan).toMatchObject({ stage: 'drafting', latestVersion: 2 });
    const news = await nextMail('canbo.iadom', /trả lại/i);
    expect(news.text).toContain('Đề nghị nêu rõ đơn vị phối hợp.');
  });

  it('approves the plan in two clicks: the agree link, then the approve link, each confirmed on its page', async () => {
    await as('canbo.iadom').post(`${PLAN}/decisions`, { action: 'submit', version: 2 }).expect(200);
    const appraiserV2 = links(await nextMail('thamdinh.ducco', /thẩm định/i));

    // Opening the link (as a mail scanner would) changes nothing.
    const page = await open(appraiserV2.agree!.path).expect(200);
    expect(page.text).toContain('Xác nhận đồng ý');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Anything the link does not offer is one click away, on the plan's page in the web app.
    expect(page.text).toContain(`/app/cycles/${CYCLE}/units/GL.DUCCO.IADOM/plan`);
    expect((await plan()).plan.stage).toBe('appraisal');
    await confirm(appraiserV2.agree!.path).expect(200);
    expect((await plan()).plan.stage).toBe('approval');

    const request = await nextMail('pheduyet.ducco', /phê duyệt/i);
    approverV2 = links(request);
    expect(request.text).toContain('Hai trăm triệu đồng');
    expect(Object.keys(approverV2).sort()).toEqual(['approve', 'open', 'return']);
    await open(approverV2.approve!.path).expect(200);
    expect((await plan()).plan.stage).toBe('approval');

    const done = await confirm(approverV2.approve!.path).expect(200);
    expect(done.text).toContain('01/KH-UBND');
    expect((await plan()).plan).toMatchObject({ stage: 'issued', versionInForce: 2 });
    const issued = await nextMail('canbo.iadom', /ban hành/i);
    expect(issued.text).toContain('01/KH-UBND');
  });

  describe('refuses every link that cannot be used, each with its own code, changing nothing', () => {
    let trail: number;
    beforeAll(async () => {
      trail = (await plan()).audit.length;
    });
    afterEach(async () => {
      expect((await plan()).audit.length).toBe(trail);
      expect((await plan()).plan).toMatchObject({ stage: 'issued', versionInForce: 2 });
    });

    it('the same link posted twice', async () => {
      const again = await confirm(approverV2.approve!.path);
      expect([again.status, codeOf(again.text)]).toEqual([409, 'LINK_USED']);
    });

    it('a forged token', async () => {
      const token = approverV2.approve!.path.split('/').pop()!;
      const [version, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = `${version}.${Buffer.from(JSON.stringify({ ...claims, v: claims.v + 1 })).toString('base64url')}.${signature}`;
      for (const response of [await open(`/api/actions/${forged}`), await confirm(`/api/actions/${forged}`), await open('/api/actions/not-a-token')]) {
        expect([response.status, codeOf(response.text)]).toEqual([400, 'LINK_INVALID']);
      }
    });

    it('an expired token', async () => {
      const expired = signActionToken({ ...approverV2.return!.claims, expiresAt: new Date(Date.now() - 60_000) }, stack.config.api.linkSecret);
      const response = await confirm(`/api/actions/${expired}`, 'Lý do');
      expect([response.status, codeOf(response.text)]).toEqual([410, 'LINK_EXPIRED']);
    });

    it('a token of another user, opened while someone else is signed in', async () => {
      const signedIn = await stack.http().post(approverV2.return!.path).set('Authorization', `Bearer ${tokens['canbo.iadom']}`).type('form').send({ comments: 'x' });
      expect([signedIn.status, codeOf(signedIn.text)]).toEqual([403, 'LINK_OTHER_USER']);
      // Signed in to the web app instead: its session cookie tells the same.
      const web = await signInToWeb(stack, 'canbo.iadom');
      const opened = await web.get(approverV2.return!.path);
      expect([opened.status, codeOf(opened.text)]).toEqual([403, 'LINK_OTHER_USER']);
    });

    it('a token for an older version', async () => {
      const stale = await confirm(appraiserV1.agree!.path);
      expect([stale.status, codeOf(stale.text)]).toEqual([409, 'LINK_STALE_VERSION']);
    });

    it('a link of a task someone already decided', async () => {
      const closed = await confirm(approverV2.return!.path, 'Quá muộn');
      expect([closed.status, codeOf(closed.text)]).toEqual([409, 'LINK_TASK_CLOSED']);
    });
  });

  it('refuses a genuine token whose holder lacks the role: the workflow checks the actor again', async () => {
    await as('canbo.iadom').post(`${PLAN}/decisions`, { action: 'amend' }).expect(200);
    await as('canbo.iadom').post(`${PLAN}/decisions`, { action: 'submit', version: 3 }).expect(200);
    const appraise = links(await nextMail('thamdinh.ducco', /thẩm định/i));
    const officer = await new UserRepository(stack.dataSource).findByUsername('canbo.iadom');
    const minted = signActionToken({ ...appraise.agree!.claims, userId: officer!.id }, stack.config.api.linkSecret);
    const response = await confirm(`/api/actions/${minted}`);
    expect(response.status).toBe(403);
    expect((await plan()).plan.stage).toBe('appraisal');
  });

  it('sent every notification exactly once, each under its own Message-ID, all marked sent', async () => {
    const planId = (await plan()).plan.id as string;
    const recorded = await eventually(async () => {
      const rows = await new NotificationRepository(stack.dataSource).listForPlan(planId);
      expect(rows.every((row) => row.state === 'sent')).toBe(true);
      return rows;
    });
    const received = stack.mail.messages().filter((m) => recorded.some((row) => row.messageId === m.headers['message-id']));
    expect(recorded.length).toBeGreaterThanOrEqual(7);
    expect(received).toHaveLength(recorded.length);
    expect(new Set(received.map((m) => m.headers['message-id'])).size).toBe(recorded.length);
  });

  it('keeps a message queued while the SMTP server is down, shows the failure to the admin, and sends it once when it is back', async () => {
    const port = Number(new URL(stack.config.smtp.url).port);
    await stack.mail.stop();
    await as('thamdinh.ducco').post(`${PLAN}/decisions`, { action: 'appraise', version: 3, opinion: 'agree' }).expect(200);
    // The workflow did not wait for the mail: the approval task is open already.
    expect((await plan()).openTask).toMatchObject({ kind: 'approve' });

    const stuck = await eventually(async () => {
      const pending = (await as('admin.gl').get('/api/admin/notifications?provinceCode=GL').expect(200)).body as Array<{ id: string; attempts: number; lastError: string | null }>;
      const failed = pending.filter((row) => row.attempts >= 1 && row.lastError);
      expect(failed.length).toBeGreaterThan(0);
      return failed;
    });
    expect(stuck[0].lastError).toMatch(/ECONNREFUSED|connect/i);

    await stack.mail.start({ port });
    const request = await nextMail('pheduyet.ducco', /phê duyệt/i);
    await eventually(async () => expect((await as('admin.gl').get('/api/admin/notifications?provinceCode=GL').expect(200)).body).toEqual([]), { timeoutMs: 30_000 });
    expect(stack.mail.messages().filter((m) => m.headers['message-id'] === request.headers['message-id'])).toHaveLength(1);
  });

  it('gathers the messages of someone who asked for a digest into one summary a day', async () => {
    await as('pheduyet.ducco').put('/api/me/notification-preferences', { locale: 'vi', digest: true }).expect(200);
    const lastRequest = stack.mail.messages().reverse().find((m) => m.envelope.to.includes(demoEmail('pheduyet.ducco')) && /phê duyệt/i.test(m.subject))!;
    const approveMessageId = lastRequest.id;
    const approve = links(lastRequest);
    await confirm(approve.return!.path, 'Bổ sung dự toán chi tiết.').expect(200);
    await as('canbo.iadom').post(`${PLAN}/decisions`, { action: 'submit', version: 4 }).expect(200);
    await confirm(links(await nextMail('thamdinh.ducco', /thẩm định/i)).agree!.path).expect(200);
    const queued = await eventually(async () => {
      const rows = (await new NotificationRepository(stack.dataSource).listForPlan((await plan()).plan.id)).filter((row) => row.delivery === 'digest');
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(queued.state).toBe('pending');

    const tomorrow = addCalendarDays(vietnamDateOf(new Date().toISOString()), 1);
    const runs: string[] = [];
    const run = () => {
      runs.push(`digest-${CYCLE}-${Date.now()}`);
      return stack.client.workflow.execute<typeof dailyDigestWorkflow>('dailyDigestWorkflow', { taskQueue: stack.config.temporal.taskQueue, workflowId: runs[runs.length - 1], args: [{ day: tomorrow }] });
    };
    expect(await run()).toEqual({ digests: 1 });
    await recordHistoryFixture(runs[0], 'daily-digest.sent');
    const digest = await nextMail('pheduyet.ducco', /Tóm tắt/i);
    expect(digest.text).toContain('xã Ia Dom');
    const toApprover = stack.mail.messages().filter((m) => m.envelope.to.includes(demoEmail('pheduyet.ducco')));
    expect(toApprover[toApprover.length - 1].id).toBe(digest.id);
    expect(toApprover.filter((m) => Number(m.id) > Number(approveMessageId))).toHaveLength(1);
    expect(await run()).toEqual({ digests: 0 }); // a second run of the same day sends nothing again
  });

  it('writes from the province’s own sender, in English for a user who chose it; refuses a bad address writing nothing', async () => {
    const settings = '/api/admin/provinces/GL/mail-settings';
    for (const fromAddress of ['khong-phai-dia-chi', 'Sở <a@b.vn>\r\nBcc: x@y.vn', 42]) {
      const refused = await as('admin.gl').put(settings, { fromAddress });
      expect([refused.status, refused.body.code]).toEqual([400, 'MAIL_FROM_INVALID']);
    }
    expect((await as('canbo.iadom').put(settings, { fromAddress: 'x@y.vn' })).status).toBe(403);
    expect((await as('admin.gl').get(settings).expect(200)).body.fromAddress).toBe(stack.config.smtp.from);
    await as('admin.gl').put(settings, { fromAddress: 'Sở VH-TT-DL Gia Lai <ttdn@gialai.gov.vn>', replyTo: 'vanphong@gialai.gov.vn' }).expect(200);

    const badLocale = await as('canbo.iadom').put('/api/me/notification-preferences', { locale: 'fr', digest: false });
    expect([badLocale.status, badLocale.body.code]).toEqual([400, 'PREFERENCE_LOCALE_INVALID']);
    await as('canbo.iadom').put('/api/me/notification-preferences', { locale: 'en', digest: false }).expect(200);

    const version = (await plan()).plan.latestVersion;
    await as('pheduyet.ducco').post(`${PLAN}/decisions`, { action: 'approve', version }).expect(200);
    const issued = await nextMail('canbo.iadom', /issued/i);
    expect(issued.from).toBe('"Sở VH-TT-DL Gia Lai" <ttdn@gialai.gov.vn>');
    expect(issued.headers['reply-to']).toContain('vanphong@gialai.gov.vn');
    expect(issued.text).toContain('200.000.000');
  });

  it('gives up on an address the server refuses for good, shows it to the admin, and does not hold the plan', async () => {
    await stack.dataSource.query(`UPDATE users SET email = 'khong-ton-tai@sai.invalid', locale = 'vi' WHERE username = 'canbo.iadom'`);
    stack.mail.rejectsRecipient = (address) => address.endsWith('@sai.invalid');
    try {
      await as('canbo.iadom').post(`${PLAN}/decisions`, { action: 'amend' }).expect(200);
      const failed = await eventually(async () => {
        const rows = (await as('admin.gl').get('/api/admin/notifications?provinceCode=GL').expect(200)).body as Array<{ recipientEmail: string; lastError: string }>;
        const row = rows.find((candidate) => candidate.recipientEmail === 'khong-ton-tai@sai.invalid');
        expect(row?.lastError).toMatch(/550/);
        return row;
      });
      expect(failed).toBeDefined();
      const [row] = await stack.dataSource.query(`SELECT state, attempts FROM notifications WHERE recipient_email = 'khong-ton-tai@sai.invalid'`);
      expect(row).toEqual({ state: 'failed', attempts: 1 });
    } finally {
      stack.mail.rejectsRecipient = null;
    }
  });
});
