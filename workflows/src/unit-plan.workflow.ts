import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { UnitStage } from '@plancycle/domain';
import {
  SEARCH_ATTRIBUTES,
  closeUnitSignal,
  unitProgressQuery,
  type PlanCycleActivities,
  type UnitPlanInput,
  type UnitProgress,
} from './contract';

const { recordUnitStage } = proxyActivities<PlanCycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One unit's part of the cycle. For now it opens the drafting stage and waits for the cycle to
 * close; appraisal, approval and reports grow here as later stages.
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

  await moveTo('drafting');
  await condition(() => state.closing);
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.stage, value: 'closed' }]);
  await moveTo('closed');
  return progress();
}
