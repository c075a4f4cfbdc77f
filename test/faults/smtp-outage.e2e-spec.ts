import { annualCycleWorkflowId } from '@plancycle/domain';
import { startTestStack, type TestStack } from '../support/stack';
import { AnswerLog } from './support/answers';
import { prepareYear, startCycle, type PreparedYear } from './support/compressed-cycle';
import { CycleBot } from './support/cycle-bot';
import { untilEveryMessageSent, untilEveryPlanIssued } from './support/cycle-outcome';
import { reportFigures } from './support/figures';
import { deliveryProblems, notificationsOf } from './support/invariants';
import { scaled } from './support/scale';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 73;
const UNITS = scaled(6, 12);
const SECONDS_DOWN = scaled(10, 60);
const SLOW = 180_000;

/**
 * The SMTP server goes away for a fixed window while the cycle is producing mail (drafting tasks as
 * the provincial plan is issued, approval tasks as plans are submitted, news of each issuance), then
 * comes back on the same port. The outbox holds what could not go out, Temporal retries the
 * deliveries with backoff, and every message arrives afterwards exactly once.
 */
describe('the SMTP server down for a fixed window while the cycle sends mail', () => {
  let stack: TestStack;
  let year: PreparedYear;
  let bot: CycleBot | null = null;
  let cycleId: string | null = null;
  let smtpPort = 0;
  const answers = new AnswerLog();

  beforeAll(async () => {
    stack = await startTestStack();
    smtpPort = Number(new URL(stack.config.smtp.url).port);
    year = await prepareYear(stack, UNITS);
  }, SLOW);
  afterAll(async () => {
    await bot?.stop();
    // Back up if the test failed during the window, so the worker's last deliveries end.
    await stack?.mail.start({ port: smtpPort }).catch(() => undefined);
    if (cycleId) await stack?.client.workflow.getHandle(annualCycleWorkflowId(cycleId)).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  }, SLOW);

  it('delivers every message queued during the outage once it is back, each exactly once', async () => {
    const { adminToken, units, tap } = year;
    const cycle = await startCycle(stack, adminToken, { provinceCode: 'GL', year: YEAR, units });
    cycleId = cycle;

    // Mail flows; then the server goes while the issuance's messages are still going out.
    await stack.mail.waitFor(() => true, { timeoutMs: 60_000 });
    const downAt = Date.now();
    await stack.mail.stop();
    const receivedBefore = stack.mail.messages().length;
    const officials = units.flatMap((unit) => [unit.officer, unit.leader]);
    const running = new CycleBot(stack, cycle, year.tokens, adminToken, { officials, plansOnly: true, takingTurns: true, log: answers });
    bot = running;
    running.start();
    // The window is the fault itself, a fixed length by design: the plans move on meanwhile.
    await new Promise((resolve) => setTimeout(resolve, SECONDS_DOWN * 1_000));
    const receivedDuring = stack.mail.messages().length - receivedBefore;
    const queued = (await notificationsOf(stack.dataSource, cycle)).filter((row) => row.state !== 'sent');
    await stack.mail.start({ port: smtpPort });
    const upAt = Date.now();

    await untilEveryPlanIssued(stack.dataSource, cycle, units.map((unit) => unit.unitCode));
    await running.stop();
    // Deliveries retry with backoff (2 s doubling): the last attempt of the window may come a while after it.
    const notifications = await untilEveryMessageSent(stack.dataSource, cycle);

    expect(receivedDuring).toBe(0);
    expect(queued.length).toBeGreaterThan(0);
    // Tried during the window and failed, not merely left waiting: the retries did the work.
    expect(notifications.filter((row) => row.attempts > 1).length).toBeGreaterThan(0);
    // Exactly once: every message arrived, nothing arrived that no message of the cycle explains, and
    // nothing arrived twice (no worker died mid-send here, so not even the documented resend).
    const delivery = await deliveryProblems(stack.dataSource, cycle, tap);
    expect(delivery.problems).toEqual([]);
    expect(delivery.resends).toBe(0);
    expect(stack.mail.messages()).toHaveLength(notifications.length);
    const copies = tap.copies;

    const queuedIds = new Set(queued.map((row) => row.id));
    const line = reportFigures('SMTP outage', {
      units: UNITS,
      'seconds down': Number(((upAt - downAt) / 1_000).toFixed(1)),
      'messages queued during outage': queued.length,
      delivered: notifications.filter((row) => queuedIds.has(row.id) && copies.get(row.messageId) === 1).length,
      'messages in all': stack.mail.messages().length,
      duplicates: [...copies.values()].filter((count) => count > 1).length,
      lost: notifications.filter((row) => !copies.has(row.messageId)).length,
    });
    console.log(line);
  }, scaled(300_000, 600_000));
});
