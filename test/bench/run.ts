/**
 * `npm run bench`: PlanCycle measured against the raw engine underneath, in one run on the same
 * servers (issue 9). Starts what it needs, measures, prints a table, writes it as JSON under
 * bench-output/, and stops everything. A benchmark, not a test: a missed target is reported, not failed.
 *
 * Settings (environment):
 *   BENCH_FANOUT=130,4400   the fan-out sizes (default 130)
 *   BENCH_FANOUT_REPEAT=3   repetitions per size; the table shows medians
 *   BENCH_DECISIONS=200     measured approvals (and raw updates), at least
 *   BENCH_APPROVERS=20      concurrent approvers (and raw callers)
 */
import 'reflect-metadata';
import { addPlanningUnits } from '../support/planning-units';
import { REPO_ROOT, startBenchStack, type BenchStack } from './bench-stack';
import { measureDecisionLatency, type DecisionLatencyResult } from './decision-latency';
import { measureFanOut, type FanOutResult } from './fan-out';
import { benchIdleWorkflow, benchUpdateWorkflow, pingUpdate, releaseSignal } from './engine/workflows';
import { ApiClient, expectStatus } from './http';
import { formatTable, ratio, writeReport, type Figure } from './report';
import { pause } from './running';

const PROVINCE = 'GL';
const FANOUT_TARGET_RATIO = 1.5;

const settings = {
  fanOutSizes: (process.env.BENCH_FANOUT ?? '130').split(',').map((size) => positive('BENCH_FANOUT', size)),
  fanOutRepeats: positive('BENCH_FANOUT_REPEAT', process.env.BENCH_FANOUT_REPEAT ?? '3'),
  decisions: positive('BENCH_DECISIONS', process.env.BENCH_DECISIONS ?? '200'),
  approvers: positive('BENCH_APPROVERS', process.env.BENCH_APPROVERS ?? '20'),
  rawStartConcurrency: positive('BENCH_RAW_START_CONCURRENCY', process.env.BENCH_RAW_START_CONCURRENCY ?? '200'),
};

// POST /api/cycles takes at most 1,000 participating units (StartCycleDto); a nationwide fan-out is
// one cycle per province, which the nationwide slice of the benchmark adds.
const MAX_UNITS_PER_CYCLE = 1_000;
const tooLarge = settings.fanOutSizes.filter((size) => size > MAX_UNITS_PER_CYCLE);
if (tooLarge.length > 0) throw new Error(`BENCH_FANOUT ${tooLarge.join(', ')}: a cycle takes at most ${MAX_UNITS_PER_CYCLE} units; the nationwide fan-out (one cycle per province) is not built yet.`);

const startedAt = new Date();
const log = (line: string) => console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s] ${line}`);

async function main(): Promise<void> {
  log(`settings ${JSON.stringify(settings)}`);
  const stack = await startBenchStack(log);
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= stack.stop());
  const interrupted = () => void stop().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await run(stack);
  } finally {
    log('stopping');
    await stop();
  }
}

async function run(stack: BenchStack): Promise<void> {
  const api = new ApiClient(stack.baseUrl);
  const admin = api.as((await api.signIn(['admin.gl'])).get('admin.gl') as string);
  const unitCount = Math.max(...settings.fanOutSizes, settings.approvers);
  const units = await addPlanningUnits(stack.dataSource, PROVINCE, unitCount);
  log(`added ${units.length} units with their officers and leaders to ${PROVINCE} (PostgreSQL: ${stack.postgresSource})`);

  // Cycles decades ahead: their deadlines lie far off, so no reminder or escalation fires meanwhile.
  const baseYear = new Date().getUTCFullYear() + 20;
  await warmUp(stack, baseYear - 1);
  const fanOuts: FanOutResult[] = [];
  for (const [index, n] of settings.fanOutSizes.entries()) {
    fanOuts.push(
      await measureFanOut({ stack, admin, provinceCode: PROVINCE, units, n, repeats: settings.fanOutRepeats, firstYear: baseYear + index * settings.fanOutRepeats, rawConcurrency: settings.rawStartConcurrency, log }),
    );
  }
  const decisions = await measureDecisionLatency({
    stack,
    admin,
    provinceCode: PROVINCE,
    units: units.slice(0, settings.approvers),
    year: baseYear + settings.fanOutSizes.length * settings.fanOutRepeats,
    samples: settings.decisions,
    log,
  });

  const figures = [...fanOuts.map(fanOutFigure), ...decisionFigures(decisions)];
  console.log(`\n${formatTable(figures)}\n`);
  const file = writeReport(REPO_ROOT, startedAt, figures, { settings, postgres: stack.postgresSource, fanOut: fanOuts, decisionLatency: decisions });
  log(`written ${file}`);
}

/**
 * Both sides once before anything is measured: the API's first requests, the worker's first
 * activation of the cycle and unit workflows (their sandbox contexts), the database's first cycle,
 * the engine worker's first tasks and updates. Two-tier Đà Nẵng's own cycle, so Gia Lai stays untouched.
 */
async function warmUp(stack: BenchStack, year: number): Promise<void> {
  const api = new ApiClient(stack.baseUrl);
  const danang = api.as((await api.signIn(['admin.dn'])).get('admin.dn') as string);
  expectStatus(await danang.post('/api/cycles', { provinceCode: 'DN', year }), 201, 'warm-up cycle');
  const idle = await Promise.all(
    Array.from({ length: 10 }, (_, index) => stack.client.workflow.start(benchIdleWorkflow, { workflowId: `bench-warm-up/idle/${index}`, taskQueue: stack.engineTaskQueue })),
  );
  await Promise.all(idle.map(async (handle) => (await handle.signal(releaseSignal), await handle.result())));
  const pinged = await stack.client.workflow.start(benchUpdateWorkflow, { workflowId: 'bench-warm-up/update', taskQueue: stack.engineTaskQueue });
  for (let ping = 0; ping < 5; ping += 1) await pinged.executeUpdate(pingUpdate, { args: [ping] });
  await pinged.signal(releaseSignal);
  await pause(1_000);
  log('warmed up');
}

function fanOutFigure(result: FanOutResult): Figure {
  const measured = ratio(result.plancycleMs, result.rawMs);
  return {
    figure: `cycle fan-out, N=${result.n} (median of ${result.repeats.length})`,
    plancycle: result.plancycleMs,
    raw: result.rawMs,
    comparison: `${measured}×`,
    target: `≤ ${FANOUT_TARGET_RATIO}×`,
    met: measured <= FANOUT_TARGET_RATIO,
  };
}

function decisionFigures(result: DecisionLatencyResult): Figure[] {
  const name = (p: string) => `decision p${p}, ${result.approvers} approvers (${result.plancycle.count})`;
  const allowed = 2 * result.raw.p95 + 20;
  return [
    { figure: name('50'), plancycle: result.plancycle.p50, raw: result.raw.p50, comparison: `${ratio(result.plancycle.p50, result.raw.p50)}×`, target: '', met: null },
    {
      figure: name('95'),
      plancycle: result.plancycle.p95,
      raw: result.raw.p95,
      comparison: `2×raw+20 = ${allowed.toFixed(1)} ms`,
      target: '≤ 2×raw + 20 ms',
      met: result.plancycle.p95 <= allowed,
    },
    { figure: name('99'), plancycle: result.plancycle.p99, raw: result.raw.p99, comparison: `${ratio(result.plancycle.p99, result.raw.p99)}×`, target: '', met: null },
  ];
}

function positive(name: string, value: string): number {
  const number = Number(value.trim());
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name}: "${value}" is not a positive whole number.`);
  return number;
}

// Exits once everything is stopped: a native runtime or a keep-alive socket must not hold the process.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
