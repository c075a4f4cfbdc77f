// The file the worker bundles: every workflow type the task queue serves.
export { annualCycleWorkflow } from './annual-cycle.workflow';
export { provincialPlanWorkflow } from './provincial-plan.workflow';
export { unitPlanWorkflow } from './unit-plan.workflow';
export { dailyDigestWorkflow } from './daily-digest.workflow';
export { reportWorkflow } from './report.workflow';
