/**
 * The contract between the API, the worker, the workflows and the activities: inputs, messages
 * and the activity interface. Everything here is safe to import from any of them.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type {
  CycleCalendar,
  CycleStage,
  CycleStartedWrite,
  CycleWrite,
  EscalationLadder,
  Instant,
  LadderStep,
  LocalDate,
  OrgUnitKind,
  PlanChain,
  PlanDecision,
  PlanProgress,
  PlanStage,
  ReportChain,
  ReportDecision,
  ReportKind,
  ReportStage,
  Role,
  RoleAssignment,
  UnitStage,
  UnitStageWrite,
} from '@plancycle/domain';

/** Custom search attributes, registered when the dev server starts (see infra/). */
export const SEARCH_ATTRIBUTES = {
  province: defineSearchAttributeKey('PlanCycleProvince', SearchAttributeType.KEYWORD),
  year: defineSearchAttributeKey('PlanCycleYear', SearchAttributeType.INT),
  unit: defineSearchAttributeKey('PlanCycleUnit', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('PlanCycleStage', SearchAttributeType.KEYWORD),
} as const;

export interface Participant {
  unitCode: string;
  unitName: string;
  kind: OrgUnitKind;
}

export interface AnnualCycleInput {
  cycleId: string;
  provinceCode: string;
  year: number;
  calendar: CycleCalendar;
  /** Reminders and escalations of every task of the cycle; absent: the default ladder. */
  escalationLadder?: EscalationLadder | null;
  participants: Participant[];
  startedBy: string | null;
}

export interface CycleProgress {
  cycleId: string;
  stage: CycleStage;
  recorded: boolean;
  participantCount: number;
  /** Waiting for the province to record the ministry's guidance before the provincial plan starts. */
  awaitingGuidance?: boolean;
}

export interface UnitPlanInput {
  cycleId: string;
  provinceCode: string;
  year: number;
  unit: Participant;
  calendar: CycleCalendar;
}

export interface ProvincialPlanInput {
  cycleId: string;
  provinceCode: string;
  year: number;
  calendar: CycleCalendar;
}

/**
 * The provincial plan was issued: from its workflow to the cycle, and from the cycle to every unit,
 * whose own plans are drafted from it (seed 003, III.14).
 */
export const provincialPlanIssuedSignal = defineSignal('provincialPlanIssued');
/** The province recorded the ministry's guidance for the cycle's year: the provincial plan can start. */
export const guidanceRecordedSignal = defineSignal('guidanceRecorded');
export const closePlanSignal = defineSignal('closePlan');

export interface UnitProgress {
  cycleId: string;
  unitCode: string;
  stage: UnitStage;
}

/** Resolves once the cycle and its units are in the database, so the caller can read them back. */
export const cycleRecordedUpdate = defineUpdate<CycleProgress>('cycleRecorded');
export const cycleProgressQuery = defineQuery<CycleProgress>('cycleProgress');
/** Ends the cycle before its calendar's closesAt (an admin's decision). */
export const closeCycleSignal = defineSignal('closeCycle');
/**
 * An admin moved deadlines while the cycle runs: the cycle records the new calendar, passes it to
 * every plan's workflow, and resolves once it is in the database. Its validator refuses any change
 * once the cycle is closing; the API has checked the dates.
 */
export const changeCycleCalendarUpdate = defineUpdate<CycleProgress, [CycleCalendar]>('changeCycleCalendar');
/** From the cycle to each plan's workflow: open tasks move their due dates and their ladders. */
export const cycleCalendarChangedSignal = defineSignal<[CycleCalendar]>('cycleCalendarChanged');

export const unitProgressQuery = defineQuery<UnitProgress>('unitProgress');
export const closeUnitSignal = defineSignal('closeUnit');

/**
 * Side effects the workflows ask for: writes into the read model whose shapes the domain declares.
 * Each carries the workflow's own sequence number so a retried or late activity never moves a
 * record backwards.
 */
/** Who asks for a decision, as the API authenticated them; the workflow checks their roles again. */
export interface Actor {
  userId: string;
  roles: RoleAssignment[];
}

export interface PlanDecisionRequest {
  /** The API's id for the request; a retried request is recorded once. */
  requestId: string;
  decision: PlanDecision;
  actor: Actor;
}

export interface PlanDecisionResult {
  planId: string;
  stage: PlanStage;
  version: number;
  documentNumber: string | null;
}

/**
 * Every human decision on a plan: submit, appraise, approve, return, amend. Its validator refuses
 * what the plan's state or the actor's roles do not allow (ApplicationFailure whose `type` is the
 * stable code and whose first detail is the refusal kind) before anything reaches history.
 */
export const planDecisionUpdate = defineUpdate<PlanDecisionResult, [PlanDecisionRequest]>('planDecision');

export interface PlanView {
  planId: string | null;
  progress: PlanProgress;
  chain: PlanChain | null;
}
export const planViewQuery = defineQuery<PlanView>('planView');

/** A task the inbox shows until the decision it waits for is taken. */
export interface TaskSpec {
  key: string;
  kind: 'draft' | 'appraise' | 'approve' | 'amend' | 'report' | 'review_report' | 'aggregate' | 'approve_report';
  assigneeUnitCode: string;
  assigneeRole: Role;
  dueAt: Instant;
}

export type PlanKind = 'unit' | 'provincial';

export interface OpenPlanInput {
  cycleId: string;
  /** The plan's owner: the unit, or the province for the provincial plan. */
  unitCode: string;
  kind: PlanKind;
  workflowId: string;
  /** The drafting task; its due date comes from the cycle calendar. */
  draftTask: Omit<TaskSpec, 'assigneeUnitCode'>;
}

export interface PlanSetup {
  planId: string;
  /** Mail recorded with the first task, to deliver (absent in histories recorded before issue 4). */
  notificationIds?: string[];
  chain: PlanChain;
  /** Whose running number the plan takes at issuance, and its symbol (`KH-UBND`). */
  issuerCode: string;
  documentSymbol: string;
}

/** One decision, written in one transaction: opinion, version state, number, tasks, audit. */
export interface PlanDecisionWrite {
  requestId: string;
  planId: string;
  cycleId: string;
  workflowId: string;
  sequence: number;
  decision: PlanDecision;
  actorUserId: string;
  from: { stage: PlanStage; version: number };
  to: { stage: PlanStage; version: number };
  closeTaskKey: string | null;
  nextTask: TaskSpec | null;
  /** Who is told of an opinion, a return or the issuance (absent in histories recorded before issue 4). */
  drafterUnitCode?: string;
  issue: { issuerCode: string; symbol: string; year: number; issuedOn: LocalDate } | null;
}

export interface PlanActivities {
  /** Creates the unit's plan (idempotently) with its first draft and drafting task; reads its chain. */
  openPlan(input: OpenPlanInput): Promise<PlanSetup>;
  /** Also records, in the same transaction, the mail the decision causes; returns its ids. */
  recordPlanDecision(write: PlanDecisionWrite): Promise<{ documentNumber: string | null; notificationIds?: string[] }>;
}

/**
 * Mail goes out from the outbox the decisions write into: each notification is sent once and
 * marked sent; a retry skips what is marked. SMTP trouble fails the attempt and Temporal retries.
 */
export interface NotificationActivities {
  deliverNotifications(input: { ids: string[] }): Promise<{ sent: number }>;
  /** One summary per user who asked for a digest, covering what was recorded before `day` 07:00 (Vietnam time). */
  sendDailyDigests(input: { day: LocalDate }): Promise<{ digests: number }>;
}

/** When each rung of the cycle's ladder fires for one open task. */
export interface TaskLadderSchedule {
  taskKey: string;
  dueAt: Instant;
  steps: LadderStep[];
}

/** Reminders and escalations of human tasks: timers in the workflow, records and mail here. */
export interface EscalationActivities {
  /** The cycle's ladder applied to the task's due date; null once the task is closed. */
  scheduleTaskLadder(input: { taskKey: string }): Promise<TaskLadderSchedule | null>;
  /** Moves an open task's due date (the calendar changed) and returns its new schedule; null once closed. */
  rescheduleTask(input: { taskKey: string; dueAt: Instant }): Promise<TaskLadderSchedule | null>;
  /** Records that a rung fired, and the mail it sends, once; nothing when the task closed meanwhile. */
  recordTaskStep(input: { taskKey: string; workflowId: string; step: LadderStep }): Promise<{ recorded: boolean; notificationIds: string[] }>;
}

/** One report: a unit's quarterly, annual or ad-hoc report, or the coordinator's provincial report. */
export interface ReportInput {
  cycleId: string;
  provinceCode: string;
  year: number;
  /** The reporting unit; the province for the provincial report. */
  unitCode: string;
  kind: ReportKind;
  quarter: 1 | 2 | 3 | 4 | null;
  /** An ad-hoc request's subject. */
  title: string | null;
  /** The writer's deadline, then the reviewer's (the next level's deadline in the calendar). */
  dueAt: Instant;
  reviewDueAt: Instant;
  /** The provincial report: the participants whose annual reports it gathers. */
  expectedUnitCodes?: string[];
}

export interface ReportOutcome {
  /** Null when the unit had no plan to report on. */
  reportId: string | null;
  stage: ReportStage;
}

export interface ReportDecisionRequest {
  requestId: string;
  decision: ReportDecision;
  actor: Actor;
}

export interface ReportDecisionResult {
  reportId: string;
  stage: ReportStage;
}

/** Submit, accept or return a report; the validator refuses like planDecision's (code, kind). */
export const reportDecisionUpdate = defineUpdate<ReportDecisionResult, [ReportDecisionRequest]>('reportDecision');
/** The cycle is closing: a report still open ends where it is. */
export const closeReportSignal = defineSignal('closeReport');
/** A coordinator's ad-hoc request (báo cáo đột xuất): a report from each named unit, with its own deadline. */
export interface AdHocReportRequest {
  requestId: string;
  title: string;
  unitCodes: string[];
  dueAt: Instant;
  reviewDueAt: Instant;
}
/** Starts the requested reports as children of the cycle (which closes them with it); resolves with their workflow ids. */
export const requestAdHocReportsUpdate = defineUpdate<string[], [AdHocReportRequest]>('requestAdHocReports');
/** From a unit to its cycle: the unit's annual report was accepted (by its leader in charge). */
export const annualReportAcceptedSignal = defineSignal<[string]>('annualReportAccepted');

export interface OpenReportWrite extends ReportInput {
  workflowId: string;
  task: { key: string; kind: TaskSpec['kind']; dueAt: Instant };
}

export interface ReportSetup {
  reportId: string;
  chain: ReportChain;
  notificationIds: string[];
}

export interface ReportDecisionWrite {
  requestId: string;
  reportId: string;
  workflowId: string;
  sequence: number;
  decision: ReportDecision;
  actorUserId: string;
  from: ReportStage;
  to: ReportStage;
  closeTaskKey: string | null;
  nextTask: TaskSpec | null;
}

export interface ReportActivities {
  /** Opens the report (its lines from the plan in force) and its first task; null when the unit has no plan. */
  openReport(write: OpenReportWrite): Promise<ReportSetup | null>;
  /** One decision in one transaction: stage, tasks, audit, mail. */
  recordReportDecision(write: ReportDecisionWrite): Promise<{ notificationIds: string[] }>;
  /** The approved provincial report goes to the ministry: recorded as sent, and the coordinator told. */
  sendProvincialReport(input: { reportId: string; workflowId: string }): Promise<{ notificationIds: string[] }>;
}

export type PlanCycleActivities = CycleActivities & PlanActivities & NotificationActivities & EscalationActivities & ReportActivities;

export interface CycleActivities {
  /** Whether the province has recorded a guidance for the year (a cycle may start before it arrives). */
  hasGuidance(input: { provinceCode: string; planYear: number }): Promise<boolean>;
  /** Writes the cycle and a `pending` row for every participant, in one transaction. */
  recordCycleStarted(write: CycleStartedWrite): Promise<void>;
  recordCycleStage(write: CycleWrite): Promise<void>;
  recordUnitStage(write: UnitStageWrite): Promise<void>;
  /** The cycle closed: its tasks still open are cancelled, so no inbox shows them any more. */
  cancelOpenTasks(input: { cycleId: string }): Promise<number>;
}
