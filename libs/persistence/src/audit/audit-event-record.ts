import type { Instant } from '@plancycle/domain';

/** One transition as it happened: who, when, from which stage to which, on which plan version, and why. */
export interface AuditEventRecord {
  /** Grows with every event, so it orders the trail even when two events share a moment. */
  id: number;
  cycleId: string;
  /** Null for an event of the cycle itself. */
  planId: string | null;
  version: number | null;
  /** Null when the system acted (a workflow step nobody decided). */
  actor: string | null;
  actorName: string | null;
  at: Instant;
  /** What happened, e.g. `submit`, `appraise`, `approve`, `issue`. */
  action: string;
  fromStage: string | null;
  toStage: string | null;
  comment: string | null;
  requestId: string | null;
}

/** `requestId` makes an append from a retried activity happen once; `at` defaults to now. */
export type AppendAuditEventInput = Pick<AuditEventRecord, 'cycleId' | 'action'> &
  Partial<Pick<AuditEventRecord, 'planId' | 'version' | 'actor' | 'at' | 'fromStage' | 'toStage' | 'comment' | 'requestId'>>;
