import { allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { checkReportDecision, nextReportStage, PlanDecisionRefused, type CycleCalendar, type ReportStage } from '@plancycle/domain';
import {
  closeReportSignal,
  cycleCalendarChangedSignal,
  reportDecisionUpdate,
  type ReportActivities,
  type ReportDecisionRequest,
  type ReportInput,
  type ReportOutcome,
  type TaskSpec,
} from './contract';
import { MailInFlight } from './mail-in-flight';
import { refuse } from './refusal';
import { TaskLadders } from './task-ladder';

const { openReport, recordReportDecision, sendProvincialReport } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One report, from writing to accepted: a unit's quarterly, annual or ad-hoc report (its officer
 * writes, its leader in charge accepts or returns), or the provincial report (the coordinator
 * writes, the province approves; then it goes to the ministry). A child workflow per report keeps
 * each history small and the unit's own history free of every quarter's steps.
 */
export async function reportWorkflow(input: ReportInput): Promise<ReportOutcome> {
  const { workflowId } = workflowInfo();
  const mail = new MailInFlight();
  const ladders = new TaskLadders(workflowId, mail);
  const provincial = input.kind === 'provincial';
  let tasks = 0;
  const writing = (): TaskSpec['kind'] => (provincial ? 'aggregate' : 'report');
  // The deadlines as they stand: a change of the cycle's calendar moves them (not an ad-hoc request's own).
  let dues = { dueAt: input.dueAt, reviewDueAt: input.reviewDueAt };
  // Set before the report opens, so a change that came first sets its deadline.
  setHandler(cycleCalendarChangedSignal, (calendar) => {
    const changed = duesIn(calendar, input);
    if (!changed) return;
    dues = changed;
    ladders.calendarChanged();
  });
  const firstTask = { key: `${workflowId}/task/${++tasks}`, kind: writing(), dueAt: dues.dueAt };

  const setup = await openReport({ ...input, workflowId, task: firstTask });
  if (!setup) return { reportId: null, stage: 'writing' };
  mail.deliver(setup.notificationIds);
  const { chain } = setup;
  const state = { stage: 'writing' as ReportStage, openTaskKey: firstTask.key as string | null, busy: false, closing: false, sequence: 1 };
  const watch = (key: string, reviewing: boolean) =>
    ladders.watch({ key, isOpen: () => state.openTaskKey === key, dueAt: () => (reviewing ? dues.reviewDueAt : dues.dueAt) });
  watch(firstTask.key, false);

  /** The task the next stage waits for: the writer's again after a return, the reviewer's after a submission. */
  const taskFor = (stage: ReportStage): TaskSpec | null => {
    if (stage === 'accepted') return null;
    const reviewing = stage === 'review';
    return {
      key: `${workflowId}/task/${++tasks}`,
      kind: reviewing ? (provincial ? 'approve_report' : 'review_report') : writing(),
      assigneeUnitCode: reviewing ? chain.reviewerUnitCode : chain.writerUnitCode,
      assigneeRole: reviewing ? chain.reviewerRoles[0] : chain.writerRoles[0],
      dueAt: reviewing ? dues.reviewDueAt : dues.dueAt,
    };
  };
  const check = (request: ReportDecisionRequest) => {
    try {
      if (state.busy) throw new PlanDecisionRefused('state', 'REPORT_BUSY', 'Báo cáo đang được xử lý một quyết định khác; vui lòng thử lại sau giây lát.');
      if (state.closing) throw new PlanDecisionRefused('state', 'REPORT_CLOSED', 'Chu kỳ đã đóng; báo cáo không còn nhận quyết định.');
      checkReportDecision(state.stage, request.decision, request.actor.roles, chain);
    } catch (error) {
      refuse(error);
    }
  };

  setHandler(closeReportSignal, () => {
    state.closing = true;
  });
  setHandler(
    reportDecisionUpdate,
    async (request) => {
      check(request);
      state.busy = true;
      try {
        const from = state.stage;
        const to = nextReportStage(from, request.decision);
        const nextTask = taskFor(to);
        const { notificationIds } = await recordReportDecision({
          requestId: request.requestId,
          reportId: setup.reportId,
          workflowId,
          sequence: ++state.sequence,
          decision: request.decision,
          actorUserId: request.actor.userId,
          from,
          to,
          closeTaskKey: state.openTaskKey,
          nextTask,
        });
        mail.deliver(notificationIds);
        state.stage = to;
        state.openTaskKey = nextTask?.key ?? null;
        if (nextTask) watch(nextTask.key, to === 'review');
        return { reportId: setup.reportId, stage: to };
      } finally {
        state.busy = false;
      }
    },
    { validator: check },
  );

  await condition(() => state.stage === 'accepted' || state.closing);
  await condition(allHandlersFinished);
  if (provincial && state.stage === 'accepted') mail.deliver((await sendProvincialReport({ reportId: setup.reportId, workflowId })).notificationIds);
  await ladders.finished();
  await mail.settled();
  return { reportId: setup.reportId, stage: state.stage };
}

/** The report's two deadlines in a calendar: its window's level and the next one; none for an ad-hoc request. */
function duesIn(calendar: CycleCalendar, input: ReportInput): { dueAt: string; reviewDueAt: string } | null {
  const { annualReport } = calendar;
  switch (input.kind) {
    case 'quarterly': {
      const window = calendar.quarterlyReports.find((quarter) => quarter.quarter === input.quarter);
      return window ? { dueAt: window.unitDue, reviewDueAt: window.coordinatorDue } : null;
    }
    case 'annual':
      return { dueAt: annualReport.unitDue, reviewDueAt: annualReport.coordinatorDue };
    case 'provincial':
      return { dueAt: annualReport.coordinatorDue, reviewDueAt: annualReport.provinceDue };
    case 'ad_hoc':
      return null;
  }
}
