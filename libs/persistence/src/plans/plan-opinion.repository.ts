import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../is-uuid';
import type { PlanOpinionDecision, PlanOpinionRecord, PlanOpinionStep, RecordPlanOpinionInput } from './plan-opinion-record';

interface PlanOpinionRow {
  id: string;
  plan_id: string;
  version: number;
  step: PlanOpinionStep;
  decision: PlanOpinionDecision;
  comments: string;
  decided_by: string;
  decided_at: Date;
  request_id: string;
}

/** Appraisal and approval opinions, every round of them. */
export class PlanOpinionRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** True when recorded, false when an opinion with that request id already was (nothing is written then). */
  async record(opinion: RecordPlanOpinionInput): Promise<boolean> {
    const recorded = (await this.db.query(
      `INSERT INTO plan_opinions (plan_id, version, step, decision, comments, decided_by, decided_at, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()), $8)
       ON CONFLICT ON CONSTRAINT plan_opinions_request_id_key DO NOTHING
       RETURNING id`,
      [
        opinion.planId,
        opinion.version,
        opinion.step,
        opinion.decision,
        opinion.comments.trim(),
        opinion.decidedBy,
        opinion.decidedAt ?? null,
        opinion.requestId,
      ],
    )) as unknown[];
    return recorded.length > 0;
  }

  /** Oldest first; within one version the appraisal comes before the approval, as in the chain. */
  async listForPlan(planId: string): Promise<PlanOpinionRecord[]> {
    if (!isUuid(planId)) return [];
    const rows = (await this.db.query(
      `SELECT id, plan_id, version, step, decision, comments, decided_by, decided_at, request_id
       FROM plan_opinions WHERE plan_id = $1
       ORDER BY decided_at, version, step COLLATE "C"`,
      [planId],
    )) as PlanOpinionRow[];
    return rows.map((row) => ({
      id: row.id,
      planId: row.plan_id,
      version: row.version,
      step: row.step,
      decision: row.decision,
      comments: row.comments,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at.toISOString(),
      requestId: row.request_id,
    }));
  }

  /** A plan that needs appraisal is approved only with an agreeing opinion on the very version approved. */
  async hasAgreeingAppraisal(planId: string, version: number): Promise<boolean> {
    const [row] = (await this.db.query(
      `SELECT EXISTS (
         SELECT 1 FROM plan_opinions WHERE plan_id = $1 AND version = $2 AND step = 'appraisal' AND decision = 'agree'
       ) AS agreed`,
      [planId, version],
    )) as Array<{ agreed: boolean }>;
    return row.agreed;
  }
}
