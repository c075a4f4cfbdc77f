import { randomUUID } from 'node:crypto';
import { annualCycleWorkflowId } from '@plancycle/domain';
import { createDataSource, migrate } from '@plancycle/persistence';
import { eventually } from '../support/eventually';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';
import { AnswerLog, durationOf, type Answer } from './support/answers';
import { closeCycleNow, prepareYear, startCycle, type PreparedYear } from './support/compressed-cycle';
import { CycleBot, regularItem } from './support/cycle-bot';
import { auditedRequestIds, unitPlanStages, untilEveryMessageSent, untilEveryPlanIssued } from './support/cycle-outcome';
import { reportFigures } from './support/figures';
import { deliveryProblems, documentNumberProblems, transitionProblems } from './support/invariants';
import { holdWritesTo, startRestartablePostgres, type RestartablePostgres } from './support/restartable-postgres';
import { scaled } from './support/scale';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 72;
const UNITS = scaled(6, 12);
const SECONDS_DOWN = scaled(10, 45);
/** Generous on purpose: the point is that nothing waits for the database to come back, not speed. */
const ANSWER_BOUND_MS = 30_000;
const SLOW = 180_000;

/**
 * PostgreSQL (a server of this test's own) stops with a fast shutdown while departments are
 * drafting, submitting and approving their plans and the worker is recording decisions and sending
 * mail, and starts again on the same data after a fixed time. Meanwhile the API must answer every
 * request, at once, with a 503 that says what is wrong; afterwards the worker's retried activities
 * finish the cycle with nothing lost.
 */
describe('PostgreSQL stopped in the middle of a cycle and started again', () => {
  let postgres: RestartablePostgres;
  let stack: TestStack;
  let year: PreparedYear;
  let databaseUrl: string;
  let auditTrail: { release(): Promise<void> } | null = null;
  let bot: CycleBot | null = null;
  let cycleId: string | null = null;
  const botAnswers = new AnswerLog();
  const probes = new AnswerLog();

  beforeAll(async () => {
    postgres = await startRestartablePostgres();
    databaseUrl = await postgres.createDatabase('plancycle');
    const migrating = createDataSource(databaseUrl);
    try {
      await migrate(migrating);
    } finally {
      if (migrating.isInitialized) await migrating.destroy();
    }
    stack = await startTestStack({ databaseUrl });
    year = await prepareYear(stack, UNITS);
  }, SLOW);
  afterAll(async () => {
    // A test that failed before or during the outage still leaves the stack a database to stop against.
    await auditTrail?.release();
    await postgres?.start();
    await bot?.stop();
    if (cycleId) await stack?.client.workflow.getHandle(annualCycleWorkflowId(cycleId)).terminate('end of test').catch(() => undefined);
    await stack?.stop();
    await postgres?.destroy();
  }, SLOW);

  /** The five requests people make most, aimed at the last department (still drafting when it stops). */
  const probeEveryEndpoint = async (cycle: string, withLogin: boolean) => {
    const unit = year.units[year.units.length - 1];
    const plan = `/api/cycles/${cycle}/units/${unit.unitCode}/plan`;
    const officer = requestsAs(stack, year.tokens.get(unit.officer) as string);
    const leader = requestsAs(stack, year.tokens.get(unit.leader) as string);
    if (withLogin) await probes.send('login', stack.http().post('/api/auth/login').send({ username: unit.officer, password: 'plancycle' }));
    await probes.send('GET plan', officer.get(plan));
    await probes.send('PUT draft', officer.put(`${plan}/draft`, { version: 1, items: [regularItem(unit.unitCode)] }));
    await probes.send('POST decision', leader.post(`${plan}/decisions`, { action: 'approve', version: 1, requestId: randomUUID() }));
    await probes.send('GET tasks', officer.get('/api/tasks'));
  };

  it('answers 503 with a clear message at once while it is down, then finishes the cycle with every decision and message', async () => {
    const { adminToken, units } = year;
    const cycle = await startCycle(stack, adminToken, { provinceCode: 'GL', year: YEAR, units });
    cycleId = cycle;
    // The units' people only, taking turns: the one decision in flight when it stops is the one held on the audit trail.
    const officials = units.flatMap((unit) => [unit.officer, unit.leader]);
    const running = new CycleBot(stack, cycle, year.tokens, adminToken, { officials, plansOnly: true, takingTurns: true, log: botAnswers });
    bot = running;
    running.start();

    // Down once a third of the plans are issued and the rest are on their way, at a moment a
    // decision's activity is writing: a lock on the audit trail holds it inside its transaction.
    await eventually(() => expect(running.count('approve')).toBeGreaterThanOrEqual(Math.ceil(UNITS / 3)), { timeoutMs: SLOW, intervalMs: 20 });
    const held = await holdWritesTo(databaseUrl, 'audit_events');
    auditTrail = held;
    await eventually(async () => expect(await held.waitingWriters()).toBeGreaterThan(0), { timeoutMs: 20_000, intervalMs: 50 });
    const stopping = Date.now();
    await postgres.stop();
    const decisionsBefore = running.decisions.filter((decision) => decision.answeredAt < stopping);
    const downAt = Date.now();
    for (let round = 0; Date.now() - downAt < SECONDS_DOWN * 1_000; round += 1) {
      // Three sign-ins are enough to see the answer; more would meet the login rate limit instead.
      await probeEveryEndpoint(cycle, round < 3);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const restarting = Date.now();
    await postgres.start();
    const upAt = Date.now();

    // While it was down: every request answered, in time, 503 DATABASE_UNAVAILABLE with a message.
    const during = [...probes.sentBetween(downAt, restarting), ...botAnswers.sentBetween(downAt, restarting)];
    const show = (answer: Answer) => `${answer.label} → ${answer.status} ${answer.code ?? ''} in ${durationOf(answer)} ms`;
    expect(new Set(probes.answers.map((answer) => answer.label))).toEqual(new Set(['login', 'GET plan', 'PUT draft', 'POST decision', 'GET tasks']));
    expect(during.filter((answer) => answer.status !== 503 || answer.code !== 'DATABASE_UNAVAILABLE' || !answer.message).map(show)).toEqual([]);
    expect(during.filter((answer) => durationOf(answer) > ANSWER_BOUND_MS).map(show)).toEqual([]);

    // After: the worker's retries finish every plan; then the cycle closes with all its mail out.
    await untilEveryPlanIssued(stack.dataSource, cycle, units.map((unit) => unit.unitCode));
    await running.stop();
    await closeCycleNow(stack, adminToken, cycle);
    const notifications = await untilEveryMessageSent(stack.dataSource, cycle);

    // The decision whose activity the stop cut off: Temporal retried the activity, and its request,
    // already past the API's own reads and waiting on the workflow's update, was answered 200 only
    // once a retry got through after the outage (no bound of its own; measured in the figures).
    const heldOver = botAnswers.answers.filter((answer) => answer.startedAt < stopping && answer.endedAt > downAt);
    expect(heldOver.filter((answer) => answer.label === 'POST decision' && answer.status === 200)).toHaveLength(1);
    const all = [...botAnswers.answers, ...probes.answers];
    expect(all.filter((answer) => answer.status === 0 || (answer.status >= 500 && answer.status !== 503)).map(show)).toEqual([]);
    const audited = await auditedRequestIds(stack.dataSource, cycle);
    expect(decisionsBefore.length).toBeGreaterThan(0);
    expect(running.decisions.filter((decision) => !audited.has(decision.requestId))).toEqual([]);
    expect((await transitionProblems(stack.dataSource, cycle)).problems).toEqual([]);
    // Issuances the stop cut off took no number they then did not use.
    expect((await documentNumberProblems(stack.dataSource, cycle)).problems).toEqual([]);
    // Each message went out at least once and never more often than it was attempted: a send whose
    // "sent" mark the outage cut off is sent again under the same Message-ID, and counted below.
    const delivery = await deliveryProblems(stack.dataSource, cycle, year.tap);
    expect(delivery.problems).toEqual([]);
    const copies = year.tap.copies;

    const stages = await unitPlanStages(stack.dataSource, cycle);
    const lost =
      units.filter((unit) => stages[unit.unitCode] !== 'issued').length +
      running.decisions.filter((decision) => !audited.has(decision.requestId)).length +
      notifications.filter((row) => row.state !== 'sent' || !copies.get(row.messageId)).length;
    const line = reportFigures('PostgreSQL restart', {
      units: UNITS,
      'requests during outage': during.length,
      '5xx other than 503': all.filter((answer) => answer.status >= 500 && answer.status !== 503).length,
      'slowest answer ms': Math.max(...during.map(durationOf)),
      'seconds down': Number(((upAt - stopping) / 1_000).toFixed(1)),
      'requests held over the outage': heldOver.length,
      'longest held ms': Math.max(0, ...heldOver.map(durationOf)),
      'decisions before the outage': decisionsBefore.length,
      'messages sent': notifications.length,
      'messages sent after a failed attempt': notifications.filter((row) => row.attempts > 1).length,
      'messages sent twice': notifications.filter((row) => (copies.get(row.messageId) ?? 0) > 1).length,
      lost,
    });
    console.log(line);
  }, scaled(300_000, 600_000));
});
