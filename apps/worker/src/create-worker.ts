import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '@plancycle/activities';
import { WORKFLOWS_PATH, workspaceWebpackConfigHook } from './workflow-bundle';

export interface PlanCycleWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** A bundle built ahead (tests build one per run); otherwise the worker bundles at start. */
  workflowBundlePath?: string;
}

/** The worker: every PlanCycle workflow and activity on one task queue, and nothing else. */
export function createPlanCycleWorker(options: PlanCycleWorkerOptions): Promise<Worker> {
  const workflows = options.workflowBundlePath
    ? { workflowBundle: { codePath: options.workflowBundlePath } }
    : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { webpackConfigHook: workspaceWebpackConfigHook } };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.dataSource),
    ...workflows,
  });
}
