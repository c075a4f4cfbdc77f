import { condition } from '@temporalio/workflow';
import type { Instant } from '@plancycle/domain';

/**
 * How long to wait, from the workflow's own (replay-safe) clock, until a calendar instant.
 * Never negative: a deadline already past is due now.
 */
export function millisecondsUntil(instant: Instant): number {
  return Math.max(0, Date.parse(instant) - Date.now());
}

/**
 * Waits, on a durable timer, until the moment `due()` names. An admin may move it meanwhile: when
 * `version()` changes the moment is read again and the timer set anew. Returns at once when `done()`.
 */
export async function waitUntilDue(due: () => Instant, done: () => boolean, version: () => number): Promise<void> {
  for (;;) {
    const seen = version();
    const wait = millisecondsUntil(due());
    if (wait <= 0 || done()) return;
    const interrupted = await condition(() => done() || version() !== seen, wait);
    if (!interrupted) return;
  }
}
