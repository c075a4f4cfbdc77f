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

/** The writes are declared in the domain, shared with the workflows that make them. */
export type { CycleWrite as RecordCycleInput, CycleStartedWrite as RecordCycleStartedInput, UnitStageWrite as RecordUnitInput } from '@plancycle/domain';
