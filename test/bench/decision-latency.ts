import { performance } from 'node:perf_hooks';
import { unitPlanWorkflowId } from '@plancycle/domain';
import type { PlanningUnit } from '../support/planning-units';
import { recordGuidanceFor } from '../support/guidance';
import { issueProvincialPlan } from '../support/provincial-plan';
import type { BenchStack } from './bench-stack';
import { benchUpdateWorkflow, pingUpdate } from './engine/workflows';
import { expectStatus, type ApiClient } from './http';
import { profileDecisions, type DecisionProfile, type DecisionSample } from './decision-profile';
import { cpuNow, cpuSpent, type CpuByRole } from './cpu';
import { pause } from './running';
import type { BenchPart } from './part';
import { ratio, type Figure } from './report';
import { positiveSetting } from './settings';
import { summarize, type Summary } from './stats';
import { addPlanningUnits } from '../support/planning-units';

export interface DecisionLatencyResult {
  approvers: number;
  rounds: number;
  plancycle: Summary;
  raw: Summary;
  /** Where the time goes, from the histories (see decision-profile.ts). */
  profile: { plancycle: DecisionProfile; raw: DecisionProfile };
  /** CPU ms per decision by process (cpu.ts), over the measured approvals and over the raw updates. */
  cpuPerDecision: { plancycle: CpuByRole; raw: CpuByRole };
}

export interface DecisionLatencyOptions {
  stack: BenchStack;
  admin: ApiClient;
  provinceCode: string;
  /** One unit per approver (addPlanningUnits: a department its own leader approves, no appraisal). */
  units: readonly PlanningUnit[];
  /** A year no other cycle of the run uses. */
  year: number;
  /** At least this many measured approvals (and raw updates). */
  samples: number;
  log: (line: string) => void;
}

/**
 * Decision latency: an approval from the HTTP request to the answer, which the API gives once the
 * plan's workflow has recorded the decision (its `planDecision` update returns after the
 * `recordPlanDecision` and `recordUnitStage` activities), under as many concurrent approvers as
 * units. Each round the officers submit (not measured), all approvers approve at once (measured),
 * and the officers reopen the plan with an amendment (not measured) for the next round. The raw side
 * is an update that returns at once, from as many concurrent callers, in the same rounds. Round 0
 * warms both sides up and is not counted.
 */
export async function measureDecisionLatency(options: DecisionLatencyOptions): Promise<DecisionLatencyResult> {
  const { stack, units } = options;
  const approvers = units.length;
  const rounds = Math.ceil(options.samples / approvers);
  const cycleId = await openPlans(options);
  const people = await options.admin.signIn(units.flatMap((unit) => [unit.officer, unit.leader]));
  const as = (username: string) => options.admin.as(people.get(username) as string);
  const planPath = (unit: PlanningUnit) => `/api/cycles/${cycleId}/units/${unit.unitCode}/plan`;

  // A plan with a row of seed shape, so an approval issues something real; later versions keep it.
  await Promise.all(
    units.map(async (unit) => {
      const items = [
        {
          id: 'item-1',
          content: 'Tổ chức hội nghị tuyên truyền về biên giới tại 03 điểm cho 750 đại biểu',
          leadUnitCode: unit.unitCode,
          coordinatingUnitCodes: [],
          timeFrame: { kind: 'quarter', year: options.year, quarter: 2 },
          budget: 200_000_000,
          focusTaskNumbers: [1],
          sourceItemId: null,
        },
      ];
      expectStatus(await as(unit.officer).put(`${planPath(unit)}/draft`, { version: 1, items }), 200, `draft of ${unit.unitCode}`);
    }),
  );

  const engineIds = units.map((_, index) => `bench-update/${index + 1}`);
  const engines = await Promise.all(engineIds.map((workflowId) => stack.client.workflow.start(benchUpdateWorkflow, { workflowId, taskQueue: stack.engineTaskQueue })));

  const plancycleSamples: DecisionSample[] = [];
  const rawSamples: DecisionSample[] = [];
  const cpu = { plancycle: {} as CpuByRole, raw: {} as CpuByRole };
  const addCpu = (total: CpuByRole, spent: CpuByRole) => {
    for (const [role, ms] of Object.entries(spent)) total[role] = (total[role] ?? 0) + ms;
  };
  for (let round = 0; round <= rounds; round += 1) {
    const version = round + 1;
    await Promise.all(units.map(async (unit) => expectStatus(await as(unit.officer).post(`${planPath(unit)}/decisions`, { action: 'submit', version }), 200, `submit of ${unit.unitCode}`)));
    await quietMail(stack);
    const approvalsCpu = cpuNow(await stack.processes());
    const approvals = await Promise.all(
      units.map(async (unit) => {
        const updateId = `bench-approve-${round}-${unit.unitCode}`;
        const sentAt = Date.now();
        const started = performance.now();
        const answer = await as(unit.leader).post(`${planPath(unit)}/decisions`, { action: 'approve', version, requestId: updateId });
        const elapsedMs = performance.now() - started;
        expectStatus(answer, 200, `approval of ${unit.unitCode}`);
        if ((answer.body as { stage?: string }).stage !== 'issued') throw new Error(`Approval of ${unit.unitCode} answered ${JSON.stringify(answer.body)}`);
        return { workflowId: unitPlanWorkflowId(cycleId, unit.unitCode), updateId, sentAt, elapsedMs };
      }),
    );
    // The approvals' own mail goes out before the raw side is measured, not under it, and counts as theirs.
    await quietMail(stack);
    const approvalsSpent = cpuSpent(approvalsCpu, cpuNow(await stack.processes()));
    const pingsCpu = cpuNow(await stack.processes());
    const pings = await Promise.all(
      engines.map(async (engine, index) => {
        const updateId = `bench-ping-${round}-${index}`;
        const sentAt = Date.now();
        const started = performance.now();
        const value = await engine.executeUpdate(pingUpdate, { args: [round * approvers + index], updateId });
        const elapsedMs = performance.now() - started;
        if (value !== round * approvers + index) throw new Error(`The raw update answered ${value}.`);
        return { workflowId: engine.workflowId, updateId, sentAt, elapsedMs };
      }),
    );
    const pingsSpent = cpuSpent(pingsCpu, cpuNow(await stack.processes()));
    if (round > 0) {
      plancycleSamples.push(...approvals);
      rawSamples.push(...pings);
      addCpu(cpu.plancycle, approvalsSpent);
      addCpu(cpu.raw, pingsSpent);
    }
    await Promise.all(units.map(async (unit) => expectStatus(await as(unit.officer).post(`${planPath(unit)}/decisions`, { action: 'amend' }), 200, `amendment of ${unit.unitCode}`)));
    await quietMail(stack);
  }
  const profile = {
    plancycle: await profileDecisions(stack.client, plancycleSamples, ['recordPlanDecision', 'recordUnitStage']),
    raw: await profileDecisions(stack.client, rawSamples, []),
  };
  const elapsed = (samples: readonly DecisionSample[]) => samples.map((sample) => sample.elapsedMs);
  const perDecision = (total: CpuByRole, count: number) => Object.fromEntries(Object.entries(total).map(([role, ms]) => [role, Math.round((ms / count) * 10) / 10]));
  const cpuPerDecision = { plancycle: perDecision(cpu.plancycle, plancycleSamples.length), raw: perDecision(cpu.raw, rawSamples.length) };
  const result = { approvers, rounds, plancycle: summarize(elapsed(plancycleSamples)), raw: summarize(elapsed(rawSamples)), profile, cpuPerDecision };
  options.log(`CPU ms per decision: PlanCycle ${JSON.stringify(cpuPerDecision.plancycle)}; raw ${JSON.stringify(cpuPerDecision.raw)}`);
  options.log(`decision profile (medians, ms): PlanCycle ${JSON.stringify(profile.plancycle)}; raw ${JSON.stringify(profile.raw)}`);
  options.log(`decisions: ${result.plancycle.count} approvals p50 ${result.plancycle.p50} / p95 ${result.plancycle.p95} ms; raw updates p50 ${result.raw.p50} / p95 ${result.raw.p95} ms`);
  return result;
}

/** A cycle of the approvers' units with the ministry's guidance and the provincial plan issued: every unit's plan is drafting. */
async function openPlans(options: DecisionLatencyOptions): Promise<string> {
  const { stack, provinceCode, year, units } = options;
  const started = expectStatus(await options.admin.post('/api/cycles', { provinceCode, year, participatingUnitCodes: units.map((unit) => unit.unitCode) }), 201, 'decision cycle');
  const cycleId = (started.body as { id: string }).id;
  await recordGuidanceFor(stack.client, stack.dataSource, provinceCode, year);
  await issueProvincialPlan(stack.client, stack.dataSource, cycleId);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const cycle = (await options.admin.get(`/api/cycles/${cycleId}`)).body as { units: Array<{ stage: string }> };
    if (cycle.units.every((unit) => unit.stage === 'drafting')) break;
    if (Date.now() > deadline) throw new Error(`The plans of ${cycleId} did not open within 60 s.`);
    await pause(200);
  }
  await quietMail(stack);
  return cycleId;
}

/**
 * Waits until no message has reached the SMTP server for 300 ms (at most 10 s): the mail the last
 * step sent goes out before the next measured step, which then measures the decision, not a backlog.
 */
async function quietMail(stack: BenchStack): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = stack.mail.messages().length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < 300 && Date.now() < deadline) {
    await pause(50);
    const now = stack.mail.messages().length;
    if (now !== seen) {
      seen = now;
      quietSince = Date.now();
    }
  }
}

/** BENCH_DECISIONS approvals (default 200) by BENCH_APPROVERS leaders at once (default 20), of Gia Lai's test units. */
export const decisionPart: BenchPart = {
  name: 'decisions',
  async run(context) {
    const approvers = positiveSetting('BENCH_APPROVERS', 20);
    const units = await addPlanningUnits(context.stack.dataSource, 'GL', approvers);
    const result = await measureDecisionLatency({ stack: context.stack, admin: context.admin, provinceCode: 'GL', units, year: context.nextYear(), samples: positiveSetting('BENCH_DECISIONS', 200), log: context.log });
    return { figures: decisionFigures(result), details: result };
  },
};

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
