import { demoEmail, NotificationRepository } from '@plancycle/persistence';
import { eventually } from '../support/eventually';
import { recordGuidanceFor } from '../support/guidance';
import { borderConferenceItem } from '../support/plan-fixtures';
import { issueProvincialPlan } from '../support/provincial-plan';
import { startTestStack, type TestStack } from '../support/stack';
import { startWorkerProcess, type AppProcess } from '../support/worker-process';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 48;
const IA_DOM = 'GL.DUCCO.IADOM';
const CYCLE = `GL-${YEAR}`;
const PLAN = `/api/cycles/${CYCLE}/units/${IA_DOM}/plan`;

// Worker processes start in seconds alone but slower beside the rest of the suite on two cores.
const SLOW = 180_000;

/**
 * The worker is a real process here, killed with SIGKILL in the one window exactly-once delivery
 * cannot close: the SMTP server has the message, the worker has not heard 250 yet, nothing is
 * marked. The retry must send the same message under the same Message-ID, and nothing after that.
 */
describe('a worker killed between sending a message and marking it sent', () => {
  let stack: TestStack;
  const workers: AppProcess[] = [];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    workers.push(await startWorkerProcess(stack.config));
    for (const username of ['admin.gl', 'canbo.iadom']) tokens[username] = await stack.login(username);
    await stack.http().post('/api/cycles').set('Authorization', `Bearer ${tokens['admin.gl']}`).send({ provinceCode: 'GL', year: YEAR, participatingUnitCodes: [IA_DOM] }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    await issueProvincialPlan(stack.client, stack.dataSource, CYCLE);
    await eventually(() => stack.http().get(PLAN).set('Authorization', `Bearer ${tokens['canbo.iadom']}`).expect(200), { timeoutMs: 30_000 });
  }, SLOW);
  afterAll(async () => {
    await stack?.client.workflow.getHandle(`annual-cycle/${CYCLE}`).terminate('end of test').catch(() => undefined);
    for (const worker of workers) await worker.kill();
    await stack?.stop();
  });

  it('delivers the appraiser’s task once more under the same Message-ID, then never again', async () => {
    const appraiser = demoEmail('thamdinh.ducco');
    let killed = false;
    stack.mail.beforeAccept = async (message) => {
      if (killed || !message.envelope.to.includes(appraiser)) return;
      killed = true;
      await workers[0].kill(); // the message is in; its sender dies before the 250
    };

    const officer = (path: string) => stack.http().put(path).set('Authorization', `Bearer ${tokens['canbo.iadom']}`);
    await officer(`${PLAN}/draft`).send({ version: 1, items: [borderConferenceItem(YEAR)] }).expect(200);
    await stack.http().post(`${PLAN}/decisions`).set('Authorization', `Bearer ${tokens['canbo.iadom']}`).send({ action: 'submit', version: 1 }).expect(200);
    await eventually(() => expect(killed).toBe(true), { timeoutMs: 20_000 });
    workers.push(await startWorkerProcess(stack.config));

    const planId = (await stack.http().get(PLAN).set('Authorization', `Bearer ${tokens['canbo.iadom']}`).expect(200)).body.plan.id as string;
    const notification = await eventually(
      async () => {
        const [row] = (await new NotificationRepository(stack.dataSource).listForPlan(planId)).filter((n) => n.recipientEmail === appraiser);
        expect(row).toMatchObject({ state: 'sent', attempts: 2 });
        return row;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const copies = () => stack.mail.messages().filter((m) => m.envelope.to.includes(appraiser));
    expect(copies()).toHaveLength(2);
    expect(copies().map((m) => m.headers['message-id'])).toEqual([notification.messageId, notification.messageId]);

    // Marked sent: another attempt, if the workflow ever made one, would find nothing to send.
    const row = await new NotificationRepository(stack.dataSource).claimForSending(notification.id);
    expect(row).toBeNull();
  }, SLOW);
});
