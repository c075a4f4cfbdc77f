/**
 * The contract between the API, the worker, the workflows and the activities: inputs, messages
 * and the activity interface. Everything here is safe to import from any of them.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { CycleCalendar, CycleStage, CycleStartedWrite, CycleWrite, OrgUnitKind, UnitStage, UnitStageWrite } from '@plancycle/domain';

/** Custom search attributes, registered when the dev server starts (see infra/). */
export const SEARCH_ATTRIBUTES = {
  province: defineSearchAttributeKey('PlanCycleProvince', SearchAttributeType.KEYWORD),
  year: defineSearchAttributeKey('PlanCycleYear', SearchAttributeType.INT),
  unit: defineSearchAttributeKey('PlanCycleUnit', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('PlanCycleStage', SearchAttributeType.KEYWORD),
} as const;

export interface Participant {
  unitCode: string;
  unitName: string;
  kind: OrgUnitKind;
}

export interface AnnualCycleInput {
  cycleId: string;
  provinceCode: string;
  year: number;
  calendar: CycleCalendar;
  participants: Participant[];
  startedBy: string | null;
}

export interface CycleProgress {
  cycleId: string;
  stage: CycleStage;
  recorded: boolean;
  participantCount: number;
}

export interface UnitPlanInput {
  cycleId: string;
  provinceCode: string;
  year: number;
  unit: Participant;
  calendar: CycleCalendar;
}

export interface UnitProgress {
  cycleId: string;
  unitCode: string;
  stage: UnitStage;
}

/** Resolves once the cycle and its units are in the database, so the caller can read them back. */
export const cycleRecordedUpdate = defineUpdate<CycleProgress>('cycleRecorded');
export const cycleProgressQuery = defineQuery<CycleProgress>('cycleProgress');
/** Ends the cycle before its calendar's closesAt (an admin's decision). */
export const closeCycleSignal = defineSignal('closeCycle');

export const unitProgressQuery = defineQuery<UnitProgress>('unitProgress');
export const closeUnitSignal = defineSignal('closeUnit');

/**
 * Side effects the workflows ask for: writes into the read model whose shapes the domain declares.
 * Each carries the workflow's own sequence number so a retried or late activity never moves a
 * record backwards.
 */
export interface PlanCycleActivities {
  /** Writes the cycle and a `pending` row for every participant, in one transaction. */
  recordCycleStarted(write: CycleStartedWrite): Promise<void>;
  recordCycleStage(write: CycleWrite): Promise<void>;
  recordUnitStage(write: UnitStageWrite): Promise<void>;
}
