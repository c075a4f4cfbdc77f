// For the API, the worker and the tests: the contract, and the workflow functions as types only,
// so no process but the worker's sandbox ever loads workflow code.
export * from './contract';
export type { annualCycleWorkflow, dailyDigestWorkflow, provincialPlanWorkflow, reportWorkflow, unitPlanWorkflow } from './workflows';
