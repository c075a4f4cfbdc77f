import type { Client } from '@temporalio/client';
import { annualCycleWorkflowId, provincialPlanWorkflowId, unitPlanWorkflowId, type CycleCalendar } from '@plancycle/domain';
import { eventually } from '../../support/eventually';
import { recordGuidanceFor } from '../../support/guidance';
import { ladderInSeconds } from '../../support/ladders';
import { addPlanningUnits as addUnitsTo, type PlanningUnit } from '../../support/planning-units';
import { issueProvincialPlan } from '../../support/provincial-plan';
import { requestsAs, type TestStack } from '../../support/stack';
import { MailTap } from './invariants';

export type { PlanningUnit } from '../../support/planning-units';

/** Gia Lai's own people in every cycle (demo seed): the coordinator's officer and the province's approver. */
const GIA_LAI_OFFICIALS = ['dieuphoi.gl', 'lanhdao.tinh'];

/** Adds `count` units with their officer and leader to a province of the stack's database (see planning-units.ts). */
export function addPlanningUnits(stack: TestStack, provinceCode: string, count: number): Promise<PlanningUnit[]> {
  return addUnitsTo(stack.dataSource, provinceCode, count);
}

/** Bearer tokens by username, two sign-ins at a time (each one checks a slow password hash). */
async function signIn(stack: TestStack, usernames: readonly string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const queue = [...usernames];
  const signer = async () => {
    for (let username = queue.shift(); username !== undefined; username = queue.shift()) tokens.set(username, await stack.login(username));
  };
  await Promise.all([signer(), signer()]);
  return tokens;
}

/**
 * A year in a few dozen seconds: every `paceSeconds` the next stage opens (plans, then the four
 * quarters' reports, then the annual report), each task due two paces after it opens, so reminders
 * and escalations fire for whatever a fault holds up. The annual report's deadline and the close lie
 * an hour off: the provincial aggregation opens once every unit's annual report is accepted, so a
 * unit held up by a fault is late, never listed missing, and the year ends as a run without faults does.
 */
export function compressedCalendar(paceSeconds: number, startMs = Date.now()): CycleCalendar {
  const at = (paces: number) => new Date(startMs + paces * paceSeconds * 1000).toISOString();
  const later = (minutes: number) => new Date(startMs + minutes * 60_000).toISOString();
  const today = at(0).slice(0, 10);
  const window = (opens: number) => ({ periodStart: today, periodEnd: today, opensAt: at(opens), unitDue: at(opens + 2), coordinatorDue: at(opens + 3), provinceDue: at(opens + 3) });
  return {
    provincialPlanDue: at(1),
    unitPlanDraftDue: at(2),
    appraisalDue: at(2),
    unitPlanIssueDue: at(3),
    quarterlyReports: ([1, 2, 3, 4] as const).map((quarter) => ({ quarter, ...window(3 + quarter) })),
    annualReport: { periodStart: today, periodEnd: today, opensAt: at(8), unitDue: later(60), coordinatorDue: later(61), provinceDue: later(62), ministryDue: later(63) },
    closesAt: later(64),
  };
}

/**
 * Starts the province's cycle of `year` for the units, records the ministry's guidance and issues
 * the provincial plan, so every unit's plan opens with its drafting task. With `paceSeconds` the
 * calendar is compressed; without, it is the year's own: its deadlines lie decades ahead, so no
 * reminder fires while the test runs, and `closeCycleNow` ends it.
 */
export async function startCycle(stack: TestStack, adminToken: string, input: { provinceCode: string; year: number; units: readonly PlanningUnit[]; paceSeconds?: number }): Promise<string> {
  const cycleId = `${input.provinceCode}-${input.year}`;
  const pace = input.paceSeconds;
  const started = await requestsAs(stack, adminToken).post('/api/cycles', {
    provinceCode: input.provinceCode,
    year: input.year,
    participatingUnitCodes: input.units.map((unit) => unit.unitCode),
    ...(pace === undefined ? {} : { calendar: compressedCalendar(pace), escalationLadder: ladderInSeconds(Math.max(1, Math.round(pace / 2)), pace) }),
  });
  if (started.status !== 201) throw new Error(`The cycle did not start (${started.status}): ${JSON.stringify(started.body)}`);
  await recordGuidanceFor(stack.client, stack.dataSource, input.provinceCode, input.year);
  await issueProvincialPlan(stack.client, stack.dataSource, cycleId);
  return cycleId;
}

/** How many of the units' quarterly and annual reports their leaders have accepted, as an admin sees it. */
export async function unitReportsAccepted(stack: TestStack, adminToken: string, cycleId: string): Promise<number> {
  const reports = (await requestsAs(stack, adminToken).get(`/api/cycles/${cycleId}/reports`)).body as Array<{ kind: string; stage: string }>;
  return Array.isArray(reports) ? reports.filter((report) => report.kind !== 'provincial' && report.stage === 'accepted').length : 0;
}

/** Resolves once the cycle's workflow has closed it (the provincial report sent, every unit closed). */
export async function cycleClosed(stack: TestStack, adminToken: string, cycleId: string, timeoutMs: number): Promise<void> {
  await eventually(async () => expect((await requestsAs(stack, adminToken).get(`/api/cycles/${cycleId}`).expect(200)).body.stage).toBe('closed'), { timeoutMs, intervalMs: 1000 });
}

/**
 * Brings the plans' deadlines, the annual report and the close to the next seconds, as an admin may,
 * then waits until the cycle's workflow has closed every unit and recorded the cycle closed. The
 * annual reports open (the calendar cannot close a cycle before they do) and go overdue well before
 * the close: a report closed while its ladder is still being scheduled can leave an overdue rung's
 * mail unsent (see the report of issue 8), which is not what the tests that close early are about.
 */
export async function closeCycleNow(stack: TestStack, adminToken: string, cycleId: string): Promise<void> {
  const now = Date.now();
  const at = (seconds: number) => new Date(now + seconds * 1_000).toISOString();
  const annualReport = { opensAt: at(2), unitDue: at(4), coordinatorDue: at(6), provinceDue: at(8), ministryDue: at(8) };
  const changed = await requestsAs(stack, adminToken).put(`/api/cycles/${cycleId}/calendar`, {
    calendar: { provincialPlanDue: at(1), unitPlanDraftDue: at(1), appraisalDue: at(1), unitPlanIssueDue: at(1), annualReport, closesAt: at(16) },
  });
  if (changed.status !== 200) throw new Error(`The calendar change was refused (${changed.status}): ${JSON.stringify(changed.body)}`);
  await cycleClosed(stack, adminToken, cycleId, 180_000);
}

/** The workflows of a cycle of these units: the cycle, the province's plan and report, each unit's plan and five reports. */
export function cycleWorkflowIds(cycleId: string, units: readonly PlanningUnit[]): string[] {
  const reports = ['q1', 'q2', 'q3', 'q4', 'annual'];
  return [
    annualCycleWorkflowId(cycleId),
    provincialPlanWorkflowId(cycleId),
    `${annualCycleWorkflowId(cycleId)}/provincial-report`,
    ...units.flatMap((unit) => [unitPlanWorkflowId(cycleId, unit.unitCode), ...reports.map((report) => `${unitPlanWorkflowId(cycleId, unit.unitCode)}/report/${report}`)]),
  ];
}

/**
 * Tasks that Temporal had to hand out again, read from the workflows' histories: workflow tasks
 * that timed out or failed (their worker died holding them) and activities that completed only on
 * a later attempt. Shows that the faults landed on work in progress.
 */
export async function retriedTasks(client: Client, workflowIds: readonly string[]): Promise<number> {
  let retried = 0;
  for (const workflowId of workflowIds) {
    const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
    for (const event of events ?? []) {
      if (event.workflowTaskTimedOutEventAttributes || event.workflowTaskFailedEventAttributes) retried += 1;
      if ((event.activityTaskStartedEventAttributes?.attempt ?? 1) > 1) retried += 1;
    }
  }
  return retried;
}

/** What a fault test prepares before its year starts: the units, everyone signed in, the mail counted. */
export interface PreparedYear {
  units: PlanningUnit[];
  /** Bearer tokens of every official who acts in the cycle. */
  tokens: Map<string, string>;
  adminToken: string;
  tap: MailTap;
}

/** Adds `count` units to Gia Lai, signs in their people, the province's officials and its admin, and starts counting mail. */
export async function prepareYear(stack: TestStack, count: number): Promise<PreparedYear> {
  const tap = new MailTap(stack.mail);
  const units = await addPlanningUnits(stack, 'GL', count);
  const officials = [...units.flatMap((unit) => [unit.officer, unit.leader]), ...GIA_LAI_OFFICIALS];
  return { units, tokens: await signIn(stack, officials), adminToken: await stack.login('admin.gl'), tap };
}
