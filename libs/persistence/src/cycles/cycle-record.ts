import type { CycleCalendar, CycleStage, Instant, LocalDate, OrgUnitKind, PlanStage, UnitStage } from '@plancycle/domain';

export interface CycleUnitRecord {
  unitCode: string;
  unitName: string;
  kind: OrgUnitKind;
  stage: UnitStage;
  workflowId: string;
  updatedAt: Instant;
}

/** A cycle as the database last heard of it from its workflow (the workflow itself is the truth). */
export interface CycleRecord {
  id: string;
  provinceCode: string;
  provinceName: string;
  year: number;
  workflowId: string;
  stage: CycleStage;
  calendar: CycleCalendar;
  /** Id of the user who started it; null when started by the system. */
  startedBy: string | null;
  startedAt: Instant;
  closedAt: Instant | null;
  /** Ordered by unit code. */
  units: CycleUnitRecord[];
}

/** A line of the list of cycles. */
export interface CycleSummaryRecord {
  id: string;
  provinceCode: string;
  provinceName: string;
  year: number;
  stage: CycleStage;
  unitCount: number;
  /** Units with a version of their plan in force. */
  issuedCount: number;
}

/** One participant of a cycle and where its own plan is; the plan fields are null before it opens. */
export interface CycleUnitStatusRecord {
  unitCode: string;
  unitName: string;
  kind: OrgUnitKind;
  unitStage: UnitStage;
  planStage: PlanStage | null;
  versionInForce: number | null;
  latestVersion: number | null;
  /** Of the version in force. */
  documentNumber: string | null;
  issuedOn: LocalDate | null;
}

/** The writes are declared in the domain, shared with the workflows that make them. */
export type { CycleWrite as RecordCycleInput, CycleStartedWrite as RecordCycleStartedInput, UnitStageWrite as RecordUnitInput } from '@plancycle/domain';
