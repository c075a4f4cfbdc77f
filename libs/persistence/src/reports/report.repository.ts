import type { DataSource, EntityManager } from 'typeorm';
import type { AnnualAggregate, Instant, ReportContent, ReportKind, ReportStage } from '@plancycle/domain';
import { isUuid } from '../is-uuid';

/** A report as the database last heard of it from its workflow, with its unit's name. */
export interface ReportRecord {
  id: string;
  workflowId: string;
  cycleId: string;
  unitCode: string;
  unitName: string;
  planId: string;
  planVersion: number | null;
  kind: ReportKind;
  quarter: 1 | 2 | 3 | 4 | null;
  title: string | null;
  stage: ReportStage;
  content: ReportContent;
  aggregate: AnnualAggregate | null;
  dueAt: Instant;
  submittedBy: string | null;
  submittedAt: Instant | null;
  acceptedBy: string | null;
  acceptedAt: Instant | null;
  sentAt: Instant | null;
}

/** A report's stage and dates only. */
export type ReportStateRecord = Pick<ReportRecord, 'id' | 'unitCode' | 'kind' | 'quarter' | 'stage' | 'dueAt' | 'submittedAt' | 'acceptedAt'>;

export type OpenReportInput = Pick<ReportRecord, 'workflowId' | 'cycleId' | 'unitCode' | 'planId' | 'planVersion' | 'kind' | 'quarter' | 'title' | 'content' | 'aggregate' | 'dueAt'>;

interface Row {
  id: string;
  workflow_id: string;
  cycle_id: string;
  unit_code: string;
  unit_name: string;
  plan_id: string;
  plan_version: number | null;
  kind: ReportKind;
  quarter: 1 | 2 | 3 | 4 | null;
  title: string | null;
  stage: ReportStage;
  content: ReportContent;
  aggregate: AnnualAggregate | null;
  due_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
  accepted_by: string | null;
  accepted_at: Date | null;
  sent_at: Date | null;
}

const SELECT = `
  SELECT r.id, r.workflow_id, r.cycle_id, r.unit_code, u.name AS unit_name, r.plan_id, r.plan_version, r.kind, r.quarter, r.title,
         r.stage, r.content, r.aggregate, r.due_at, r.submitted_by, r.submitted_at, r.accepted_by, r.accepted_at, r.sent_at
  FROM reports r JOIN org_units u ON u.code = r.unit_code`;

const iso = (date: Date | null) => date?.toISOString() ?? null;
/** A timestamptz column as `toISOString` writes it (UTC, milliseconds, `Z`), or null. */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const toRecord = (row: Row): ReportRecord => ({
  id: row.id,
  workflowId: row.workflow_id,
  cycleId: row.cycle_id,
  unitCode: row.unit_code,
  unitName: row.unit_name,
  planId: row.plan_id,
  planVersion: row.plan_version,
  kind: row.kind,
  quarter: row.quarter,
  title: row.title,
  stage: row.stage,
  content: row.content,
  aggregate: row.aggregate,
  dueAt: row.due_at.toISOString(),
  submittedBy: row.submitted_by,
  submittedAt: iso(row.submitted_at),
  acceptedBy: row.accepted_by,
  acceptedAt: iso(row.accepted_at),
  sentAt: iso(row.sent_at),
});

/**
 * Reports and their content. The workflow that runs a report opens it (idempotent by workflow id)
 * and moves its stage (sequence-guarded); the writer saves its content straight here while writing.
 */
export class ReportRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The report of that workflow: opened now, or as it was opened before. */
  async open(input: OpenReportInput): Promise<ReportRecord> {
    await this.db.query(
      `INSERT INTO reports (workflow_id, cycle_id, unit_code, plan_id, plan_version, kind, quarter, title, content, aggregate, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT ON CONSTRAINT reports_workflow_id_key DO NOTHING`,
      [
        input.workflowId,
        input.cycleId,
        input.unitCode,
        input.planId,
        input.planVersion,
        input.kind,
        input.quarter,
        input.title,
        JSON.stringify(input.content),
        input.aggregate ? JSON.stringify(input.aggregate) : null,
        input.dueAt,
      ],
    );
    const report = await this.findByWorkflowId(input.workflowId);
    if (!report) throw new Error(`Report ${input.workflowId} was not opened.`);
    return report;
  }

  async findById(id: string): Promise<ReportRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = (await this.db.query(`${SELECT} WHERE r.id = $1`, [id])) as Row[];
    return row ? toRecord(row) : null;
  }

  async findByWorkflowId(workflowId: string): Promise<ReportRecord | null> {
    const [row] = (await this.db.query(`${SELECT} WHERE r.workflow_id = $1`, [workflowId])) as Row[];
    return row ? toRecord(row) : null;
  }

  /** Every report of a cycle (or of one unit in it), by unit, kind and quarter. */
  async listForCycle(cycleId: string, unitCode?: string): Promise<ReportRecord[]> {
    const rows = (await this.db.query(
      `${SELECT} WHERE r.cycle_id = $1 AND ($2::text IS NULL OR r.unit_code = $2) ORDER BY r.unit_code COLLATE "C", r.kind, r.quarter NULLS LAST, r.created_at`,
      [cycleId, unitCode ?? null],
    )) as Row[];
    return rows.map(toRecord);
  }

  /**
   * Where each unit's quarterly and annual reports of a cycle are, without their content: what a
   * dashboard of every unit needs, in one query. Oldest first, so a later one of a unit wins.
   */
  async listStatesForCycle(cycleId: string): Promise<ReportStateRecord[]> {
    // The moments come as ISO text straight from the database: a province has a thousand reports,
    // and parsing each date into a Date only to print it back was a good part of the dashboard's time.
    const rows = (await this.db.query(
      `SELECT id, unit_code, kind, quarter, stage, ${isoText('due_at')} AS due_at, ${isoText('submitted_at')} AS submitted_at,
              ${isoText('accepted_at')} AS accepted_at
       FROM reports WHERE cycle_id = $1 AND kind IN ('quarterly', 'annual')
       ORDER BY created_at, id`,
      [cycleId],
    )) as Array<Pick<Row, 'id' | 'unit_code' | 'kind' | 'quarter' | 'stage'> & { due_at: string; submitted_at: string | null; accepted_at: string | null }>;
    return rows.map((row) => ({
      id: row.id,
      unitCode: row.unit_code,
      kind: row.kind,
      quarter: row.quarter,
      stage: row.stage,
      dueAt: row.due_at,
      submittedAt: row.submitted_at,
      acceptedAt: row.accepted_at,
    }));
  }

  /** Saves what the writer wrote; false when the report is no longer being written. */
  async saveContent(id: string, content: ReportContent): Promise<boolean> {
    const [, count] = (await this.db.query(`UPDATE reports SET content = $2, updated_at = now() WHERE id = $1 AND stage = 'writing'`, [
      id,
      JSON.stringify(content),
    ])) as [unknown, number];
    return count > 0;
  }

  /** A stage write from the report's workflow; applied only when newer than the stored one. */
  async recordStage(input: { id: string; stage: ReportStage; sequence: number; actor: string | null }): Promise<boolean> {
    const [, count] = (await this.db.query(
      `UPDATE reports SET stage = $2, sequence = $3, updated_at = now(),
         submitted_by = CASE WHEN $2 = 'review' THEN $4::uuid ELSE submitted_by END,
         submitted_at = CASE WHEN $2 = 'review' THEN now() ELSE submitted_at END,
         accepted_by = CASE WHEN $2 = 'accepted' THEN $4::uuid ELSE accepted_by END,
         accepted_at = CASE WHEN $2 = 'accepted' THEN now() ELSE accepted_at END
       WHERE id = $1 AND sequence < $3`,
      [input.id, input.stage, input.sequence, input.actor],
    )) as [unknown, number];
    return count > 0;
  }

  /** The writer's deadline moved with the cycle's calendar. */
  async setDueAt(id: string, dueAt: Instant): Promise<void> {
    await this.db.query(`UPDATE reports SET due_at = $2, updated_at = now() WHERE id = $1`, [id, dueAt]);
  }

  async markSent(id: string): Promise<void> {
    await this.db.query(`UPDATE reports SET sent_at = coalesce(sent_at, now()), updated_at = now() WHERE id = $1`, [id]);
  }
}
