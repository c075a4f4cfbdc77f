import type { CycleCalendar, CycleStage, Instant, OrgUnitKind, UnitStage } from '@plancycle/domain';

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

/** A write from the cycle workflow; `sequence` grows with every write it makes. */
export interface RecordCycleInput {
  id: string;
  provinceCode: string;
  year: number;
  workflowId: string;
  stage: CycleStage;
  calendar: CycleCalendar;
  startedBy: string | null;
  sequence: number;
}

/** A write from a unit's workflow, with that workflow's own sequence. */
export interface RecordUnitInput {
  cycleId: string;
  unitCode: string;
  stage: UnitStage;
  workflowId: string;
  sequence: number;
}

export interface RecordCycleStartedInput extends RecordCycleInput {
  units: ReadonlyArray<{ unitCode: string; workflowId: string }>;
}
