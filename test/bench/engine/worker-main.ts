/**
 * The raw engine's worker as a process of its own, as the PlanCycle worker runs (benchmark only):
 * test/bench/engine/workflows.ts and activities.ts on the task queue BENCH_ENGINE_TASK_QUEUE, with the
 * same cache and concurrency settings the PlanCycle worker is given, so the two are compared like for like.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { workerTuning } from '@plancycle/config';
import * as activities from './activities';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const taskQueue = required('BENCH_ENGINE_TASK_QUEUE');
  const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
  try {
    const worker = await Worker.create({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue,
      workflowsPath: require.resolve('./workflows'),
      activities,
      ...workerTuning(),
    });
    console.log(`Engine worker: task queue "${taskQueue}"`);
    // Resolves after SIGINT/SIGTERM, once in-flight tasks have finished.
    await worker.run();
  } finally {
    await connection.close();
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set.`);
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
