import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { workerTuning, type PlanCycleConfig, type WorkerTuning } from '@plancycle/config';
import type { Mailer } from '@plancycle/mail';
import { mailDomainOf } from '@plancycle/notifications';
import { createActivities, type NotificationSettings } from '@plancycle/activities';
import { WORKFLOWS_PATH, workspaceWebpackConfigHook } from './workflow-bundle';

export interface PlanCycleWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  notifications: NotificationSettings;
  /** A bundle built ahead (tests build one per run); otherwise the worker bundles at start. */
  workflowBundlePath?: string;
  /** Cache and concurrency; from the environment when not given (WORKER_* variables). */
  tuning?: WorkerTuning;
}

/** The notification settings of a configuration: one mailer, the sender, and how links are made. */
export function notificationSettingsOf(config: PlanCycleConfig, mailer: Mailer): NotificationSettings {
  return {
    mailer,
    defaultFrom: config.smtp.from,
    mailDomain: mailDomainOf(config.smtp.from),
    publicUrl: config.api.publicUrl,
    linkSecret: config.api.linkSecret,
  };
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
    activities: createActivities(options.dataSource, options.notifications),
    ...workflows,
    ...(options.tuning ?? workerTuning()),
  });
}
