import { annualCycleWorkflowId, unitPlanWorkflowId } from '@plancycle/domain';
import type { PlanningUnit } from '../support/planning-units';
import { SEARCH_ATTRIBUTES } from '@plancycle/workflows';
import type { BenchStack } from './bench-stack';
import { benchIdleWorkflow } from './engine/workflows';
import { expectStatus, type ApiClient } from './http';
import { inPool } from './pool';
import { pause, waitUntilRunning, type RunningTimes } from './running';
import type { BenchPart } from './part';
import { positiveSetting } from './settings';
import { ratio, type Figure } from './report';
import { median } from './stats';
import { addPlanningUnits } from '../support/planning-units';

/** One side of one repetition, in ms from the moment the request (or the first start call) left. */
export interface FanOutTimes {
  /** PlanCycle: `POST /api/cycles` answered (the cycle recorded); raw: every start call answered. */
  answeredMs: number;
  /** The server has started the last of the N workflows. */
  allStartedMs: number;
  /** The last of the N workflows has completed its first workflow task (see running.ts). */
  allRunningMs: number;
}

export interface FanOutResult {
  n: number;
  repeats: Array<{ plancycle: FanOutTimes; raw: FanOutTimes }>;
  /** Medians over the repetitions of allRunningMs. */
  plancycleMs: number;
  rawMs: number;
}

export interface FanOutOptions {
  stack: BenchStack;
  admin: ApiClient;
  provinceCode: string;
  /** At least n units of the province with people (addPlanningUnits). */
  units: readonly PlanningUnit[];
  n: number;
  repeats: number;
  /** Each PlanCycle repetition is a cycle of its own, for the years from this one on. */
  firstYear: number;
  /** How many start calls the raw side keeps in flight. */
  rawConcurrency: number;
  log: (line: string) => void;
}

/**
 * Cycle fan-out: from `POST /api/cycles` for N participating units to all N unit workflows running,
 * against N trivial workflows started with the raw client on the same servers, carrying the same four
 * search attributes a unit workflow carries. The two sides alternate which goes first.
 */
export async function measureFanOut(options: FanOutOptions): Promise<FanOutResult> {
  const { n } = options;
  if (options.units.length < n) throw new Error(`Fan-out of ${n} needs ${n} units; ${options.units.length} were added.`);
  const units = options.units.slice(0, n);
  const repeats: FanOutResult['repeats'] = [];
  for (let repeat = 0; repeat < options.repeats; repeat += 1) {
    const year = options.firstYear + repeat;
    const sides = [() => plancycleFanOut(options, units, year), () => rawFanOut(options.stack, { n: options.n, year, label: 'BENCH', concurrency: options.rawConcurrency })];
    if (repeat % 2 === 1) sides.reverse();
    const results: FanOutTimes[] = [];
    for (const side of sides) {
      results.push(await side());
      // Let the trailing work of a fan-out (the parent taking its children's start events) end first.
      await pause(1_000);
    }
    const [plancycle, raw] = repeat % 2 === 1 ? [results[1], results[0]] : results;
    options.log(`fan-out N=${n} #${repeat + 1}: PlanCycle ${plancycle.allRunningMs.toFixed(0)} ms (answered ${plancycle.answeredMs.toFixed(0)} ms), raw ${raw.allRunningMs.toFixed(0)} ms`);
    repeats.push({ plancycle, raw });
  }
  return {
    n,
    repeats,
    plancycleMs: median(repeats.map((repeat) => repeat.plancycle.allRunningMs)),
    rawMs: median(repeats.map((repeat) => repeat.raw.allRunningMs)),
  };
}

async function plancycleFanOut(options: FanOutOptions, units: readonly PlanningUnit[], year: number): Promise<FanOutTimes> {
  const { client } = options.stack;
  const cycleId = `${options.provinceCode}-${year}`;
  const sentAt = Date.now();
  const started = await options.admin.post('/api/cycles', { provinceCode: options.provinceCode, year, participatingUnitCodes: units.map((unit) => unit.unitCode) });
  const answeredMs = Date.now() - sentAt;
  // 202: the worker had not recorded the cycle within the API's wait; the fan-out still counts.
  expectStatus(started, [201, 202], `POST /api/cycles ${cycleId}`);
  if (!(started.body as { workflowId?: string }).workflowId?.startsWith(annualCycleWorkflowId(cycleId))) throw new Error(`Unexpected cycle: ${JSON.stringify(started.body)}`);
  const query = `WorkflowType = 'unitPlanWorkflow' AND ${SEARCH_ATTRIBUTES.province.name} = '${options.provinceCode}' AND ${SEARCH_ATTRIBUTES.year.name} = ${year}`;
  const workflowIds = units.map((unit) => unitPlanWorkflowId(cycleId, unit.unitCode));
  return fanOutTimes(sentAt, answeredMs, await waitUntilRunning(client, query, workflowIds, timeoutFor(units.length)));
}

/**
 * N trivial workflows started with the raw client (`concurrency` start calls in flight), carrying the
 * four search attributes a unit workflow carries (province `label`), until all are running.
 */
export async function rawFanOut(stack: BenchStack, options: { n: number; year: number; label: string; concurrency: number }): Promise<FanOutTimes> {
  const { client, engineTaskQueue } = stack;
  const { n, year, label } = options;
  const workflowIds = Array.from({ length: n }, (_, index) => `bench-idle/${label}/${year}/${index + 1}`);
  const sentAt = Date.now();
  await inPool(workflowIds, options.concurrency, (workflowId, index) =>
    client.workflow.start(benchIdleWorkflow, {
      workflowId,
      taskQueue: engineTaskQueue,
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.province, value: label },
        { key: SEARCH_ATTRIBUTES.year, value: year },
        { key: SEARCH_ATTRIBUTES.unit, value: `${label}.${index + 1}` },
        { key: SEARCH_ATTRIBUTES.stage, value: 'drafting' },
      ],
    }),
  );
  const answeredMs = Date.now() - sentAt;
  const query = `WorkflowType = 'benchIdleWorkflow' AND ${SEARCH_ATTRIBUTES.province.name} = '${label}' AND ${SEARCH_ATTRIBUTES.year.name} = ${year}`;
  return fanOutTimes(sentAt, answeredMs, await waitUntilRunning(client, query, workflowIds, timeoutFor(n)));
}

/** The times of a fan-out from the moment it began, given each workflow's running times. */
export function fanOutTimes(sentAt: number, answeredMs: number, times: readonly RunningTimes[]): FanOutTimes {
  return {
    answeredMs,
    allStartedMs: Math.max(...times.map((time) => time.startedAt)) - sentAt,
    allRunningMs: Math.max(...times.map((time) => time.firstTaskCompletedAt)) - sentAt,
  };
}

export const timeoutFor = (n: number) => 60_000 + n * 50;

const FANOUT_TARGET_RATIO = 1.5;
const PROVINCE = 'GL';

/** One province's cycle (BENCH_FANOUT units of Gia Lai, default 130), BENCH_FANOUT_REPEAT times (default 3). */
export const fanOutPart: BenchPart = {
  name: 'fan-out',
  async run(context) {
    const n = positiveSetting('BENCH_FANOUT', 130);
    // POST /api/cycles takes at most 1,000 participating units (StartCycleDto); beyond, see nationwide.ts.
    if (n > 1_000) throw new Error(`BENCH_FANOUT=${n}: a cycle takes at most 1,000 units; the nationwide part starts one cycle per province.`);
    const repeats = positiveSetting('BENCH_FANOUT_REPEAT', 3);
    const units = await addPlanningUnits(context.stack.dataSource, PROVINCE, n);
    const years = Array.from({ length: repeats }, () => context.nextYear());
    const result = await measureFanOut({ stack: context.stack, admin: context.admin, provinceCode: PROVINCE, units, n, repeats, firstYear: years[0], rawConcurrency: positiveSetting('BENCH_RAW_START_CONCURRENCY', 200), log: context.log });
    return { figures: [fanOutFigure(result)], details: result };
  },
};

export function fanOutFigure(result: FanOutResult, name = `cycle fan-out, N=${result.n} (median of ${result.repeats.length})`): Figure {
  const measured = ratio(result.plancycleMs, result.rawMs);
  return { figure: name, plancycle: result.plancycleMs, raw: result.rawMs, comparison: `${measured}×`, target: `≤ ${FANOUT_TARGET_RATIO}×`, met: measured <= FANOUT_TARGET_RATIO };
}
