import { allHandlersFinished, condition, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { UnitStage } from '@plancycle/domain';
import {
  SEARCH_ATTRIBUTES,
  closeUnitSignal,
  unitProgressQuery,
  type PlanCycleActivities,
  type UnitPlanInput,
  type UnitProgress,
} from './contract';
import { startPlanLifecycle } from './plan-lifecycle';

const { recordUnitStage } = proxyActivities<PlanCycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One unit's part of the cycle: its plan's lifecycle (drafting, appraisal, approval, issuance,
 * amendments) until the cycle closes. Quarterly and annual reports grow here as later stages.
 */
export async function unitPlanWorkflow(input: UnitPlanInput): Promise<UnitProgress> {
  const state = { stage: 'pending' as UnitStage, closing: false, sequence: 0 };
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

  // Added after v1/v2 histories were recorded: those runs draft without a plan behind them.
  if (patched('plan-lifecycle')) await startPlanLifecycle(input, moveTo);
  await moveTo('drafting');
  await condition(() => state.closing);
  await condition(allHandlersFinished);
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.stage, value: 'closed' }]);
  await moveTo('closed');
  return progress();
}
