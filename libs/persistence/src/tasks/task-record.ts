import type { Instant, Role } from '@plancycle/domain';

/** The human step a task asks for: draft (or revise) the plan, appraise it, approve it, or draft an amendment. */
export type TaskKind = 'draft' | 'appraise' | 'approve' | 'amend' | 'report' | 'review_report' | 'aggregate' | 'approve_report';
export type TaskState = 'open' | 'done' | 'cancelled';

/** A task as the inbox shows it, with the plan it is about. */
export interface TaskRecord {
  id: string;
  /** The workflow's own key for the task (e.g. `${workflowId}/${sequence}`), so reopening it is a no-op. */
  key: string;
  planId: string;
  /** The report the task is about, for report tasks; null for the plan's own decisions. */
  reportId: string | null;
  cycleId: string;
  planUnitCode: string;
  planUnitName: string;
  /** The provincial plan is drafted at the coordinator but belongs to the province. */
  planKind: 'unit' | 'provincial';
  workflowId: string;
  kind: TaskKind;
  /** Anyone holding `assigneeRole` on this unit may act on the task. */
  assigneeUnitCode: string;
  assigneeRole: Role;
  /** From the cycle calendar (unitPlanDraftDue, appraisalDue, unitPlanIssueDue), never a duration in code. */
  dueAt: Instant;
  state: TaskState;
  openedAt: Instant;
  closedAt: Instant | null;
}

export type OpenTaskInput = Pick<TaskRecord, 'key' | 'planId' | 'workflowId' | 'kind' | 'assigneeUnitCode' | 'assigneeRole' | 'dueAt'> & { reportId?: string | null };
