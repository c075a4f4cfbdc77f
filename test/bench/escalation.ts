import type { WorkflowHandle } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { provincialPlanWorkflowId } from '@plancycle/domain';
import type { DevMailMessage, DevSmtpServer } from '@plancycle/mail';
import { planViewQuery } from '@plancycle/workflows';
import { recordGuidanceFor } from '../support/guidance';
import { addPlanningUnits, type PlanningUnit } from '../support/planning-units';
import { issueProvincialPlan } from '../support/provincial-plan';
import type { BenchStack } from './bench-stack';
import { DEADLINE_TABLE, deadlineMessageId } from './engine/activities';
import { benchDeadlineWorkflow } from './engine/workflows';
import { expectStatus } from './http';
import type { BenchContext, BenchPart } from './part';
import { inPool } from './pool';
import { ratio, type Figure } from './report';
import { pause } from './running';
import { positiveSetting } from './settings';
import { percentile, summarize, type Summary } from './stats';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

const PROVINCE = 'GL';
/** Units per cycle: a large province's. */
const CYCLE_UNITS = 200;
const TARGET_MS = 2_000;

/**
 * The cycle's ladder is the overdue rung alone, as the default ladder words it (the assignee and the
 * unit's leader in charge, at the due moment): no reminder fires before the deadline and no later
 * rung after it, so the only ladder work of the cycle in the measured seconds is the rung measured.
 */
const OVERDUE_LADDER = { rungs: [{ step: 'overdue', kind: 'escalation', offset: { seconds: 0 }, audience: ['assignee', 'leader_in_charge'] }] };

/** When one overdue task was recorded and mailed (epoch ms), with the workflow that did it. */
interface Escalation {
  workflowId: string;
  dueAt: number;
  recordedAt: number;
  /** Each message of the rung, as the SMTP server received it. */
  mailedAt: number[];
}

/**
 * Where the lateness goes, per task from its workflow's history (ms). A durable timer is set as a
 * duration from the workflow's clock (the start of the workflow task that set it) and the server
 * counts it from the moment it took the command, so it is due late by as long as that task took
 * (`timerDrift`); then the server fires it (`timerFireDelay`). Then the workflow task that takes the
 * fired timer, waiting for the worker and running until it has scheduled the record; the record
 * activity waiting for a worker slot, then running (its `recordedAt` stamp is taken inside, at the
 * transaction's start: `recordStamp`); the workflow task that takes its result and schedules the
 * mail; the mail activity waiting, then running until its last message is in.
 */
const STAGES = ['timerDrift', 'timerFireDelay', 'timerTaskWait', 'timerTaskRun', 'recordWait', 'recordStamp', 'recordRun', 'mailTaskWait', 'mailTaskRun', 'mailWait', 'mailRun'] as const;
type Stage = (typeof STAGES)[number];

interface SideResult {
  dueAt: string;
  /** Seconds from setting the deadline (the calendar change, or the first start) until it. */
  leadSeconds: number;
  /** Seconds the setup took before that: the plans open and their mail out, or the workflows started. */
  setupSeconds: number;
  record: Summary;
  mail: Summary;
  profile: Record<Stage, { p50: number; p99: number }>;
  /** Tasks whose timer was set only after the deadline: a lead too short for the setup, not lateness of the rung. */
  timersSetLate: number;
  samples: { recordMs: number[]; mailMs: number[] };
}

/**
 * Escalation lateness (issue 9): BENCH_ESCALATION_TASKS unit plans (default 1,000, a cycle's most)
 * whose drafting tasks are all due at the same second T, and the delay from T to each task's overdue
 * record (`task_escalations.fired_at`) and to each of its messages reaching the SMTP server.
 *
 * The raw side is the same rung with only the engine's work in it: as many workflows each on a durable
 * timer until one shared second, then an activity committing one row stamped with now() (as
 * `fired_at` is), then an activity sending one message per recipient of the PlanCycle rung with
 * PlanCycle's own mailer to the same server. It mirrors the rung's shape (timer, workflow task,
 * record activity, workflow task, mail activity) on a worker of the same settings, so the ratio is
 * what PlanCycle's own work adds: the task lock, the audience look-ups, the outbox rows and their
 * claims. A bare timer would leave out the record and the mail the figure is about.
 *
 * The two sides run one after the other, each alone, with the mail of the setup gone out first.
 * T lies BENCH_ESCALATION_LEAD_SECONDS after the calendar change that sets it (default 10 + 0.03 per
 * task + a fifth of the time the plans took to open), the raw deadline BENCH_ESCALATION_RAW_LEAD_SECONDS
 * after its first start (default 10 + 0.02 per task).
 */
export const escalationPart: BenchPart = {
  name: 'escalation',
  async run(context) {
    const n = positiveSetting('BENCH_ESCALATION_TASKS', 1_000);
    if (n > 1_000) throw new Error(`BENCH_ESCALATION_TASKS=${n}: a cycle takes at most 1,000 units.`);
    const units = await addPlanningUnits(context.stack.dataSource, PROVINCE, n);
    const tap = new ArrivalTap(context.stack.mail);
    try {
      // Cycles of a large province's size, each its own year: a cycle of 1,000 units is the ceiling of
      // StartCycleDto, and on two cores its calendar change fails (README, "A 1,000-unit cycle").
      const cycles = Array.from({ length: Math.ceil(n / CYCLE_UNITS) }, (_, index) => ({ year: context.nextYear(), units: units.slice(index * CYCLE_UNITS, (index + 1) * CYCLE_UNITS) }));
      const lead = process.env.BENCH_ESCALATION_LEAD_SECONDS ? positiveSetting('BENCH_ESCALATION_LEAD_SECONDS', 1) : null;
      const plancycle = await plancycleSide(context, cycles, tap, lead);
      const raw = await rawSide(context, units, cycles[0].year, tap, positiveSetting('BENCH_ESCALATION_RAW_LEAD_SECONDS', 10 + Math.ceil(n * 0.02)));
      const result = { tasks: n, plancycle, raw };
      for (const [side, measured] of Object.entries({ PlanCycle: plancycle, raw })) {
        if (measured.timersSetLate > 0) context.log(`escalation ${side}: warning, ${measured.timersSetLate} timers were set only after the deadline (raise the lead)`);
        context.log(`escalation ${side}: record p50 ${measured.record.p50} / p99 ${measured.record.p99} ms, mail p50 ${measured.mail.p50} / p99 ${measured.mail.p99} ms`);
        context.log(`escalation ${side} profile (p50/p99 ms): ${STAGES.map((stage) => `${stage} ${measured.profile[stage].p50}/${measured.profile[stage].p99}`).join(', ')}`);
      }
      return { figures: escalationFigures(result), details: result };
    } finally {
      tap.stop();
    }
  },
};

/**
 * Cycles (200 units each) whose unit plans' drafting tasks are all due at T. The plans open first with
 * the year's own deadlines (decades ahead), all at once when the provincial plan is issued, as in a
 * real cycle; then the admin moves each cycle's drafting deadline (and the provincial plan's, which
 * must not be later) to T, `leadSeconds` ahead, and every open task's ladder takes it. T is set only once the plans are
 * open: how long a thousand plans take to open on a busy machine is not known beforehand.
 */
async function plancycleSide(context: BenchContext, cycles: ReadonlyArray<{ year: number; units: readonly PlanningUnit[] }>, tap: ArrivalTap, leadSetting: number | null): Promise<SideResult> {
  const { stack } = context;
  const units = cycles.flatMap((cycle) => cycle.units);
  const setupStarted = Date.now();
  const setupDeadline = setupStarted + 60_000 + units.length * 600;
  const cycleIds = await Promise.all(
    cycles.map(async ({ year, units: cycleUnits }) => {
      const body = { provinceCode: PROVINCE, year, participatingUnitCodes: cycleUnits.map((unit) => unit.unitCode), escalationLadder: OVERDUE_LADDER };
      const cycleId = (expectStatus(await context.admin.post('/api/cycles', body), [201, 202], 'escalation cycle').body as { id: string }).id;
      await recordGuidanceFor(stack.client, stack.dataSource, PROVINCE, year);
      // The cycle starts its unit workflows before the provincial plan, longer than issueProvincialPlan waits for it.
      const provincialPlan = stack.client.workflow.getHandle(provincialPlanWorkflowId(cycleId));
      await until(setupDeadline, 'the provincial plan to open', async () => Boolean((await provincialPlan.query(planViewQuery).catch(() => null))?.planId));
      // Its two tasks are done long before T: the provincial plan's ladder ends without a rung.
      await issueProvincialPlan(stack.client, stack.dataSource, cycleId);
      return cycleId;
    }),
  );
  const draftTasks = `FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = ANY($1) AND p.kind = 'unit' AND t.kind = 'draft'`;
  const countOf = async (sql: string, parameters: unknown[]) => Number((await stack.dataSource.query(sql, parameters))[0].count);
  await until(setupDeadline, 'the unit plans to open', async () => (await countOf(`SELECT count(*) AS count ${draftTasks}`, [cycleIds])) >= units.length);
  if (!(await tap.quiet(1_000, setupDeadline))) context.log('escalation: warning, the plans\' own mail was still going out');
  const setupSeconds = (Date.now() - setupStarted) / 1_000;

  // Every task's ladder takes the change as a signal and an activity: a machine slow to open the plans is slow at that too.
  const leadSeconds = leadSetting ?? Math.ceil(10 + 0.03 * units.length + 0.2 * setupSeconds);
  const changedAt = Date.now();
  const dueAt = wholeSecondAfter(changedAt + leadSeconds * 1_000);
  const due = new Date(dueAt).toISOString();
  for (const cycleId of cycleIds) {
    const changed = await context.admin.put(`/api/cycles/${cycleId}/calendar`, { calendar: { provincialPlanDue: due, unitPlanDraftDue: due } });
    if (changed.status !== 200) context.log(`escalation: warning, the calendar change of ${cycleId} answered ${changed.status} ${JSON.stringify(changed.body)}; waiting for the tasks anyway`);
  }
  await until(dueAt - 2_000, 'every task to take the new deadline (raise BENCH_ESCALATION_LEAD_SECONDS)', async () =>
    (await countOf(`SELECT count(*) AS count ${draftTasks} AND t.due_at = $2`, [cycleIds, due])) >= units.length,
  );
  context.log(`escalation: ${units.length} plans open and their mail out in ${setupSeconds.toFixed(1)} s; moved to ${due} and every task took it in ${((Date.now() - changedAt) / 1_000).toFixed(1)} s`);

  await pause(Math.max(0, dueAt - Date.now()));
  const recorded = `FROM task_escalations e JOIN tasks t ON t.id = e.task_id JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = ANY($1) AND p.kind = 'unit' AND t.kind = 'draft' AND e.step = 'overdue'`;
  const outbox = `FROM notifications n JOIN tasks t ON t.id = n.task_id JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = ANY($1) AND p.kind = 'unit' AND t.kind = 'draft' AND n.kind = 'escalation'`;
  let messages: Array<{ workflow_id: string; message_id: string }> = [];
  await until(dueAt + drainMs(units.length), 'every overdue rung to be recorded and mailed', async () => {
    if (Number((await stack.dataSource.query(`SELECT count(*) AS count ${recorded}`, [cycleIds]))[0].count) < units.length) return false;
    messages = await stack.dataSource.query(`SELECT t.workflow_id, n.message_id ${outbox} AND n.delivery = 'immediate'`, [cycleIds]);
    return messages.every((message) => tap.arrivals.has(message.message_id));
  });
  const rows = (await stack.dataSource.query(`SELECT t.workflow_id, t.due_at, e.fired_at ${recorded}`, [cycleIds])) as Array<{ workflow_id: string; due_at: Date; fired_at: Date }>;
  const mailedAt = groupBy(messages, (message) => message.workflow_id, (message) => tap.arrivals.get(message.message_id) as number);
  const escalations = rows.map((row) => ({ workflowId: row.workflow_id, dueAt: row.due_at.getTime(), recordedAt: row.fired_at.getTime(), mailedAt: mailedAt.get(row.workflow_id) ?? [] }));
  // Other rungs of the cycle (the provincial plan's, or reminders) would muddy the figure; there should be none.
  const others = Number((await stack.dataSource.query(`SELECT count(*) AS count FROM task_escalations e JOIN tasks t ON t.id = e.task_id JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = ANY($1)`, [cycleIds]))[0].count) - rows.length;
  if (others > 0) context.log(`escalation: warning, ${others} other rungs of the cycle fired`);
  return sideResult(stack, escalations, { dueAt: due, leadSeconds, setupSeconds, recordActivity: 'recordTaskStep', mailActivity: 'deliverNotifications' });
}

/** As many raw workflows, each on a timer until one shared second, recording and mailing as PlanCycle's rung does. */
async function rawSide(context: BenchContext, units: readonly PlanningUnit[], year: number, tap: ArrivalTap, leadSeconds: number): Promise<SideResult> {
  const { stack } = context;
  await stack.dataSource.query(`CREATE TABLE IF NOT EXISTS ${DEADLINE_TABLE} (key text PRIMARY KEY, recorded_at timestamptz NOT NULL DEFAULT now())`);
  const setupStarted = Date.now();
  const dueAt = wholeSecondAfter(setupStarted + leadSeconds * 1_000);
  const keys = units.map((_, index) => `bench-deadline/${year}/${index + 1}`);
  // The same two people per task as PlanCycle's overdue rung tells: the unit's officer and its leader.
  const recipients = units.map((unit) => [unit.officer, unit.leader].map((username) => `${username}@plancycle.local`));
  await inPool(keys, 200, (key, index) =>
    stack.client.workflow.start(benchDeadlineWorkflow, {
      workflowId: key,
      taskQueue: stack.engineTaskQueue,
      args: [{ dueAtMs: dueAt, key, databaseUrl: stack.config.databaseUrl, smtpUrl: stack.config.smtp.url, to: recipients[index] }],
    }),
  );
  const setupSeconds = (Date.now() - setupStarted) / 1_000;
  if (Date.now() > dueAt - 1_000) throw new Error(`The raw workflows took ${setupSeconds.toFixed(1)} s to start, past their deadline: raise BENCH_ESCALATION_RAW_LEAD_SECONDS.`);
  context.log(`escalation: ${keys.length} raw workflows started in ${setupSeconds.toFixed(1)} s; all due at ${new Date(dueAt).toISOString()}`);

  await pause(Math.max(0, dueAt - Date.now()));
  const messageIds = keys.flatMap((key, index) => recipients[index].map((_, message) => deadlineMessageId(key, message)));
  let rows: Array<{ key: string; recorded_at: Date }> = [];
  await until(dueAt + drainMs(keys.length), 'every raw workflow to record and mail', async () => {
    rows = await stack.dataSource.query(`SELECT key, recorded_at FROM ${DEADLINE_TABLE} WHERE key = ANY($1)`, [keys]);
    return rows.length >= keys.length && messageIds.every((id) => tap.arrivals.has(id));
  });
  const escalations = rows.map((row) => {
    const index = keys.indexOf(row.key);
    return { workflowId: row.key, dueAt, recordedAt: row.recorded_at.getTime(), mailedAt: recipients[index].map((_, message) => tap.arrivals.get(deadlineMessageId(row.key, message)) as number) };
  });
  return sideResult(stack, escalations, { dueAt: new Date(dueAt).toISOString(), leadSeconds, setupSeconds, recordActivity: 'recordDeadline', mailActivity: 'sendDeadlineMail' });
}

async function sideResult(
  stack: BenchStack,
  escalations: readonly Escalation[],
  side: { dueAt: string; leadSeconds: number; setupSeconds: number; recordActivity: string; mailActivity: string },
): Promise<SideResult> {
  const recordMs = escalations.map((escalation) => escalation.recordedAt - escalation.dueAt);
  const mailMs = escalations.flatMap((escalation) => escalation.mailedAt.map((at) => at - escalation.dueAt));
  const stages = await inPool(escalations, 16, async (escalation) => {
    const { events } = await stack.client.workflow.getHandle(escalation.workflowId).fetchHistory();
    return stagesOf(events ?? [], escalation, side.recordActivity, side.mailActivity);
  });
  const profile = Object.fromEntries(
    STAGES.map((stage) => {
      const values = stages.map((task) => task[stage]).filter((value) => Number.isFinite(value));
      return [stage, { p50: round(percentile(values, 50)), p99: round(percentile(values, 99)) }];
    }),
  ) as SideResult['profile'];
  const timersSetLate = stages.filter((task) => !(task.timerSet < 0)).length;
  return { dueAt: side.dueAt, leadSeconds: side.leadSeconds, setupSeconds: side.setupSeconds, record: summarize(recordMs), mail: summarize(mailMs), profile, timersSetLate, samples: { recordMs, mailMs } };
}

/** One task's path from its deadline to its last message, read from its workflow's history (see STAGES). */
function stagesOf(events: readonly HistoryEvent[], escalation: Escalation, recordActivity: string, mailActivity: string): Record<Stage | 'timerSet', number> {
  const id = (event: HistoryEvent | undefined) => Number(event?.eventId?.toString() ?? Number.NaN);
  // NaN for anything missing, so a history that lacks an event leaves that task out of the stage.
  const at = (event: HistoryEvent | undefined) => optionalTsToMs(event?.eventTime) ?? Number.NaN;
  const scheduled = (name: string) => events.find((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === name);
  const started = (of: HistoryEvent | undefined) => events.find((event) => id(of) === Number(event.activityTaskStartedEventAttributes?.scheduledEventId?.toString()));
  const completed = (of: HistoryEvent | undefined) => events.find((event) => id(of) === Number(event.activityTaskCompletedEventAttributes?.scheduledEventId?.toString()));
  const record = scheduled(recordActivity);
  // The delivery of the rung's mail: the first one scheduled after the record (the plan's opening has its own before).
  const mail = events.find((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === mailActivity && id(event) > id(record));
  const fired = [...events].reverse().find((event) => event.timerFiredEventAttributes && id(event) < id(record));
  // The workflow task that took an event: the first one started after it.
  const taskAfter = (event: HistoryEvent | undefined) => events.find((candidate) => candidate.workflowTaskStartedEventAttributes && id(candidate) > id(event));
  const timerTask = taskAfter(fired);
  const mailTask = taskAfter(completed(record));
  const timerStarted = events.find((event) => id(event) === Number(fired?.timerFiredEventAttributes?.startedEventId?.toString()));
  const timerDueAt = at(timerStarted) + (optionalTsToMs(timerStarted?.timerStartedEventAttributes?.startToFireTimeout) ?? Number.NaN);
  return {
    timerSet: at(timerStarted) - escalation.dueAt,
    timerDrift: timerDueAt - escalation.dueAt,
    timerFireDelay: at(fired) - timerDueAt,
    timerTaskWait: at(timerTask) - at(fired),
    timerTaskRun: at(record) - at(timerTask),
    recordWait: at(started(record)) - at(record),
    recordStamp: escalation.recordedAt - at(started(record)),
    recordRun: at(completed(record)) - at(started(record)),
    mailTaskWait: at(mailTask) - at(completed(record)),
    mailTaskRun: at(mail) - at(mailTask),
    mailWait: at(started(mail)) - at(mail),
    mailRun: at(completed(mail)) - at(started(mail)),
  };
}

function escalationFigures(result: { tasks: number; plancycle: SideResult; raw: SideResult }): Figure[] {
  const { plancycle, raw } = result;
  const name = (what: string) => `escalation ${what}, ${result.tasks} tasks due at once`;
  const row = (figure: string, mine: number, theirs: number, target: boolean): Figure => ({
    figure,
    plancycle: mine,
    raw: theirs,
    comparison: `${ratio(mine, theirs)}×`,
    target: target ? `≤ ${TARGET_MS / 1_000} s` : '',
    met: target ? mine <= TARGET_MS : null,
  });
  return [
    row(name('record p50'), plancycle.record.p50, raw.record.p50, false),
    row(name('record p99'), plancycle.record.p99, raw.record.p99, true),
    row(name(`mail p50 (${plancycle.mail.count} messages)`), plancycle.mail.p50, raw.mail.p50, false),
    row(name(`mail p99 (${plancycle.mail.count} messages)`), plancycle.mail.p99, raw.mail.p99, true),
  ];
}

/**
 * When each message reached the SMTP server, by Message-ID, from the server's own `receivedAt`:
 * its store keeps the last 1,000 messages only, fewer than a full run sends. Chains any hook set before.
 */
class ArrivalTap {
  readonly arrivals = new Map<string, number>();
  private readonly previous: DevSmtpServer['beforeAccept'];

  constructor(private readonly mail: DevSmtpServer) {
    this.previous = mail.beforeAccept;
    mail.beforeAccept = (message: DevMailMessage) => {
      this.arrivals.set(message.headers['message-id'], message.receivedAt.getTime());
      return this.previous?.(message);
    };
  }

  /** True once no message has arrived for `quietMs`; false at `notAfter` (epoch ms) if messages still came. */
  async quiet(quietMs: number, notAfter: number): Promise<boolean> {
    let seen = this.arrivals.size;
    let quietSince = Date.now();
    while (Date.now() - quietSince < quietMs && Date.now() < notAfter) {
      await pause(50);
      if (this.arrivals.size !== seen) [seen, quietSince] = [this.arrivals.size, Date.now()];
    }
    return Date.now() - quietSince >= quietMs;
  }

  stop(): void {
    this.mail.beforeAccept = this.previous;
  }
}

/** Polls `done` every 200 ms; throws once `deadline` (epoch ms) has passed without it. */
async function until(deadline: number, what: string, done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await pause(200);
  }
}

/** How long after the deadline the part waits for the last record and message before it gives up. */
const drainMs = (tasks: number) => 60_000 + tasks * 150;

const wholeSecondAfter = (ms: number) => Math.ceil(ms / 1_000) * 1_000;

const round = (value: number) => Math.round(value * 10) / 10;

function groupBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), value(item)]);
  return groups;
}
