import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import { annualCycleWorkflowId, unitPlanWorkflowId, type CycleCalendar } from '@plancycle/domain';
import { endStates, provincialEndState } from '../faults/support/invariants';
import { recordGuidanceFor } from '../support/guidance';
import { ladderInSeconds } from '../support/ladders';
import { addPlanningUnits, type PlanningUnit } from '../support/planning-units';
import { issueProvincialPlan } from '../support/provincial-plan';
import { BenchCycleBot } from './bench-cycle-bot';
import { cpuNow, cpuProfile, cpuSpent, type CpuProfile } from './cpu';
import type { BenchStack } from './bench-stack';
import { benchUpdateWorkflow, pingUpdate, releaseSignal } from './engine/workflows';
import { expectStatus } from './http';
import type { BenchContext, BenchPart } from './part';
import { inPool } from './pool';
import { ratio, type Figure } from './report';
import { pause } from './running';
import { positiveListSetting, positiveSetting } from './settings';

/** Gia Lai's own people in every cycle (demo seed): the coordinator's officer and the province's approver. */
const GIA_LAI_OFFICIALS = ['dieuphoi.gl', 'lanhdao.tinh'];
/** A unit's plan and its five reports: the workflows, and two decisions each (submit, then approve or accept). */
const WORKFLOWS_PER_UNIT = 6;
const DECISIONS_PER_WORKFLOW = 2;
/** Per unit, the largest size may take this much longer than the smallest. */
const ALLOWED_GROWTH = 1.2;

/** Where the year got to: ms from `POST /api/cycles` until each stage was reached (null: not within the time allowed). */
interface YearTimes {
  allPlansIssuedMs: number | null;
  allUnitReportsAcceptedMs: number | null;
  closedMs: number | null;
}

interface CalendarChange {
  status: number;
  seconds: number;
  error: string | null;
}

interface SizeResult {
  units: number;
  cycleId: string;
  times: YearTimes;
  /** The year ended as a diligent year ends: every unit as expected, the province's report sent, the cycle closed. */
  ended: boolean;
  unitsNotAsExpected: string[];
  province: unknown;
  bot: { requests: number; decisions: number; retries: number; refusals: number; errors: string[] };
  /** The admin's calendar change that opened the reports: its answer and how long it took. */
  reportsOpened: CalendarChange | null;
  /** Where the CPU went during the year, and during the raw side. */
  cpu: CpuProfile;
  rawMs: number;
  rawCpu: CpuProfile;
  /** History events: of the first unit's six workflows (and by type), of the cycle's own workflow, of six raw workflows. */
  events: { unit: number; cycle: number; raw: number; unitByType: Record<string, number> };
}

/**
 * Growth (issue 9): a whole compressed year of N units, for each N of BENCH_GROWTH (default 10,100;
 * the issue's 10,100,1000 takes about a quarter of an hour more on two cores, see the README), each
 * its own cycle of the first N of the same Gia Lai test units. The figure is the time from
 * `POST /api/cycles` to the cycle closed (every unit's plan issued, its four quarterly and its annual
 * report accepted, the coordinator's aggregation approved by the province and sent, every workflow
 * closed), divided by N; it must not grow with N.
 *
 * The pace. With the fault suite's compressed calendar each stage opens `pace` seconds after the
 * last, and a year then lasts eight paces whatever the work: time per unit would measure the pace.
 * Here the calendar holds nothing back instead: every deadline lies hours off (no reminder or
 * escalation fires, at any size), the plans open at once, and the admin opens all five reports the
 * moment every unit's plan is issued (a calendar change through the API; a report opened before its
 * plan is issued would have no lines to report on). So each stage opens as soon as the system has
 * finished the one before, and the year lasts exactly as long as the system needs for it.
 *
 * The load: BenchCycleBot, at most BENCH_GROWTH_CONCURRENCY tasks in flight (default 16) at every
 * size, each task read from its official's inbox and done through the API as CycleBot does. Small N
 * cannot fill that many slots and pays the fixed steps of a year (start, provincial plan,
 * aggregation, close) over few units, so per unit it is the slowest; the marginal row (ms per unit
 * added between the two largest sizes) shows the growth free of those fixed steps, and CPU ms per
 * unit (read from /proc) shows it free of the pace and of whatever else shares the machine.
 *
 * The raw engine's side, measured after each year on the same servers at the same concurrency: per
 * unit six trivial workflows started, two updates each (benchUpdateWorkflow, answered at once, as
 * many as a unit's decisions), released and awaited. It has no timers, activities, database or
 * mail; it shows what the same number of workflow starts and updates cost Temporal alone, and
 * whether that itself grows with N.
 *
 * Settings: BENCH_GROWTH=10,100 (the sizes), BENCH_GROWTH_CONCURRENCY=16 (tasks, and raw
 * workflows, in flight), BENCH_GROWTH_TIMEOUT=1800 (seconds a year may take before it is reported as
 * not ended).
 */
export const growthPart: BenchPart = {
  name: 'growth',
  async run(context) {
    const sizes = [...new Set(positiveListSetting('BENCH_GROWTH', [10, 100]))].sort((a, b) => a - b);
    const concurrency = positiveSetting('BENCH_GROWTH_CONCURRENCY', 16);
    const timeoutMs = positiveSetting('BENCH_GROWTH_TIMEOUT', 1800) * 1000;
    const tokens = new Map<string, string>();
    const results: SizeResult[] = [];
    for (const n of sizes) {
      const units = await addPlanningUnits(context.stack.dataSource, 'GL', n);
      const officials = [...GIA_LAI_OFFICIALS, ...units.flatMap((unit) => [unit.officer, unit.leader])];
      const missing = officials.filter((username) => !tokens.has(username));
      const signInStarted = Date.now();
      for (const [username, token] of await context.api.signIn(missing)) tokens.set(username, token);
      context.log(`growth N=${n}: ${missing.length} officials signed in in ${((Date.now() - signInStarted) / 1000).toFixed(1)} s`);
      const result = await measureYear(context, units, tokens, concurrency, timeoutMs);
      results.push(result);
      const seconds = (ms: number | null) => (ms === null ? 'not reached' : `${(ms / 1000).toFixed(1)} s`);
      context.log(
        `growth N=${n}: plans issued ${seconds(result.times.allPlansIssuedMs)}, unit reports accepted ${seconds(result.times.allUnitReportsAcceptedMs)}, closed ${seconds(result.times.closedMs)}; ` +
          `reports opened by a calendar change answered ${result.reportsOpened?.status ?? '-'} in ${result.reportsOpened?.seconds.toFixed(1) ?? '-'} s; ` +
          `${result.bot.requests} requests, ${result.bot.decisions} decisions, ${result.bot.retries} retries, ${result.bot.refusals} refusals; raw ${seconds(result.rawMs)}`,
      );
      context.log(`growth N=${n}: cores busy ${result.cpu.machineCores} of 2 (by process ${JSON.stringify(result.cpu.cores)}); CPU ms per unit ${JSON.stringify(result.cpu.msPerUnit)}`);
      context.log(`growth N=${n}: history events: a unit's six workflows ${result.events.unit}, the cycle's ${result.events.cycle}, six raw ${result.events.raw}; raw CPU ms per unit ${result.rawCpu.stackMsPerUnit}`);
    }
    return { figures: growthFigures(results), details: { concurrency, results } };
  },
};

async function measureYear(context: BenchContext, units: readonly PlanningUnit[], tokens: ReadonlyMap<string, string>, concurrency: number, timeoutMs: number): Promise<SizeResult> {
  const { stack, admin } = context;
  const year = context.nextYear();
  const officials = await BenchCycleBot.officialsByRole(stack.dataSource, [...tokens.keys()]);
  const cpuBefore = cpuNow(await stack.processes());
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const deadline = Date.now() + timeoutMs;

  const body = { provinceCode: 'GL', year, participatingUnitCodes: units.map((unit) => unit.unitCode), calendar: openCalendar(Date.now()), escalationLadder: ladderInSeconds(60, 60) };
  const cycleId = (expectStatus(await admin.post('/api/cycles', body), 201, `growth cycle of ${units.length} units`).body as { id: string }).id;
  // The ministry's guidance and the provincial plan come in through the engine, as in the fault suite; the bot starts
  // once they are in, as CycleBot does, so it never sees the provincial plan's own tasks (they are not the units' work).
  await recordGuidanceFor(stack.client, stack.dataSource, 'GL', year);
  // The cycle starts its N unit workflows before the provincial plan's: at 1,000 units that outlasts issueProvincialPlan's own 15 s wait.
  const count = async (sql: string) => Number(((await stack.dataSource.query(sql, [cycleId])) as Array<{ count: string }>)[0].count);
  await until(deadline, async () => (await count(`SELECT count(*) FROM plans WHERE cycle_id = $1 AND kind = 'provincial'`)) === 1);
  await issueProvincialPlan(stack.client, stack.dataSource, cycleId);
  const bot = new BenchCycleBot(stack.dataSource, context.api, cycleId, tokens, officials, concurrency);
  bot.start();
  const times: YearTimes = { allPlansIssuedMs: null, allUnitReportsAcceptedMs: null, closedMs: null };
  let calendarChange: Promise<CalendarChange> | null = null;
  try {
    if (await until(deadline, async () => (await count(`SELECT count(*) FROM plans WHERE cycle_id = $1 AND kind = 'unit' AND stage = 'issued'`)) === units.length)) {
      times.allPlansIssuedMs = elapsed();
      const now = new Date().toISOString();
      const opened = { quarterlyReports: [1, 2, 3, 4].map(() => ({ opensAt: now })), annualReport: { opensAt: now } };
      // Not awaited: the API answers once the cycle has told every unit, while the units already open their reports (at
      // 1,000 units that took over the 300 s fetch allows). The change is durable once sent; its answer is reported.
      const changeStarted = elapsed();
      calendarChange = admin.put(`/api/cycles/${cycleId}/calendar`, { calendar: opened }).then(
        (answer) => ({ status: answer.status, seconds: (elapsed() - changeStarted) / 1000, error: answer.status === 200 ? null : JSON.stringify(answer.body) }),
        (error: unknown) => ({ status: 0, seconds: (elapsed() - changeStarted) / 1000, error: String(error) }),
      );
      const accepted = `SELECT count(*) FROM reports WHERE cycle_id = $1 AND kind IN ('quarterly', 'annual') AND stage = 'accepted'`;
      if (await until(deadline, async () => (await count(accepted)) === 5 * units.length)) {
        times.allUnitReportsAcceptedMs = elapsed();
        if (await until(deadline, async () => (await count(`SELECT count(*) FROM cycles WHERE id = $1 AND stage = 'closed'`)) === 1)) times.closedMs = elapsed();
      }
    }
  } finally {
    await bot.stop();
  }
  const cpu = cpuProfile(cpuSpent(cpuBefore, cpuNow(await stack.processes())), elapsed() / 1000, units.length);
  const reportsOpened = calendarChange ? await calendarChange : null;

  const reached = await endStates(stack.dataSource, cycleId);
  const unitsNotAsExpected = units
    .filter((unit) => {
      const state = reached[unit.unitCode];
      // The number is the issuer's next of the calendar year: earlier cycles of the run issued plans of the same units today.
      return !state || state.plan !== 'issued' || state.versionInForce !== 1 || !state.documentNumber || state.stage !== 'closed' || state.reports.filter((report) => report.endsWith(':accepted')).length !== 5;
    })
    .map((unit) => `${unit.unitCode}: ${JSON.stringify(reached[unit.unitCode] ?? null)}`);
  const province = await provincialEndState(stack.dataSource, cycleId);
  const provinceEnded =
    province.cycle === 'closed' && province.provincialReport === 'accepted' && province.sentToMinistry === true && JSON.stringify(province.missingUnits) === '[]' && province.openTasks === 0;

  const rawCpuBefore = cpuNow(await stack.processes());
  const rawMs = await rawYear(stack, units.length, concurrency, cycleId);
  const rawCpu = cpuProfile(cpuSpent(rawCpuBefore, cpuNow(await stack.processes())), rawMs / 1000, units.length);
  const unitWorkflow = unitPlanWorkflowId(cycleId, units[0].unitCode);
  const unitEvents = await historyEvents(stack.client, [unitWorkflow, ...['q1', 'q2', 'q3', 'q4', 'annual'].map((report) => `${unitWorkflow}/report/${report}`)]);
  const events = {
    unit: unitEvents.total,
    cycle: (await historyEvents(stack.client, [annualCycleWorkflowId(cycleId)])).total,
    raw: (await historyEvents(stack.client, Array.from({ length: WORKFLOWS_PER_UNIT }, (_, index) => rawWorkflowId(cycleId, index)))).total,
    unitByType: unitEvents.byType,
  };
  return {
    units: units.length,
    cycleId,
    times,
    ended: times.closedMs !== null && unitsNotAsExpected.length === 0 && provinceEnded,
    unitsNotAsExpected: unitsNotAsExpected.slice(0, 10),
    province,
    bot: { requests: bot.requests, decisions: bot.decisions, retries: bot.retries, refusals: bot.errorCount, errors: bot.errors },
    reportsOpened,
    cpu,
    rawMs,
    rawCpu,
    events,
  };
}

/**
 * A calendar that holds nothing back: the plans open with the cycle and every deadline lies hours
 * off; the reports open hours off too, until the admin brings them forward (see growthPart). The
 * same shape as the fault suite's compressedCalendar, without the pace.
 */
function openCalendar(startMs: number): CycleCalendar {
  const at = (hours: number) => new Date(startMs + hours * 3_600_000).toISOString();
  const today = at(0).slice(0, 10);
  const window = (due: number) => ({ periodStart: today, periodEnd: today, opensAt: at(5), unitDue: at(due), coordinatorDue: at(due + 0.1), provinceDue: at(due + 0.1) });
  return {
    provincialPlanDue: at(4),
    unitPlanDraftDue: at(4),
    appraisalDue: at(4),
    unitPlanIssueDue: at(4),
    quarterlyReports: ([1, 2, 3, 4] as const).map((quarter) => ({ quarter, ...window(5 + quarter / 10) })),
    annualReport: { periodStart: today, periodEnd: today, opensAt: at(5), unitDue: at(6), coordinatorDue: at(6.1), provinceDue: at(6.2), ministryDue: at(6.3) },
    closesAt: at(7),
  };
}

/** Polls `done` every 250 ms until it holds (true) or the deadline passes (false). */
async function until(deadline: number, done: () => Promise<boolean>): Promise<boolean> {
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await pause(250);
  }
}

/** The raw engine doing a year's workflow starts and updates for `units` units, `concurrency` workflows at a time (see growthPart); ms. */
async function rawYear(stack: BenchStack, units: number, concurrency: number, runId: string): Promise<number> {
  const started = performance.now();
  await inPool(
    Array.from({ length: units * WORKFLOWS_PER_UNIT }, (_, index) => index),
    concurrency,
    async (index) => {
      const handle = await stack.client.workflow.start(benchUpdateWorkflow, { workflowId: rawWorkflowId(runId, index), taskQueue: stack.engineTaskQueue });
      for (let decision = 0; decision < DECISIONS_PER_WORKFLOW; decision += 1) await handle.executeUpdate(pingUpdate, { args: [decision] });
      await handle.signal(releaseSignal);
      await handle.result();
    },
  );
  return performance.now() - started;
}

const rawWorkflowId = (runId: string, index: number) => `bench-growth/${runId}/${index}`;

/** How many events the workflows' histories hold, in all and by type (named after the event's attributes, e.g. `timerStarted`). */
async function historyEvents(client: Client, workflowIds: readonly string[]): Promise<{ total: number; byType: Record<string, number> }> {
  const byType: Record<string, number> = {};
  let total = 0;
  for (const workflowId of workflowIds) {
    for (const event of (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? []) {
      const type = Object.keys(event).find((key) => key.endsWith('EventAttributes') && event[key as keyof typeof event])?.replace(/EventAttributes$/, '') ?? 'unknown';
      byType[type] = (byType[type] ?? 0) + 1;
      total += 1;
    }
  }
  return { total, byType };
}

function growthFigures(results: readonly SizeResult[]): Figure[] {
  const perUnit = (result: SizeResult) => (result.times.closedMs ?? Number.NaN) / result.units;
  const rawPerUnit = (result: SizeResult) => result.rawMs / result.units;
  const figures: Figure[] = results.map((result) => ({
    figure: `growth N=${result.units}: ms per unit (year ${result.times.closedMs === null ? 'not ended' : `${(result.times.closedMs / 1000).toFixed(1)} s`})`,
    plancycle: perUnit(result),
    raw: rawPerUnit(result),
    comparison: `${ratio(perUnit(result), rawPerUnit(result))}×`,
    target: result.ended ? '' : 'year ends',
    met: result.ended ? null : false,
  }));
  if (results.length < 2) return figures;
  const smallest = results[0];
  const largest = results[results.length - 1];
  const allowed = ALLOWED_GROWTH * perUnit(smallest);
  figures.push({
    figure: `growth: ms per unit N=${largest.units} vs N=${smallest.units} (${ratio(perUnit(largest), perUnit(smallest))}×; raw ${ratio(rawPerUnit(largest), rawPerUnit(smallest))}×)`,
    plancycle: perUnit(largest),
    raw: rawPerUnit(largest),
    comparison: `${ALLOWED_GROWTH}×N=${smallest.units} = ${allowed.toFixed(1)} ms`,
    target: `≤ ${ALLOWED_GROWTH}× per unit vs N=${smallest.units}`,
    met: largest.ended && smallest.ended && perUnit(largest) <= allowed,
  });
  // CPU per unit does not depend on the pace or on what else runs on the machine: the work itself, growing or not.
  figures.push({
    figure: `growth: CPU ms per unit (stack, not the load) N=${largest.units} vs N=${smallest.units} (${ratio(largest.cpu.stackMsPerUnit, smallest.cpu.stackMsPerUnit)}×)`,
    plancycle: largest.cpu.stackMsPerUnit,
    raw: largest.rawCpu.stackMsPerUnit,
    comparison: `${ratio(largest.cpu.stackMsPerUnit, largest.rawCpu.stackMsPerUnit)}×`,
    target: '',
    met: null,
  });
  // Per unit added between the two largest sizes: the fixed steps of a year cancel out.
  const before = results[results.length - 2];
  const added = largest.units - before.units;
  const marginal = ((largest.times.closedMs ?? Number.NaN) - (before.times.closedMs ?? Number.NaN)) / added;
  const rawMarginal = (largest.rawMs - before.rawMs) / added;
  figures.push({
    figure: `growth: ms per unit added N=${before.units}→${largest.units} (vs ${perUnit(before).toFixed(1)} per unit at N=${before.units})`,
    plancycle: marginal,
    raw: rawMarginal,
    comparison: `${ratio(marginal, rawMarginal)}×`,
    target: '',
    met: null,
  });
  return figures;
}
