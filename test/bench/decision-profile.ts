import type { Client, WorkflowHandle } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { median } from './stats';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

/** One measured decision: which update of which workflow, when the request left (epoch ms), how long it took. */
export interface DecisionSample {
  workflowId: string;
  updateId: string;
  sentAt: number;
  elapsedMs: number;
}

/**
 * Where a decision's time goes, from the workflow's own history (medians over the samples, ms):
 * until the server scheduled the workflow task that took the update (HTTP, the API's checks and
 * reads, the gRPC call); workflow tasks waiting for a worker and running in it; the activities on
 * the update's path waiting for a worker and running (their database transactions); and from the
 * update's completion back to the caller. What no event covers is `unaccounted`.
 */
export type DecisionProfile = Record<'toServer' | 'workflowTaskWait' | 'workflowTaskRun' | 'activityWait' | 'activityRun' | 'backToCaller' | 'unaccounted', number> & {
  workflowTasks: number;
  activities: number;
};

export async function profileDecisions(client: Client, samples: readonly DecisionSample[], pathActivities: readonly string[]): Promise<DecisionProfile> {
  const histories = new Map<string, HistoryEvent[]>();
  for (const workflowId of new Set(samples.map((sample) => sample.workflowId))) {
    histories.set(workflowId, (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? []);
  }
  const profiles = samples.map((sample) => profileOne(histories.get(sample.workflowId) ?? [], sample, new Set(pathActivities)));
  const middle = (key: keyof DecisionProfile) => Math.round(median(profiles.map((profile) => profile[key])) * 10) / 10;
  return {
    toServer: middle('toServer'),
    workflowTaskWait: middle('workflowTaskWait'),
    workflowTaskRun: middle('workflowTaskRun'),
    activityWait: middle('activityWait'),
    activityRun: middle('activityRun'),
    backToCaller: middle('backToCaller'),
    unaccounted: middle('unaccounted'),
    workflowTasks: middle('workflowTasks'),
    activities: middle('activities'),
  };
}

function profileOne(events: readonly HistoryEvent[], sample: DecisionSample, pathActivities: ReadonlySet<string>): DecisionProfile {
  const id = (event: HistoryEvent) => idOf(event.eventId);
  const at = (event: HistoryEvent | undefined) => (event ? tsToMs(event.eventTime) : Number.NaN);
  const byId = new Map(events.map((event) => [id(event), event]));
  const accepted = events.find((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.protocolInstanceId === sample.updateId);
  const completed = events.find((event) => event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === sample.updateId);
  if (!accepted || !completed) throw new Error(`Update ${sample.updateId} not found in the history of ${sample.workflowId}.`);
  // The workflow task that accepted the update completed just before the acceptance was recorded.
  const acceptingTask = [...events].reverse().find((event) => event.workflowTaskCompletedEventAttributes && id(event) < id(accepted));
  const first = acceptingTask && byId.get(idOf(acceptingTask.workflowTaskCompletedEventAttributes?.scheduledEventId));
  if (!acceptingTask || !first) throw new Error(`No workflow task took update ${sample.updateId} of ${sample.workflowId}.`);
  const inWindow = events.filter((event) => id(event) >= id(acceptingTask) && id(event) <= id(completed));

  let workflowTasks = 0;
  let workflowTaskWait = 0;
  let workflowTaskRun = 0;
  for (const event of inWindow.filter((candidate) => candidate.workflowTaskCompletedEventAttributes)) {
    const attributes = event.workflowTaskCompletedEventAttributes;
    const started = byId.get(idOf(attributes?.startedEventId));
    workflowTasks += 1;
    workflowTaskWait += at(started) - at(byId.get(idOf(attributes?.scheduledEventId)));
    workflowTaskRun += at(event) - at(started);
  }
  let activities = 0;
  let activityWait = 0;
  let activityRun = 0;
  for (const scheduled of inWindow.filter((event) => pathActivities.has(event.activityTaskScheduledEventAttributes?.activityType?.name ?? ''))) {
    const started = events.find((event) => idOf(event.activityTaskStartedEventAttributes?.scheduledEventId) === id(scheduled));
    const done = events.find((event) => idOf(event.activityTaskCompletedEventAttributes?.scheduledEventId) === id(scheduled));
    activities += 1;
    activityWait += at(started) - at(scheduled);
    activityRun += at(done) - at(started);
  }
  const toServer = at(first) - sample.sentAt;
  const backToCaller = sample.sentAt + sample.elapsedMs - at(completed);
  const unaccounted = sample.elapsedMs - toServer - workflowTaskWait - workflowTaskRun - activityWait - activityRun - backToCaller;
  return { toServer, workflowTaskWait, workflowTaskRun, activityWait, activityRun, backToCaller, unaccounted, workflowTasks, activities };
}

function idOf(value: { toString(): string } | number | null | undefined): number {
  return value === null || value === undefined ? Number.NaN : Number(value.toString());
}
