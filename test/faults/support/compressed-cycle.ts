import type { Client } from '@temporalio/client';
import { annualCycleWorkflowId, DEFAULT_UNIT_SETTINGS, provincialPlanWorkflowId, unitPlanWorkflowId, validateOrgTree, type CycleCalendar, type OrgUnit } from '@plancycle/domain';
import { hashPassword, OrgUnitRepository, UserRepository } from '@plancycle/persistence';
import { eventually } from '../../support/eventually';
import { recordGuidanceFor } from '../../support/guidance';
import { ladderInSeconds } from '../../support/ladders';
import { issueProvincialPlan } from '../../support/provincial-plan';
import { requestsAs, type TestStack } from '../../support/stack';
import { MailTap } from './invariants';

/** A unit added for a test, and the two people who act for it. */
export interface PlanningUnit {
  unitCode: string;
  /** Its plan's and reports' symbol, e.g. `KH-TN07`. */
  documentSymbol: string;
  /** Drafts, submits and writes reports (role officer). */
  officer: string;
  /** Approves its plan and accepts its reports (roles leader_in_charge and approver). */
  leader: string;
}

/** Gia Lai's own people in every cycle (demo seed): the coordinator's officer and the province's approver. */
const GIA_LAI_OFFICIALS = ['dieuphoi.gl', 'lanhdao.tinh'];

/**
 * Adds `count` departments to a province, each under the province like the seed's Sở: it drafts its
 * own plan, its leader approves and issues it (no appraisal), and an overdue task climbs to the
 * coordinator. Each gets an officer `cb.tnNN` and a leader `ld.tnNN` (password `plancycle`): the
 * demo seed has people for a few units only, and a fault test wants many units acting at once.
 */
export async function addPlanningUnits(stack: TestStack, provinceCode: string, count: number): Promise<PlanningUnit[]> {
  const orgUnits = new OrgUnitRepository(stack.dataSource);
  const existing = await orgUnits.listProvinceUnits(provinceCode);
  const coordinator = existing.find((unit) => unit.kind === 'coordinator');
  if (!coordinator) throw new Error(`Province ${provinceCode} has no coordinator.`);
  const added = Array.from({ length: count }, (_, index): OrgUnit => {
    const number = String(index + 1).padStart(2, '0');
    return {
      code: `${provinceCode}.TN${number}`,
      provinceCode,
      parentCode: provinceCode,
      kind: 'department',
      name: `Đơn vị thử nghiệm ${number}`,
      settings: { ...DEFAULT_UNIT_SETTINGS, escalationUnitCode: coordinator.code, documentSymbol: `KH-TN${number}` },
    };
  });
  const problems = validateOrgTree([...existing, ...added]);
  if (problems.length > 0) throw new Error(`The test units do not fit ${provinceCode}'s tree: ${problems.map((problem) => problem.message).join(' ')}`);
  await orgUnits.insertMissing(added);

  const users = new UserRepository(stack.dataSource);
  const passwordHash = await hashPassword('plancycle');
  const units: PlanningUnit[] = [];
  for (const unit of added) {
    const login = unit.code.slice(provinceCode.length + 1).toLowerCase();
    const person = (prefix: string, title: string) => ({ username: `${prefix}.${login}`, fullName: `${title} ${unit.name}`, email: `${prefix}.${login}@plancycle.local`, passwordHash });
    await users.upsertUser({ ...person('cb', 'Cán bộ'), roles: [{ role: 'officer', unitCode: unit.code }] });
    await users.upsertUser({ ...person('ld', 'Lãnh đạo'), roles: (['leader_in_charge', 'approver'] as const).map((role) => ({ role, unitCode: unit.code })) });
    units.push({ unitCode: unit.code, documentSymbol: unit.settings.documentSymbol as string, officer: `cb.${login}`, leader: `ld.${login}` });
  }
  return units;
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
