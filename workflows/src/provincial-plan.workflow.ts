import { allHandlersFinished, condition, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import { closePlanSignal, provincialPlanIssuedSignal, type ProvincialPlanInput } from './contract';
import { startPlanLifecycle } from './plan-lifecycle';

/**
 * The provincial plan of one cycle: drafted by the coordinator, approved and issued by the
 * province, amended like any plan. Its first issuance tells the cycle, which opens the units' plans.
 */
export async function provincialPlanWorkflow(input: ProvincialPlanInput): Promise<void> {
  const state = { closing: false, announced: false };
  setHandler(closePlanSignal, () => {
    state.closing = true;
  });
  const parent = workflowInfo().parent;

  const plan = await startPlanLifecycle({ cycleId: input.cycleId, unitCode: input.provinceCode, kind: 'provincial', calendar: input.calendar }, async (stage) => {
    if (stage !== 'issued' || state.announced || !parent) return;
    state.announced = true;
    await getExternalWorkflowHandle(parent.workflowId, parent.runId).signal(provincialPlanIssuedSignal);
  });
  await condition(() => state.closing);
  await condition(allHandlersFinished);
  await plan.mailSettled();
}
