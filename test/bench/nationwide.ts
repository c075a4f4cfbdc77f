import { randomUUID } from 'node:crypto';
import { annualCycleWorkflowId, provincialPlanWorkflowId, unitPlanWorkflowId } from '@plancycle/domain';
import { UserRepository } from '@plancycle/persistence';
import { planDecisionUpdate, planViewQuery, SEARCH_ATTRIBUTES, type Actor } from '@plancycle/workflows';
import { DEFAULT_MAX_CACHED_WORKFLOWS, workerTuning } from '@plancycle/config';
import { eventually } from '../support/eventually';
import { recordGuidanceFor } from '../support/guidance';
import { residentMemory } from './bench-stack';
import { addCountry, type CountryProvince } from './country';
import { fanOutFigure, fanOutTimes, rawFanOut, timeoutFor, type FanOutTimes } from './fan-out';
import { expectStatus } from './http';
import { MemorySampler, toMiB } from './memory';
import type { BenchContext, BenchPart } from './part';
import { ratio, type Figure } from './report';
import { pause, waitUntilRunning } from './running';
import { positiveSetting } from './settings';

const MEMORY_TARGET_MIB = 1.5 * 1024;

/**
 * The whole country at once (BENCH_UNITS planning units over 34 provinces, default 4,400):
 *
 * 1. Fan-out: every province's admin starts its cycle at the same moment (`POST /api/cycles`, one
 *    cycle per province: a cycle takes at most 1,000 units), until all unit workflows run; against as
 *    many trivial workflows started with the raw client (200 start calls in flight).
 * 2. Worker memory: the worker's resident memory with all of them open, waiting (for their province's
 *    plan), at the cache bound it runs with (WORKER_MAX_CACHED_WORKFLOWS, default 1,000), against the
 *    raw engine's worker holding as many idle workflows under the same bound; the peak is over both
 *    fan-outs. With BENCH_NATIONWIDE_OPEN_PLANS=1 every provincial plan is then issued, one province
 *    after another, so every unit's plan opens and waits on its drafting task's timers as in January,
 *    and the memory is read after that too (about 8 plans a second on two cores: ten minutes).
 */
export const nationwidePart: BenchPart = {
  name: 'nationwide',
  async run(context) {
    const { stack, log } = context;
    const totalUnits = positiveSetting('BENCH_UNITS', 4_400);
    const startedAt = Date.now();
    const country = await addCountry(stack.dataSource, { totalUnits });
    const n = country.reduce((sum, province) => sum + province.unitCodes.length, 0);
    log(`country: ${country.length} provinces, ${n} planning units (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
    const admins = await context.api.signIn(country.map((province) => province.admin));

    const memory = { worker: new MemorySampler(stack.workerPid), engine: new MemorySampler(stack.engineWorkerPid) };
    const year = context.nextYear();
    const raw = await rawFanOut(stack, { n, year, label: 'NATIONWIDE', concurrency: positiveSetting('BENCH_RAW_START_CONCURRENCY', 200) });
    log(`nationwide fan-out, raw: ${raw.allRunningMs.toFixed(0)} ms for ${n} workflows`);
    await pause(2_000);
    const plancycle = await plancycleFanOut(context, country, admins, year);
    log(`nationwide fan-out, PlanCycle: ${plancycle.allRunningMs.toFixed(0)} ms for ${n} unit workflows in ${country.length} cycles (last answer ${plancycle.answeredMs.toFixed(0)} ms)`);

    // Settled: what stays is what waiting costs.
    await pause(5_000);
    if (process.env.BENCH_NATIONWIDE_OPEN_PLANS === '1') {
      const opened = Date.now();
      await openEveryPlan(context, country, year);
      log(`all ${n} plans open and waiting on their tasks' timers (${((Date.now() - opened) / 1000).toFixed(1)} s)`);
      await pause(5_000);
    }
    const peaks = { worker: memory.worker.stop(), engine: memory.engine.stop() };
    const steady = { workerMiB: toMiB(residentMemory(stack.workerPid)), engineMiB: toMiB(residentMemory(stack.engineWorkerPid)) };
    const cache = workerTuning().maxCachedWorkflows;
    log(`worker memory: PlanCycle ${steady.workerMiB} MiB (peak ${peaks.worker.peakMiB}, ${peaks.worker.firstMiB} before), raw engine ${steady.engineMiB} MiB (peak ${peaks.engine.peakMiB}, ${peaks.engine.firstMiB} before); cache bound ${cache}`);

    const result = { n, plancycleMs: plancycle.allRunningMs, rawMs: raw.allRunningMs, repeats: [{ plancycle, raw }] };
    const figures: Figure[] = [
      fanOutFigure(result, `cycle fan-out nationwide, N=${n} (${country.length} cycles)`),
      {
        figure: `worker memory (RSS), ${n} open workflows, cache ${cache}`,
        unit: 'MiB',
        plancycle: steady.workerMiB,
        raw: steady.engineMiB,
        comparison: `${ratio(steady.workerMiB, steady.engineMiB)}× (peak ${peaks.worker.peakMiB} vs ${peaks.engine.peakMiB}; before ${peaks.worker.firstMiB} vs ${peaks.engine.firstMiB})`,
        target: `≤ ${MEMORY_TARGET_MIB} MiB`,
        met: peaks.worker.peakMiB <= MEMORY_TARGET_MIB,
      },
    ];
    return { figures, details: { provinces: country.length, units: n, fanOut: { plancycle, raw }, memory: { steady, peaks, maxCachedWorkflows: cache, defaultMaxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS } } };
  },
};

/** Each province's admin starts its cycle, all at once; times from the first request. */
async function plancycleFanOut(context: BenchContext, country: readonly CountryProvince[], admins: Map<string, string>, year: number): Promise<FanOutTimes> {
  const { stack } = context;
  const sentAt = Date.now();
  let answeredMs = 0;
  await Promise.all(
    country.map(async (province) => {
      const cycleId = `${province.provinceCode}-${year}`;
      const answer = await context.api.as(admins.get(province.admin) as string).post('/api/cycles', { provinceCode: province.provinceCode, year, participatingUnitCodes: province.unitCodes });
      answeredMs = Math.max(answeredMs, Date.now() - sentAt);
      // 202: the worker had not recorded the cycle within the API's wait; the fan-out still counts.
      expectStatus(answer, [201, 202], `POST /api/cycles ${cycleId}`);
      if (!(answer.body as { workflowId?: string }).workflowId?.startsWith(annualCycleWorkflowId(cycleId))) throw new Error(`Unexpected cycle: ${JSON.stringify(answer.body)}`);
    }),
  );
  const workflowIds = country.flatMap((province) => province.unitCodes.map((unitCode) => unitPlanWorkflowId(`${province.provinceCode}-${year}`, unitCode)));
  const query = `WorkflowType = 'unitPlanWorkflow' AND ${SEARCH_ATTRIBUTES.year.name} = ${year}`;
  const times = await waitUntilRunning(stack.client, query, workflowIds, timeoutFor(workflowIds.length));
  return fanOutTimes(sentAt, answeredMs, times);
}

/**
 * The ministry's guidance for every province, then each provincial plan submitted and issued by the
 * province's coordinator and leader, straight to its workflow (the API's own path is measured
 * elsewhere). One province after another, each once the last one's plans are all drafting: provinces
 * issue their plans on different days, and a worker whose cache holds fewer workflows than are busy
 * at once replays them over and over (the README's cache bound).
 */
async function openEveryPlan(context: BenchContext, country: readonly CountryProvince[], year: number): Promise<void> {
  const { stack } = context;
  const users = new UserRepository(stack.dataSource);
  for (const province of country) {
    const cycleId = `${province.provinceCode}-${year}`;
    await recordGuidanceFor(stack.client, stack.dataSource, province.provinceCode, year);
    const handle = stack.client.workflow.getHandle(provincialPlanWorkflowId(cycleId));
    await eventually(async () => {
      if (!(await handle.query(planViewQuery)).planId) throw new Error(`the provincial plan of ${cycleId} is not open yet`);
    }, { timeoutMs: 120_000, intervalMs: 200 });
    const coordinator = await users.findByUsername(province.coordinator);
    if (!coordinator) throw new Error(`${province.coordinator} is missing`);
    // The province's leader signs; the generated country has no account for the leader, so the
    // coordinator's account carries the approver role on the province for this decision.
    const leader: Actor = { userId: coordinator.id, roles: [{ role: 'approver', unitCode: province.provinceCode }] };
    const officer: Actor = { userId: coordinator.id, roles: coordinator.roles };
    await handle.executeUpdate(planDecisionUpdate, { args: [{ requestId: randomUUID(), decision: { action: 'submit', version: 1 }, actor: officer }] });
    await handle.executeUpdate(planDecisionUpdate, { args: [{ requestId: randomUUID(), decision: { action: 'approve', version: 1 }, actor: leader }] });
    await eventually(
      async () => {
        const [{ drafting }] = (await stack.dataSource.query(`SELECT count(*)::int AS drafting FROM cycle_units WHERE cycle_id = $1 AND stage = 'drafting'`, [cycleId])) as Array<{ drafting: number }>;
        if (drafting < province.unitCodes.length) throw new Error(`${drafting} of ${province.unitCodes.length} plans of ${cycleId} drafting`);
      },
      { timeoutMs: 300_000, intervalMs: 200 },
    );
  }
}
