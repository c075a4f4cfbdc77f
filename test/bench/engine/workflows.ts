/**
 * The raw engine's side of the benchmark: workflows that do nothing but what Temporal itself must do,
 * on a task queue of their own, so each PlanCycle figure has a baseline measured on the same servers.
 */
import { condition, defineSignal, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type * as activities from './activities';

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

// The same timeout and retry as PlanCycle's escalation activities (workflows/src/task-ladder.ts).
const { recordDeadline, sendDeadlineMail } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface BenchDeadlineInput {
  /** The deadline, epoch ms: every workflow of a run is given the same second. */
  dueAtMs: number;
  key: string;
  databaseUrl: string;
  smtpUrl: string;
  /** The addresses told of the overdue task, one message each. */
  to: string[];
}

/**
 * A PlanCycle escalation rung with nothing but the engine's work (see escalation.ts): a durable timer
 * until the deadline, an activity committing one row, then an activity sending the mail.
 */
export async function benchDeadlineWorkflow(input: BenchDeadlineInput): Promise<void> {
  await sleep(Math.max(0, input.dueAtMs - Date.now()));
  await recordDeadline({ databaseUrl: input.databaseUrl, key: input.key });
  await sendDeadlineMail({ smtpUrl: input.smtpUrl, key: input.key, to: input.to });
}
