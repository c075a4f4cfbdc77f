import {
  condition,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
  allHandlersFinished,
  getExternalWorkflowHandle,
  log,
  patched,
  upsertSearchAttributes,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { provincialPlanWorkflowId, unitPlanWorkflowId, type CycleCalendar, type CycleStage } from '@plancycle/domain';
import {
  SEARCH_ATTRIBUTES,
  annualReportAcceptedSignal,
  changeCycleCalendarUpdate,
  requestAdHocReportsUpdate,
  type AdHocReportRequest,
  closeCycleSignal,
  cycleCalendarChangedSignal,
  closePlanSignal,
  closeReportSignal,
  closeUnitSignal,
  guidanceRecordedSignal,
  provincialPlanIssuedSignal,
  cycleProgressQuery,
  cycleRecordedUpdate,
  type AnnualCycleInput,
  type CycleProgress,
  type PlanCycleActivities,
} from './contract';
import { provincialPlanWorkflow } from './provincial-plan.workflow';
import { reportWorkflow } from './report.workflow';
import { unitPlanWorkflow } from './unit-plan.workflow';
import { millisecondsUntil, waitUntilDue } from './calendar-time';

const { recordCycleStarted, recordCycleStage, hasGuidance, cancelOpenTasks } = proxyActivities<PlanCycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One province's year: records the cycle, starts one child workflow per participating unit, and
 * runs until the calendar's closesAt (or an admin closes it), then closes every unit.
 */
export async function annualCycleWorkflow(input: AnnualCycleInput): Promise<CycleProgress> {
  const state = {
    stage: 'running' as CycleStage,
    recorded: false,
    closeRequested: false,
    guidanceRecorded: false,
    awaitingGuidance: false,
    provincialPlanIssued: false,
    sequence: 0,
    calendar: input.calendar,
    calendarVersion: 0,
    plansStarted: false,
    /** Units whose annual report their leader accepted. */
    annualReports: new Set<string>(),
    provincialReportSent: false,
  };
  const progress = (): CycleProgress => ({
    cycleId: input.cycleId,
    stage: state.stage,
    recorded: state.recorded,
    participantCount: input.participants.length,
    awaitingGuidance: state.awaitingGuidance,
  });
  setHandler(cycleProgressQuery, progress);
  setHandler(cycleRecordedUpdate, async () => {
    await condition(() => state.recorded);
    return progress();
  });
  setHandler(closeCycleSignal, () => {
    state.closeRequested = true;
  });
  setHandler(provincialPlanIssuedSignal, () => {
    state.provincialPlanIssued = true;
  });
  setHandler(guidanceRecordedSignal, () => {
    state.guidanceRecorded = true;
  });
  setHandler(annualReportAcceptedSignal, (unitCode) => {
    state.annualReports.add(unitCode);
  });
  // Ad-hoc reports run as children of the cycle, so closing the cycle closes them too.
  const adHocReports: Array<ChildWorkflowHandle<typeof reportWorkflow>> = [];
  setHandler(
    requestAdHocReportsUpdate,
    async (request) => {
      const started = await Promise.all(
        request.unitCodes.map((unitCode) =>
          startChild(reportWorkflow, {
            workflowId: `${unitPlanWorkflowId(input.cycleId, unitCode)}/adhoc/${request.requestId}`,
            args: [
              {
                cycleId: input.cycleId,
                provinceCode: input.provinceCode,
                year: input.year,
                unitCode,
                kind: 'ad_hoc',
                quarter: null,
                title: request.title,
                dueAt: request.dueAt,
                reviewDueAt: request.reviewDueAt,
              },
            ],
          }),
        ),
      );
      adHocReports.push(...started);
      return started.map((child) => child.workflowId);
    },
    {
      validator: (request: AdHocReportRequest) => {
        if (state.closeRequested || state.stage === 'closed') throw new Error('Chu kỳ đã đóng; không yêu cầu báo cáo được nữa.');
        const participants = new Set(input.participants.map((unit) => unit.unitCode));
        const outsider = request.unitCodes.find((code) => !participants.has(code));
        if (outsider) throw new Error(`Đơn vị ${outsider} không tham gia chu kỳ này.`);
      },
    },
  );

  const { workflowId } = workflowInfo();
  const calendarVersion = () => state.calendarVersion;
  const record = { id: input.cycleId, provinceCode: input.provinceCode, year: input.year, workflowId, calendar: input.calendar, startedBy: input.startedBy };
  // The plans' workflows, once started, hear of every calendar change.
  const plans: Array<{ signal: (signal: typeof cycleCalendarChangedSignal, calendar: CycleCalendar) => Promise<void> }> = [];
  let provincialReportHandle: ChildWorkflowHandle<typeof reportWorkflow> | null = null;
  /**
   * Every plan (and the provincial report) hears of each calendar change: the cycle's latest calendar,
   * one round after another, so no plan is left on an older calendar than the cycle's however the
   * changes and their signals interleave. Started by the first change; the close waits for it. A plan
   * that has ended meanwhile needs no calendar: its refused signal is noted, not left to fail the task.
   */
  let told = 0;
  let teller: Promise<void> | null = null;
  const tellPlans = async () => {
    for (;;) {
      await condition(() => state.closeRequested || (state.plansStarted && state.calendarVersion !== told));
      if (state.calendarVersion === told) return;
      told = state.calendarVersion;
      const calendar = state.calendar;
      await Promise.all(
        [...plans, provincialReportHandle].map((handle) =>
          handle?.signal(cycleCalendarChangedSignal, calendar).catch((error: unknown) => log.warn('A plan did not take the calendar change', { error: String(error) })),
        ),
      );
    }
  };
  setHandler(
    changeCycleCalendarUpdate,
    async (calendar) => {
      state.calendar = calendar;
      state.calendarVersion += 1;
      await recordCycleStage({ ...record, calendar, stage: state.stage, sequence: ++state.sequence });
      // Added after the v12 histories: the admin's answer comes once the change is recorded, and the
      // plans are told behind it. Telling a thousand plans took 45 s (npm run bench), and longer than
      // the API waits once their tasks moved too. Earlier runs replay the answer after the telling.
      if (patched('calendar-told-behind-the-answer')) {
        teller ??= tellPlans().catch((error: unknown) => log.warn('The calendar change did not reach every plan', { error: String(error) }));
      } else {
        await condition(() => state.plansStarted || state.closeRequested);
        await Promise.all(plans.map((plan) => plan.signal(cycleCalendarChangedSignal, calendar)));
        await provincialReportHandle?.signal(cycleCalendarChangedSignal, calendar).catch(() => undefined);
      }
      return progress();
    },
    {
      // The API has checked the dates; what only the workflow knows is whether the cycle is closing.
      validator: (_calendar: CycleCalendar) => {
        if (state.closeRequested || state.stage === 'closed') throw new Error('Chu kỳ đã đóng; không đổi lịch được nữa.');
      },
    },
  );
  const units = input.participants.map((unit) => ({ ...unit, workflowId: unitPlanWorkflowId(input.cycleId, unit.unitCode) }));
  await recordCycleStarted({
    ...record,
    escalationLadder: input.escalationLadder ?? null,
    stage: 'running',
    sequence: ++state.sequence,
    units: units.map(({ unitCode, workflowId }) => ({ unitCode, workflowId })),
  });
  state.recorded = true;

  const startProvincialPlan = () =>
    startChild(provincialPlanWorkflow, {
      workflowId: provincialPlanWorkflowId(input.cycleId),
      args: [{ cycleId: input.cycleId, provinceCode: input.provinceCode, year: input.year, calendar: state.calendar }],
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.province, value: input.provinceCode },
        { key: SEARCH_ATTRIBUTES.year, value: input.year },
        { key: SEARCH_ATTRIBUTES.unit, value: input.provinceCode },
        { key: SEARCH_ATTRIBUTES.stage, value: 'drafting' },
      ],
    });
  // Patches, each added after histories were recorded: v1-v3 cycles have no provincial plan; v4
  // cycles start it at once; later cycles start it once the province has the ministry's guidance.
  const waitsForGuidance = patched('wait-guidance');
  const provincialPlan = !waitsForGuidance && patched('provincial-plan') ? startProvincialPlan() : null;
  // Started together so the whole fan-out costs one workflow task, not one per unit.
  const children: ChildWorkflowHandle<typeof unitPlanWorkflow>[] = await Promise.all(
    units.map(({ workflowId: childId, ...unit }) =>
      startChild(unitPlanWorkflow, {
        workflowId: childId,
        args: [{ cycleId: input.cycleId, provinceCode: input.provinceCode, year: input.year, unit, calendar: input.calendar }],
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.province, value: input.provinceCode },
          { key: SEARCH_ATTRIBUTES.year, value: input.year },
          { key: SEARCH_ATTRIBUTES.unit, value: unit.unitCode },
          { key: SEARCH_ATTRIBUTES.stage, value: 'drafting' },
        ],
      }),
    ),
  );

  let provincial = provincialPlan ? await provincialPlan : null;
  plans.push(...children);
  if (provincial) plans.push(provincial);
  state.plansStarted = true;
  if (waitsForGuidance) {
    state.guidanceRecorded ||= await hasGuidance({ provinceCode: input.provinceCode, planYear: input.year });
    const untilCloseForGuidance = millisecondsUntil(input.calendar.closesAt);
    state.awaitingGuidance = !state.guidanceRecorded;
    if (untilCloseForGuidance > 0) await condition(() => state.guidanceRecorded || state.closeRequested, untilCloseForGuidance);
    state.awaitingGuidance = false;
    if (state.guidanceRecorded && !state.closeRequested) {
      provincial = await startProvincialPlan();
      plans.push(provincial);
    }
  }

  // Once the provincial plan is issued, every unit drafts its own from it.
  const openUnitPlans = async () => {
    await condition(() => state.provincialPlanIssued || state.closeRequested);
    if (!state.closeRequested) await Promise.all(children.map((child) => child.signal(provincialPlanIssuedSignal)));
  };
  const unitPlansOpened = provincial ? openUnitPlans() : Promise.resolve();

  /**
   * The year's end (DOMAIN.md step 10): the coordinator's aggregation opens when every unit's annual
   * report is in, or at their deadline with the missing ones listed; the province approves it, it goes
   * to the ministry, and the cycle closes (step 11).
   */
  const provincialReport = async () => {
    await condition(() => state.provincialPlanIssued || state.closeRequested);
    const allIn = () => state.annualReports.size >= units.length;
    await waitUntilDue(() => state.calendar.annualReport.unitDue, () => allIn() || state.closeRequested, calendarVersion);
    if (state.closeRequested) return;
    const { annualReport } = state.calendar;
    provincialReportHandle = await startChild(reportWorkflow, {
      workflowId: `${workflowId}/provincial-report`,
      args: [
        {
          cycleId: input.cycleId,
          provinceCode: input.provinceCode,
          year: input.year,
          unitCode: input.provinceCode,
          kind: 'provincial',
          quarter: null,
          title: null,
          dueAt: annualReport.coordinatorDue,
          reviewDueAt: annualReport.provinceDue,
          expectedUnitCodes: units.map((unit) => unit.unitCode),
        },
      ],
    });
    const outcome = await provincialReportHandle.result().catch(() => null);
    if (outcome?.stage === 'accepted') {
      state.provincialReportSent = true;
      state.closeRequested = true;
    }
  };
  // Added after the v7 histories: cycles before it end at closesAt without a provincial report.
  // A failed or terminated provincial report must not wedge the cycle: it closes at closesAt instead.
  const reporting = provincial && patched('reports') ? provincialReport().catch((error: unknown) => log.warn('Provincial report stopped', { error: String(error) })) : null;

  if (patched('calendar-changes')) {
    // The close moves with the calendar: wait again whenever an admin changes it.
    await waitUntilDue(() => state.calendar.closesAt, () => state.closeRequested, calendarVersion);
  } else {
    const untilClose = millisecondsUntil(input.calendar.closesAt);
    if (untilClose > 0) await condition(() => state.closeRequested, untilClose);
  }
  state.closeRequested = true;
  await unitPlansOpened;
  // Ad-hoc requests still starting their reports finish first, so none is left open.
  await condition(allHandlersFinished);
  // The plans have heard of the last calendar change before they are closed.
  await teller;
  await Promise.all(adHocReports.map((child) => child.signal(closeReportSignal).catch(() => undefined)));
  await Promise.all(adHocReports.map((child) => child.result().catch(() => undefined)));
  // A provincial report still being written ends with the cycle (its child is closed with it).
  if (reporting && !state.provincialReportSent) await getExternalWorkflowHandle(`${workflowId}/provincial-report`).signal(closeReportSignal).catch(() => undefined);
  await reporting;

  if (provincial) {
    await provincial.signal(closePlanSignal);
    await provincial.result();
  }
  await Promise.all(children.map((child) => child.signal(closeUnitSignal)));
  await Promise.all(children.map((child) => child.result()));
  // Nobody can act on a task once its cycle is closed: the inbox lets it go.
  if (reporting) await cancelOpenTasks({ cycleId: input.cycleId });
  state.stage = 'closed';
  // Added after histories were recorded (test/fixtures/histories): older runs close without it.
  if (patched('cycle-stage-search-attribute')) {
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.stage, value: 'closed' }]);
  }
  await recordCycleStage({ ...record, calendar: state.calendar, stage: 'closed', sequence: ++state.sequence });
  await condition(allHandlersFinished);
  return progress();
}
