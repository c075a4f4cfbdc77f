import type { EscalationLadder } from './escalation-ladder';
import type { CycleCalendar } from './cycle-calendar';
import type { CycleStage, UnitStage } from './cycle';

/**
 * What a cycle workflow writes about itself, through an activity, into the read model. `sequence`
 * grows with every write a workflow makes, so a retried or late write never moves a record back.
 */
export interface CycleWrite {
  id: string;
  provinceCode: string;
  year: number;
  workflowId: string;
  stage: CycleStage;
  calendar: CycleCalendar;
  /** Id of the user who started it; null when started by the system. */
  startedBy: string | null;
  sequence: number;
  /** Written once, when the cycle starts; absent from later writes (and from cycles started before issue 5). */
  escalationLadder?: EscalationLadder | null;
}

/** The first write of a cycle: the cycle and every participant, `pending` until its own workflow reports. */
export interface CycleStartedWrite extends CycleWrite {
  units: ReadonlyArray<{ unitCode: string; workflowId: string }>;
}

/** A write from a unit's workflow, with that workflow's own sequence. */
export interface UnitStageWrite {
  cycleId: string;
  unitCode: string;
  stage: UnitStage;
  workflowId: string;
  sequence: number;
}
