import {
  condition,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
  allHandlersFinished,
  patched,
  upsertSearchAttributes,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { provincialPlanWorkflowId, unitPlanWorkflowId, type CycleStage } from '@plancycle/domain';
import {
  SEARCH_ATTRIBUTES,
  closeCycleSignal,
  closePlanSignal,
  closeUnitSignal,
  provincialPlanIssuedSignal,
  cycleProgressQuery,
  cycleRecordedUpdate,
  type AnnualCycleInput,
  type CycleProgress,
  type PlanCycleActivities,
} from './contract';
import { provincialPlanWorkflow } from './provincial-plan.workflow';
import { unitPlanWorkflow } from './unit-plan.workflow';
import { millisecondsUntil } from './calendar-time';

const { recordCycleStarted, recordCycleStage } = proxyActivities<PlanCycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One province's year: records the cycle, starts one child workflow per participating unit, and
 * runs until the calendar's closesAt (or an admin closes it), then closes every unit.
 */
export async function annualCycleWorkflow(input: AnnualCycleInput): Promise<CycleProgress> {
  const state = { stage: 'running' as CycleStage, recorded: false, closeRequested: false, provincialPlanIssued: false, sequence: 0 };
  const progress = (): CycleProgress => ({
    cycleId: input.cycleId,
    stage: state.stage,
    recorded: state.recorded,
    participantCount: input.participants.length,
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

  const { workflowId } = workflowInfo();
  const record = { id: input.cycleId, provinceCode: input.provinceCode, year: input.year, workflowId, calendar: input.calendar, startedBy: input.startedBy };
  const units = input.participants.map((unit) => ({ ...unit, workflowId: unitPlanWorkflowId(input.cycleId, unit.unitCode) }));
  await recordCycleStarted({
    ...record,
    stage: 'running',
    sequence: ++state.sequence,
    units: units.map(({ unitCode, workflowId }) => ({ unitCode, workflowId })),
  });
  state.recorded = true;

  // Added after v1-v3 histories: older cycles have no provincial plan, and their units do not wait for one.
  const provincialPlan = patched('provincial-plan')
    ? startChild(provincialPlanWorkflow, {
        workflowId: provincialPlanWorkflowId(input.cycleId),
        args: [{ cycleId: input.cycleId, provinceCode: input.provinceCode, year: input.year, calendar: input.calendar }],
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.province, value: input.provinceCode },
          { key: SEARCH_ATTRIBUTES.year, value: input.year },
          { key: SEARCH_ATTRIBUTES.unit, value: input.provinceCode },
          { key: SEARCH_ATTRIBUTES.stage, value: 'drafting' },
        ],
      })
    : null;
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

  const provincial = provincialPlan ? await provincialPlan : null;

  // Once the provincial plan is issued, every unit drafts its own from it.
  const openUnitPlans = async () => {
    await condition(() => state.provincialPlanIssued || state.closeRequested);
    if (!state.closeRequested) await Promise.all(children.map((child) => child.signal(provincialPlanIssuedSignal)));
  };
  const unitPlansOpened = provincial ? openUnitPlans() : Promise.resolve();

  const untilClose = millisecondsUntil(input.calendar.closesAt);
  if (untilClose > 0) await condition(() => state.closeRequested, untilClose);
  state.closeRequested = true;
  await unitPlansOpened;

  if (provincial) {
    await provincial.signal(closePlanSignal);
    await provincial.result();
  }
  await Promise.all(children.map((child) => child.signal(closeUnitSignal)));
  await Promise.all(children.map((child) => child.result()));
  state.stage = 'closed';
  // Added after histories were recorded (test/fixtures/histories): older runs close without it.
  if (patched('cycle-stage-search-attribute')) {
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.stage, value: 'closed' }]);
  }
  await recordCycleStage({ ...record, stage: 'closed', sequence: ++state.sequence });
  await condition(allHandlersFinished);
  return progress();
}
