import type { Instant, LocalDate, PlanItem, PlanStage } from '@plancycle/domain';

/** The provincial plan (drafted by the coordinator, issued by the province) or a unit's own plan. */
export type PlanKind = 'provincial' | 'unit';

/**
 * Where one version of a plan's content is. A submitted version is frozen; a return leaves it
 * `returned` and opens the next version as a draft; issuing a version supersedes the one in force.
 */
export type PlanVersionState = 'draft' | 'submitted' | 'returned' | 'approved' | 'issued' | 'superseded';

/** A plan as its workflow last reported it, with its unit's name. */
export interface PlanRecord {
  id: string;
  cycleId: string;
  unitCode: string;
  unitName: string;
  kind: PlanKind;
  stage: PlanStage;
  /** The issued version reports follow; null until the first issuance. */
  versionInForce: number | null;
  /** The newest version: the one being drafted or decided, or the one in force. */
  latestVersion: number;
  workflowId: string;
  updatedAt: Instant;
}

export interface PlanVersionRecord {
  planId: string;
  version: number;
  items: PlanItem[];
  state: PlanVersionState;
  createdBy: string | null;
  updatedBy: string | null;
  updatedAt: Instant;
  submittedBy: string | null;
  submittedAt: Instant | null;
  /** `05/KH-UBND`; null until issued (seed 002 leaves the number blank in a draft). */
  documentNumber: string | null;
  issuedOn: LocalDate | null;
}

export interface OpenPlanInput {
  cycleId: string;
  unitCode: string;
  kind: PlanKind;
  workflowId: string;
}

/** A stage write from the plan's workflow; `sequence` grows with every write it makes. */
export interface RecordPlanStageInput {
  planId: string;
  stage: PlanStage;
  sequence: number;
}

export interface IssueVersionInput {
  planId: string;
  version: number;
  /** The unit whose running number the plan takes: the province for the provincial plan. */
  issuerCode: string;
  /** The issuer's `documentSymbol`, e.g. `KH-UBND`. */
  symbol: string;
  issuedOn: LocalDate;
  /** The calendar year of `issuedOn`: numbers restart at 1 each year. */
  year: number;
}

export interface IssuedVersion {
  documentNumber: string;
  issuedOn: LocalDate;
}
