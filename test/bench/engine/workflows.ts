/**
 * The raw engine's side of the benchmark: workflows that do nothing but what Temporal itself must do,
 * on a task queue of their own, so each PlanCycle figure has a baseline measured on the same servers.
 */
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const releaseSignal = defineSignal('benchRelease');
export const pingUpdate = defineUpdate<number, [number]>('benchPing');

/** Starts, then waits for a signal that never comes in the run: what an idle unit workflow costs at its start. */
export async function benchIdleWorkflow(): Promise<void> {
  let released = false;
  setHandler(releaseSignal, () => {
    released = true;
  });
  await condition(() => released);
}

/** Answers each update at once: the shortest round trip an update can make through the server and a worker. */
export async function benchUpdateWorkflow(): Promise<void> {
  let released = false;
  setHandler(pingUpdate, (value) => value);
  setHandler(releaseSignal, () => {
    released = true;
  });
  await condition(() => released);
}
