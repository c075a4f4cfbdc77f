import { getHeapStatistics } from 'node:v8';

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

/** The most workflows a worker caches unless told otherwise; a smaller heap caches fewer (see workerTuning). */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 1_000;

/**
 * Unset, the cache holds 1,000 workflows, or fewer on a small heap: the SDK's own rule (600 per GiB
 * of heap above 200 MiB) where that gives less, so a worker in a small container does not run out.
 */
export function workerTuning(env: NodeJS.ProcessEnv = process.env, heapLimitBytes = getHeapStatistics().heap_size_limit): WorkerTuning {
  const maxCachedWorkflows = wholeNumber(env, 'WORKER_MAX_CACHED_WORKFLOWS', 0) ?? Math.min(DEFAULT_MAX_CACHED_WORKFLOWS, Math.max(10, Math.floor(((heapLimitBytes / 2 ** 20 - 200) * 600) / 1024)));
  // The SDK needs two workflow pollers, so two task slots, while it caches workflows.
  return {
    maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: wholeNumber(env, 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', maxCachedWorkflows > 0 ? 2 : 1),
    maxConcurrentActivityTaskExecutions: wholeNumber(env, 'WORKER_MAX_CONCURRENT_ACTIVITIES', 1),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, least: number): number | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < least) throw new Error(`${name}="${value}" is not a whole number of at least ${least}.`);
  return number;
}
