import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../is-uuid';
import type { AppendAuditEventInput, AuditEventRecord } from './audit-event-record';

interface AuditEventRow {
  id: string;
  cycle_id: string;
  plan_id: string | null;
  version: number | null;
  actor: string | null;
  actor_name: string | null;
  at: Date;
  action: string;
  from_stage: string | null;
  to_stage: string | null;
  comment: string | null;
  request_id: string | null;
}

const SELECT_EVENT = `
  SELECT e.id, e.cycle_id, e.plan_id, e.version, e.actor, a.full_name AS actor_name, e.at, e.action,
         e.from_stage, e.to_stage, e.comment, e.request_id
  FROM audit_events e LEFT JOIN users a ON a.id = e.actor`;

function toRecord(row: AuditEventRow): AuditEventRecord {
  return {
    // bigserial comes back as text; the trail would need 2^53 events before a number lost precision.
    id: Number(row.id),
    cycleId: row.cycle_id,
    planId: row.plan_id,
    version: row.version,
    actor: row.actor,
    actorName: row.actor_name,
    at: row.at.toISOString(),
    action: row.action,
    fromStage: row.from_stage,
    toStage: row.to_stage,
    comment: row.comment,
    requestId: row.request_id,
  };
}

/** The append-only audit trail: the table's trigger refuses UPDATE, DELETE and TRUNCATE. */
export class AuditRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** True when appended, false when an event with that request id already was (nothing is written then). */
  async append(event: AppendAuditEventInput): Promise<boolean> {
    const appended = (await this.db.query(
      `INSERT INTO audit_events (cycle_id, plan_id, version, actor, at, action, from_stage, to_stage, comment, request_id)
       VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, now()), $6, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT audit_events_request_id_key DO NOTHING
       RETURNING id`,
      [
        event.cycleId,
        event.planId ?? null,
        event.version ?? null,
        event.actor ?? null,
        event.at ?? null,
        event.action,
        event.fromStage ?? null,
        event.toStage ?? null,
        event.comment ?? null,
        event.requestId ?? null,
      ],
    )) as unknown[];
    return appended.length > 0;
  }

  /** In the order the events were appended. */
  async listForPlan(planId: string): Promise<AuditEventRecord[]> {
    if (!isUuid(planId)) return [];
    const rows = (await this.db.query(`${SELECT_EVENT} WHERE e.plan_id = $1 ORDER BY e.id`, [planId])) as AuditEventRow[];
    return rows.map(toRecord);
  }

  /** The event a request made, if it made one: how an action link knows it was used. */
  async findByRequestId(requestId: string): Promise<AuditEventRecord | null> {
    const [row] = (await this.db.query(`${SELECT_EVENT} WHERE e.request_id = $1`, [requestId])) as AuditEventRow[];
    return row ? toRecord(row) : null;
  }

  /**
   * One report's decisions (submit, return with its reasons, accept) and, for the provincial report,
   * its sending, in the order they were appended. Events are about plans and every report of a unit
   * shares its plan; what ties a decision to its report is the report's task it closed: the activity
   * closes that task and appends the event in one transaction, so both carry the transaction's now().
   */
  async listForReport(report: { id: string; planId: string; workflowId: string }): Promise<AuditEventRecord[]> {
    if (!isUuid(report.id) || !isUuid(report.planId)) return [];
    const rows = (await this.db.query(
      `${SELECT_EVENT}
       WHERE e.plan_id = $1
         AND ((e.action IN ('report_submit', 'report_return', 'report_accept')
               AND EXISTS (SELECT 1 FROM tasks t WHERE t.report_id = $2 AND t.closed_at = e.at))
              OR e.request_id = $3)
       ORDER BY e.id`,
      [report.planId, report.id, `${report.workflowId}/sent`],
    )) as AuditEventRow[];
    return rows.map(toRecord);
  }

  /** Every event of the cycle and its plans, in the order they were appended. */
  async listForCycle(cycleId: string): Promise<AuditEventRecord[]> {
    const rows = (await this.db.query(`${SELECT_EVENT} WHERE e.cycle_id = $1 ORDER BY e.id`, [cycleId])) as AuditEventRow[];
    return rows.map(toRecord);
  }
}
