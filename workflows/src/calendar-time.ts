import type { Instant } from '@plancycle/domain';

/**
 * How long to wait, from the workflow's own (replay-safe) clock, until a calendar instant.
 * Never negative: a deadline already past is due now.
 */
export function millisecondsUntil(instant: Instant): number {
  return Math.max(0, Date.parse(instant) - Date.now());
}
