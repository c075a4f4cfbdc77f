import 'reflect-metadata';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig, temporalConnectionOptions } from '@plancycle/config';
import { createDataSource } from '@plancycle/persistence';
import { createPlanCycleWorker } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await createDataSource(config.databaseUrl).initialize();
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
  try {
    const worker = await createPlanCycleWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      dataSource,
    });
    console.log(`PlanCycle worker: task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
    // Resolves after SIGINT/SIGTERM, once in-flight tasks have finished.
    await worker.run();
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
