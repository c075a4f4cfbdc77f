import { condition, log, patched, proxyActivities } from '@temporalio/workflow';
import type { Instant } from '@plancycle/domain';
import { millisecondsUntil } from './calendar-time';
import type { EscalationActivities, TaskLadderSchedule } from './contract';
import type { MailInFlight } from './mail-in-flight';

const { scheduleTaskLadder, rescheduleTask, recordTaskStep } = proxyActivities<EscalationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One open task as its ladder sees it: whether it is still open, and its due date under today's calendar. */
export interface WatchedTask {
  key: string;
  isOpen(): boolean;
  dueAt(): Instant;
}

/**
 * The reminders and escalations of a plan's tasks. Each open task waits on durable timers for the
 * rungs of its cycle's ladder; deciding the task ends the wait (no rung fires for a task done in
 * time), and a calendar change moves the due date and the rungs still to come.
 */
export class TaskLadders {
  private calendarVersion = 0;
  /** Rungs being recorded right now: their mail is not handed to delivery yet. */
  private recording = 0;
  /** Ladders still running, each possibly waiting on an activity. */
  private running = 0;
  /** The workflow is ending: no ladder goes on to another step. */
  private stopped = false;

  constructor(
    private readonly workflowId: string,
    private readonly mail: MailInFlight,
  ) {}

  /** The cycle's calendar changed: every watched task checks its due date again. */
  calendarChanged(): void {
    this.calendarVersion += 1;
  }

  /**
   * The workflow is ending (its plan or report is done, or the cycle closed): resolves once no rung's
   * mail can still be recorded. Before `ladders-stop-at-end`, it waited only for rungs being
   * recorded, and a ladder whose scheduling activity answered in the ending's own activation could
   * record a rung after the workflow had completed, leaving that rung's mail pending for good
   * (found by the fault suite). Now every ladder is stopped and waited for.
   */
  async finished(): Promise<void> {
    if (!patched('ladders-stop-at-end')) {
      await condition(() => this.recording === 0);
      return;
    }
    this.stopped = true;
    await condition(() => this.running === 0);
  }

  /** Runs the task's ladder beside the workflow until the task is closed. */
  watch(task: WatchedTask): void {
    this.running += 1;
    this.run(task)
      .catch((error: unknown) => log.warn('Task ladder stopped', { task: task.key, error: String(error) }))
      .finally(() => (this.running -= 1));
  }

  private async run(task: WatchedTask): Promise<void> {
    // A task opened while the workflow ends (only on the patched path, where `stopped` is ever set) gets no ladder.
    if (this.stopped) return;
    // Taken before scheduling: a change arriving meanwhile is seen at the first wait, not lost.
    let seenCalendar = this.calendarVersion;
    let schedule = await scheduleTaskLadder({ taskKey: task.key });
    const done = new Set<string>();
    // A reminder whose moment had passed when the task was (re)scheduled is not sent late.
    const skipPastReminders = (current: TaskLadderSchedule | null) =>
      current?.steps.forEach((step) => step.kind === 'reminder' && millisecondsUntil(step.at) === 0 && done.add(step.step));
    skipPastReminders(schedule);
    const goesOn = () => task.isOpen() && !this.stopped;
    const interrupted = () => !goesOn() || this.calendarVersion !== seenCalendar;

    while (schedule && goesOn()) {
      const next = schedule.steps.find((step) => !done.has(step.step));
      const wait = next ? millisecondsUntil(next.at) : 0;
      const stopped = !next ? await condition(interrupted) : wait > 0 ? await condition(interrupted, wait) : interrupted();
      if (next && !stopped) {
        this.recording += 1;
        try {
          const { notificationIds } = await recordTaskStep({ taskKey: task.key, workflowId: this.workflowId, step: next });
          done.add(next.step);
          this.mail.deliver(notificationIds);
        } finally {
          this.recording -= 1;
        }
        continue;
      }
      if (!goesOn()) return;
      seenCalendar = this.calendarVersion;
      const dueAt = task.dueAt();
      if (dueAt !== schedule.dueAt) {
        schedule = await rescheduleTask({ taskKey: task.key, dueAt });
        skipPastReminders(schedule);
      }
    }
  }
}
