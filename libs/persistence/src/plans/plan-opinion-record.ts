import type { Instant } from '@plancycle/domain';

/** Thẩm định by the appraiser, or the approver's decision. */
export type PlanOpinionStep = 'appraisal' | 'approval';
export type PlanOpinionDecision = 'agree' | 'return';

/** One round's opinion on one version; every round is kept (no limit on rounds, seed 001). */
export interface PlanOpinionRecord {
  id: string;
  planId: string;
  version: number;
  step: PlanOpinionStep;
  decision: PlanOpinionDecision;
  /** Required when the decision is `return`: what the drafter must change. */
  comments: string;
  decidedBy: string;
  decidedAt: Instant;
  requestId: string;
}

/** `requestId` identifies the decision (e.g. the workflow Update's id), so a retried activity records it once. */
export type RecordPlanOpinionInput = Omit<PlanOpinionRecord, 'id' | 'decidedAt'> & { decidedAt?: Instant };
