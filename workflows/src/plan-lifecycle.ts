import { patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  applyDecision,
  checkDecision,
  PlanDecisionRefused,
  vietnamDateOf,
  type CycleCalendar,
  type PlanChain,
  type PlanProgress,
  type PlanStage,
  type Role,
} from '@plancycle/domain';
import {
  planDecisionUpdate,
  cycleCalendarChangedSignal,
  planViewQuery,
  type PlanActivities,
  type PlanDecisionRequest,
  type PlanKind,
  type PlanSetup,
  type TaskSpec,
} from './contract';
import { MailInFlight } from './mail-in-flight';
import { refuse } from './refusal';
import { TaskLadders } from './task-ladder';

const { openPlan, recordPlanDecision } = proxyActivities<PlanActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface PlanLifecycle {
  /** Resolves once every message the plan's decisions caused is delivered. */
  mailSettled(): Promise<void>;
  /** The cycle's calendar as it stands, and how many times an admin has changed it. */
  calendar(): CycleCalendar;
  calendarVersion(): number;
}

type StageTask = { kind: TaskSpec['kind']; role: Role; unit: keyof PlanChain; due: (calendar: CycleCalendar) => string };

/** The task each stage waits for: its kind, who acts (role on which unit of the chain), and its due date. */
const STAGE_TASKS: Record<PlanKind, Partial<Record<PlanStage, StageTask>>> = {
  unit: {
    drafting: { kind: 'draft', role: 'officer', unit: 'drafterUnitCode', due: (calendar) => calendar.unitPlanDraftDue },
    appraisal: { kind: 'appraise', role: 'appraiser', unit: 'appraiserUnitCode', due: (calendar) => calendar.appraisalDue },
    approval: { kind: 'approve', role: 'approver', unit: 'approverUnitCode', due: (calendar) => calendar.unitPlanIssueDue },
  },
  // The calendar has one date for the provincial plan: issued by then.
  provincial: {
    drafting: { kind: 'draft', role: 'officer', unit: 'drafterUnitCode', due: (calendar) => calendar.provincialPlanDue },
    approval: { kind: 'approve', role: 'approver', unit: 'approverUnitCode', due: (calendar) => calendar.provincialPlanDue },
  },
};

export interface PlanLifecycleInput {
  cycleId: string;
  /** The plan's owner: the unit, or the province for the provincial plan. */
  unitCode: string;
  kind: PlanKind;
  calendar: CycleCalendar;
}

/**
 * The plan of one unit: opens it with its first draft and drafting task, then takes every human
 * decision as a `planDecision` update. One decision is in flight at a time; each is written by one
 * activity in one transaction, so the history grows by a handful of events per decision.
 */
export async function startPlanLifecycle(input: PlanLifecycleInput, onStage: (stage: PlanStage) => Promise<void>): Promise<PlanLifecycle> {
  const { workflowId } = workflowInfo();
  const mail = new MailInFlight();
  const ladders = new TaskLadders(workflowId, mail);
  // The cycle's calendar as it stands: an admin may move its dates while the plan runs.
  let calendar = input.calendar;
  let calendarVersion = 0;
  let tasks = 0;
  /** When a task of this kind at this stage is due, under the current calendar. */
  const dueOf = (task: StageTask, kind: TaskSpec['kind']) => () =>
    // An amendment's draft is due when the cycle closes: the calendar has no date of its own for it.
    kind === 'amend' ? calendar.closesAt : task.due(calendar);
  const taskFor = (progress: PlanProgress, chain: PlanChain, amending: boolean): (TaskSpec & { dueOf: () => string }) | null => {
    const task = STAGE_TASKS[input.kind][progress.stage];
    const unitCode = task && chain[task.unit];
    if (!task || !unitCode) return null;
    const kind = amending && task.kind === 'draft' ? 'amend' : task.kind;
    const due = dueOf(task, kind);
    return { key: `${workflowId}/task/${++tasks}`, kind, assigneeUnitCode: unitCode, assigneeRole: task.role, dueAt: due(), dueOf: due };
  };

  const onCalendarChanged = (changed: CycleCalendar) => {
    calendar = changed;
    calendarVersion += 1;
    ladders.calendarChanged();
  };
  // Added after the v9 histories: a change that reached the plan before it opened (buffered until
  // the handler exists) now sets the first task's due date instead of arriving after it.
  const calendarBeforeOpen = patched('calendar-before-open');
  if (calendarBeforeOpen) setHandler(cycleCalendarChangedSignal, onCalendarChanged);

  const drafting = STAGE_TASKS[input.kind].drafting as StageTask;
  const firstTask = { key: `${workflowId}/task/${++tasks}`, kind: 'draft' as const, assigneeRole: 'officer' as const, dueAt: drafting.due(calendar) };
  const setup: PlanSetup = await openPlan({ cycleId: input.cycleId, unitCode: input.unitCode, kind: input.kind, workflowId, draftTask: firstTask });
  mail.deliver(setup.notificationIds);
  const state = {
    progress: { stage: 'drafting', version: 1, appraisedVersions: [], versionInForce: null } as PlanProgress,
    openTaskKey: firstTask.key as string | null,
    busy: false,
    // openPlan wrote the plan's first stage with sequence 1; decisions continue from there.
    sequence: 1,
  };
  // Added after the v6 histories (issue 5): earlier runs have no reminders or escalations.
  const watch = (key: string, dueAt: () => string) => {
    if (patched('task-ladder')) ladders.watch({ key, isOpen: () => state.openTaskKey === key, dueAt });
  };
  watch(firstTask.key, dueOf(drafting, 'draft'));
  if (!calendarBeforeOpen) setHandler(cycleCalendarChangedSignal, onCalendarChanged);
  const check = (request: PlanDecisionRequest) => {
    try {
      if (state.busy) throw new PlanDecisionRefused('state', 'PLAN_BUSY', 'Kế hoạch đang được xử lý một quyết định khác; vui lòng thử lại sau giây lát.');
      checkDecision(state.progress, request.decision, request.actor.roles, setup.chain);
    } catch (error) {
      refuse(error);
    }
  };

  setHandler(planViewQuery, () => ({ planId: setup.planId, progress: state.progress, chain: setup.chain }));
  setHandler(
    planDecisionUpdate,
    async (request) => {
      check(request); // again: the state may have moved between validation and this handler
      state.busy = true;
      try {
        const before = state.progress;
        const after = applyDecision(before, request.decision, setup.chain);
        const nextTask = taskFor(after, setup.chain, after.versionInForce !== null);
        const issuedOn = vietnamDateOf(new Date(Date.now()).toISOString());
        const { documentNumber, notificationIds } = await recordPlanDecision({
          requestId: request.requestId,
          planId: setup.planId,
          cycleId: input.cycleId,
          workflowId,
          sequence: ++state.sequence,
          decision: request.decision,
          actorUserId: request.actor.userId,
          from: { stage: before.stage, version: before.version },
          to: { stage: after.stage, version: after.version },
          closeTaskKey: state.openTaskKey,
          nextTask: nextTask && { key: nextTask.key, kind: nextTask.kind, assigneeUnitCode: nextTask.assigneeUnitCode, assigneeRole: nextTask.assigneeRole, dueAt: nextTask.dueAt },
          drafterUnitCode: setup.chain.drafterUnitCode,
          issue:
            request.decision.action === 'approve'
              ? { issuerCode: setup.issuerCode, symbol: setup.documentSymbol, issuedOn, year: Number(issuedOn.slice(0, 4)) }
              : null,
        });
        mail.deliver(notificationIds);
        state.progress = after;
        state.openTaskKey = nextTask?.key ?? null;
        if (nextTask) watch(nextTask.key, nextTask.dueOf);
        await onStage(after.stage);
        return { planId: setup.planId, stage: after.stage, version: after.version, documentNumber };
      } finally {
        state.busy = false;
      }
    },
    { validator: check },
  );
  const mailSettled = async () => {
    await ladders.finished();
    await mail.settled();
  };
  return { mailSettled, calendar: () => calendar, calendarVersion: () => calendarVersion };
}
