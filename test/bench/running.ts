import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { inPool } from './pool';

/** When the server started a workflow, and when a worker completed its first workflow task (epoch ms). */
export interface RunningTimes {
  startedAt: number;
  firstTaskCompletedAt: number;
}

/**
 * "Running" in the benchmark: the server has started the workflow AND a worker has completed its
 * first workflow task, i.e. the workflow's code has run up to its first wait and holds its handlers.
 * A started workflow whose task is still queued cannot take a signal or an update yet.
 *
 * Waits first on the visibility count (one cheap query per 100 ms, so the waiting adds little load to
 * the server being measured), then reads each workflow's history for the times the server itself
 * recorded: the figure does not depend on how often the benchmark looks.
 */
export async function waitUntilRunning(client: Client, query: string, workflowIds: readonly string[], timeoutMs: number): Promise<RunningTimes[]> {
  const deadline = Date.now() + timeoutMs;
  const fullQuery = `${query} AND ExecutionStatus = 'Running'`;
  for (;;) {
    const { count } = await client.workflow.count(fullQuery);
    if (count >= workflowIds.length) break;
    if (Date.now() > deadline) throw new Error(`Only ${count} of ${workflowIds.length} workflows running after ${timeoutMs / 1000} s (${fullQuery}).`);
    await pause(100);
  }
  return inPool(workflowIds, 16, async (workflowId) => {
    for (;;) {
      const times = await runningTimesOf(client, workflowId);
      if (times) return times;
      if (Date.now() > deadline) throw new Error(`${workflowId} has not completed its first workflow task after ${timeoutMs / 1000} s.`);
      await pause(100);
    }
  });
}

async function runningTimesOf(client: Client, workflowId: string): Promise<RunningTimes | null> {
  const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
  const started = events?.find((event) => event.workflowExecutionStartedEventAttributes);
  const firstTask = events?.find((event) => event.workflowTaskCompletedEventAttributes);
  return started && firstTask ? { startedAt: tsToMs(started.eventTime), firstTaskCompletedAt: tsToMs(firstTask.eventTime) } : null;
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
