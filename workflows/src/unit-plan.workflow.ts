import { allHandlersFinished, condition, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { UnitStage } from '@plancycle/domain';
import {
  SEARCH_ATTRIBUTES,
  closeUnitSignal,
  provincialPlanIssuedSignal,
  unitProgressQuery,
  type PlanCycleActivities,
  type UnitPlanInput,
  type UnitProgress,
} from './contract';
import { startPlanLifecycle, type PlanLifecycle } from './plan-lifecycle';
import { UnitReports } from './unit-reports';

const { recordUnitStage } = proxyActivities<PlanCycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One unit's part of the cycle: its plan's lifecycle (drafting, appraisal, approval, issuance,
 * amendments) until the cycle closes. Quarterly and annual reports grow here as later stages.
 */
export async function unitPlanWorkflow(input: UnitPlanInput): Promise<UnitProgress> {
  const state = { stage: 'pending' as UnitStage, closing: false, provincialPlanIssued: false, sequence: 0 };
  const progress = (): UnitProgress => ({ cycleId: input.cycleId, unitCode: input.unit.unitCode, stage: state.stage });
  setHandler(unitProgressQuery, progress);
  setHandler(closeUnitSignal, () => {
    state.closing = true;
  });

  // The stage changes once it is in the database, so a query never reports what a reader cannot see.
  const moveTo = async (stage: UnitStage) => {
    await recordUnitStage({
      cycleId: input.cycleId,
      unitCode: input.unit.unitCode,
      workflowId: workflowInfo().workflowId,
      stage,
      sequence: ++state.sequence,
    });
    state.stage = stage;
  };

  setHandler(provincialPlanIssuedSignal, () => {
    state.provincialPlanIssued = true;
  });

  let plan: PlanLifecycle | null = null;
  let reports: UnitReports | null = null;
  // Patches, each added after histories were recorded (test/fixtures/histories): v1/v2 runs draft
  // without a plan behind them; v3 runs open their plan at once; later runs draft only once the
  // provincial plan they are built from is issued (seed 003, III.14).
  if (patched('plan-lifecycle')) {
    if (patched('wait-provincial-plan')) await condition(() => state.provincialPlanIssued || state.closing);
    if (!state.closing) {
      const lifecycle = { cycleId: input.cycleId, unitCode: input.unit.unitCode, kind: 'unit' as const, calendar: input.calendar };
      plan = await startPlanLifecycle(lifecycle, (stage) => moveTo(stage as UnitStage));
      // Added after the v7 histories: the unit's reports, each quarter and at year end.
      if (patched('reports')) {
        reports = new UnitReports(input, plan);
        reports.start();
      }
      await moveTo('drafting');
    }
  } else {
    await moveTo('drafting');
  }
  await condition(() => state.closing);
  await reports?.close();
  await condition(allHandlersFinished);
  await plan?.mailSettled();
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.stage, value: 'closed' }]);
  await moveTo('closed');
  return progress();
}
