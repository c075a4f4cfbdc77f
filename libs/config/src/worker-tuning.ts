/**
 * The worker's settings that matter at scale, read from the environment so an operator can size a
 * worker to its machine without a code change (README, "Running at scale"). Unset: the values below.
 */
export interface WorkerTuning {
  /**
   * Workflows kept in the worker's memory between their tasks. A workflow out of the cache is
   * replayed from its history at its next task: cheap for PlanCycle's small histories, so the bound
   * is set by memory, not speed (`npm run bench` measures the worker's resident memory under it).
   */
  maxCachedWorkflows: number;
  /** Workflow tasks (and activities) one worker runs at once; the SDK's defaults when unset. */
  maxConcurrentWorkflowTaskExecutions?: number;
  maxConcurrentActivityTaskExecutions?: number;
}

export const DEFAULT_MAX_CACHED_WORKFLOWS = 1_000;

export function workerTuning(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  return {
    maxCachedWorkflows: wholeNumber(env, 'WORKER_MAX_CACHED_WORKFLOWS', 0) ?? DEFAULT_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTaskExecutions: wholeNumber(env, 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 1),
    maxConcurrentActivityTaskExecutions: wholeNumber(env, 'WORKER_MAX_CONCURRENT_ACTIVITIES', 1),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, least: number): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < least) throw new Error(`${name}="${value}" is not a whole number of at least ${least}.`);
  return number;
}
