import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig, temporalConnectionOptions } from '@plancycle/config';
import { createDataSource } from '@plancycle/persistence';
import { createMailer } from '@plancycle/mail';
import { createPlanCycleWorker, notificationSettingsOf } from './create-worker';
import { ensureDigestSchedule } from './digest-schedule';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config.databaseUrl, { poolSize: config.databasePoolSize }).initialize();
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
  const mailer = createMailer(config.smtp.url, config.smtp.from);
  const clientConnection = await Connection.connect(temporalConnectionOptions(config.temporal));
  try {
    const worker = await createPlanCycleWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      dataSource,
      notifications: notificationSettingsOf(config, mailer),
      // A bundle built ahead of time (CI, or a test that starts worker processes) skips bundling at start.
      workflowBundlePath: process.env.PLANCYCLE_WORKFLOW_BUNDLE,
    });
    // Off for workers a test starts and kills: the schedule would outlive the test's task queue.
    if (process.env.PLANCYCLE_DIGEST_SCHEDULE !== 'off') await ensureDigestSchedule(new Client({ connection: clientConnection, namespace: config.temporal.namespace }), config.temporal.taskQueue);
    console.log(`PlanCycle worker: task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
    // Resolves after SIGINT/SIGTERM, once in-flight tasks have finished.
    await worker.run();
  } finally {
    mailer.close();
    await clientConnection.close();
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
