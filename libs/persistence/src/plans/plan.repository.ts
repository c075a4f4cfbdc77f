import { isUuid } from '../is-uuid';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlanItem } from '@plancycle/domain';
import { issuePlanVersion } from './plan-issuance';
import type { IssuedVersion, IssueVersionInput, OpenPlanInput, PlanRecord, PlanVersionRecord, RecordPlanStageInput } from './plan-record';
import { SELECT_PLAN, SELECT_PLAN_VERSION, toPlanRecord, toPlanVersionRecord, type PlanRow, type PlanVersionRow } from './plan-rows';

/**
 * Plans and their versions. The workflow is the truth of where a plan is; this is the truth of
 * its content and the read model of its stage. Writes from activities are idempotent (a retry
 * changes nothing); a draft save from the API is guarded by the stored stage and version state.
 */
/** What the driver gives back for an UPDATE: the rows it returned and how many it changed. */
type UpdateResult = [unknown[], number];

export class PlanRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The plan of a unit in a cycle, created with an empty draft version 1 the first time only. */
  async openPlan(input: OpenPlanInput): Promise<PlanRecord> {
    // One statement: a plan never exists without its first version, and two concurrent opens make one plan.
    await this.db.query(
      `WITH opened AS (
         INSERT INTO plans (cycle_id, unit_code, kind, workflow_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT plans_cycle_unit_kind_key DO NOTHING
         RETURNING id)
       INSERT INTO plan_versions (plan_id, version, items, state) SELECT id, 1, '[]', 'draft' FROM opened`,
      [input.cycleId, input.unitCode, input.kind, input.workflowId],
    );
    const plan = await this.findForUnit(input.cycleId, input.unitCode, input.kind);
    if (!plan) throw new Error(`Plan of ${input.unitCode} in cycle ${input.cycleId} was not opened.`);
    return plan;
  }

  async findById(id: string): Promise<PlanRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = (await this.db.query(`${SELECT_PLAN} WHERE p.id = $1`, [id])) as PlanRow[];
    return row ? toPlanRecord(row) : null;
  }

  async findForUnit(cycleId: string, unitCode: string, kind: PlanRecord['kind']): Promise<PlanRecord | null> {
    const [row] = (await this.db.query(`${SELECT_PLAN} WHERE p.cycle_id = $1 AND p.unit_code = $2 AND p.kind = $3`, [
      cycleId,
      unitCode,
      kind,
    ])) as PlanRow[];
    return row ? toPlanRecord(row) : null;
  }

  /** The provincial plan's stage and the number of its version in force, in one query: what a cycle's dashboard shows of it. */
  async findProvincialSummary(cycleId: string, provinceCode: string): Promise<{ stage: PlanRecord['stage']; documentNumber: string | null } | null> {
    const [row] = (await this.db.query(
      `SELECT p.stage, v.document_number
       FROM plans p LEFT JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version_in_force
       WHERE p.cycle_id = $1 AND p.unit_code = $2 AND p.kind = 'provincial'`,
      [cycleId, provinceCode],
    )) as Array<{ stage: PlanRecord['stage']; document_number: string | null }>;
    return row ? { stage: row.stage, documentNumber: row.document_number } : null;
  }

  /** The provincial plan first, then the units' plans in byte order of the code. */
  async listForCycle(cycleId: string): Promise<PlanRecord[]> {
    const rows = (await this.db.query(
      `${SELECT_PLAN} WHERE p.cycle_id = $1 ORDER BY p.kind = 'provincial' DESC, p.unit_code COLLATE "C"`,
      [cycleId],
    )) as PlanRow[];
    return rows.map(toPlanRecord);
  }

  /**
   * The budget of the units' plans in force, summed per focus task of the guidance (null: rows
   * serving none). A row serving two focus tasks counts in both, as it serves each in full.
   * jsonb_to_recordset reads only the two fields of each row it needs, about three times faster
   * than taking each row out whole and looking its fields up: a province of 200 units has 8,000 rows.
   */
  async budgetByFocusTask(cycleId: string): Promise<Array<{ focusTaskNumber: number | null; budget: number; items: number }>> {
    const rows = (await this.db.query(
      `SELECT task.number::int AS focus_task_number, sum(item.budget::bigint) AS budget, count(*)::int AS items
       FROM plans p
       JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version_in_force
       CROSS JOIN LATERAL jsonb_to_recordset(v.items) AS item (budget jsonb, "focusTaskNumbers" jsonb)
       LEFT JOIN LATERAL jsonb_array_elements_text(
         CASE WHEN jsonb_typeof(item."focusTaskNumbers") = 'array' AND jsonb_array_length(item."focusTaskNumbers") > 0 THEN item."focusTaskNumbers" END
       ) AS task (number) ON true
       WHERE p.cycle_id = $1 AND p.kind = 'unit' AND jsonb_typeof(item.budget) = 'number'
       GROUP BY task.number::int
       ORDER BY task.number::int NULLS LAST`,
      [cycleId],
    )) as Array<{ focus_task_number: number | null; budget: string; items: number }>;
    // A bigint sum comes back as text; VND totals stay far below 2^53.
    return rows.map((row) => ({ focusTaskNumber: row.focus_task_number, budget: Number(row.budget), items: row.items }));
  }

  async findVersion(planId: string, version: number): Promise<PlanVersionRecord | null> {
    if (!isUuid(planId)) return null;
    const [row] = (await this.db.query(`${SELECT_PLAN_VERSION} WHERE plan_id = $1 AND version = $2`, [planId, version])) as PlanVersionRow[];
    return row ? toPlanVersionRecord(row) : null;
  }

  /** Every version, oldest first: earlier versions stay readable after an amendment. */
  async listVersions(planId: string): Promise<PlanVersionRecord[]> {
    if (!isUuid(planId)) return [];
    const rows = (await this.db.query(`${SELECT_PLAN_VERSION} WHERE plan_id = $1 ORDER BY version`, [planId])) as PlanVersionRow[];
    return rows.map(toPlanVersionRecord);
  }

  /**
   * Replaces the items of a draft. False, and nothing written, unless that version is a draft and
   * the plan is in drafting: one guarded UPDATE, so a save racing a submission either lands before
   * the version is frozen or not at all. The caller validates the items (validatePlanItems).
   */
  async saveDraft(planId: string, version: number, items: readonly PlanItem[], userId: string): Promise<boolean> {
    if (!isUuid(planId)) return false;
    const saved = (await this.db.query(
      `UPDATE plan_versions v SET items = $3::jsonb, updated_by = $4, updated_at = now()
       FROM plans p
       WHERE p.id = v.plan_id AND v.plan_id = $1 AND v.version = $2 AND v.state = 'draft' AND p.stage = 'drafting'`,
      [planId, version, JSON.stringify(items), userId],
    )) as UpdateResult;
    return saved[1] > 0;
  }

  /** Freezes a draft. False when the version was not a draft (a retry after it was submitted writes nothing). */
  async submitVersion(planId: string, version: number, userId: string): Promise<boolean> {
    const submitted = (await this.db.query(
      `UPDATE plan_versions SET state = 'submitted', submitted_by = $3, submitted_at = now(), updated_at = now()
       WHERE plan_id = $1 AND version = $2 AND state = 'draft'`,
      [planId, version, userId],
    )) as UpdateResult;
    return submitted[1] > 0;
  }

  /**
   * Returns a submitted version to its drafter: it becomes `returned` and the next version opens as
   * a draft with the same items, to be revised. Gives the new version's number, also to a retry
   * after the return was made; null when the version was neither submitted nor returned.
   */
  async returnVersion(planId: string, version: number): Promise<number | null> {
    const [redrafted] = (await this.db.query(
      `WITH returned AS (
         UPDATE plan_versions SET state = 'returned', updated_at = now()
         WHERE plan_id = $1 AND version = $2 AND state = 'submitted'
         RETURNING plan_id, version, items)
       INSERT INTO plan_versions (plan_id, version, items, state) SELECT plan_id, version + 1, items, 'draft' FROM returned
       RETURNING version`,
      [planId, version],
    )) as Array<{ version: number }>;
    if (redrafted) return redrafted.version;
    const [next] = (await this.db.query(
      `SELECT n.version FROM plan_versions r JOIN plan_versions n ON n.plan_id = r.plan_id AND n.version = r.version + 1
       WHERE r.plan_id = $1 AND r.version = $2 AND r.state = 'returned'`,
      [planId, version],
    )) as Array<{ version: number }>;
    return next?.version ?? null;
  }

  /** True when the write was applied, false when the plan's workflow had already recorded a newer one. */
  async recordStage(input: RecordPlanStageInput): Promise<boolean> {
    const applied = (await this.db.query(
      `UPDATE plans SET stage = $2, sequence = $3, updated_at = now() WHERE id = $1 AND sequence < $3`,
      [input.planId, input.stage, input.sequence],
    )) as UpdateResult;
    return applied[1] > 0;
  }

  /**
   * Issues the version with the issuer's next number and supersedes the version in force, in one
   * transaction (nested in the caller's when given an EntityManager, so the activity can close the
   * task and append the audit event in the same one). Issuing it again gives back its number.
   */
  async issueVersion(input: IssueVersionInput): Promise<IssuedVersion> {
    return this.db.transaction((manager) => issuePlanVersion(manager, input));
  }

  /**
   * Opens an amendment: a new draft version with the items of the version in force. A retry finds
   * the draft it opened. Null when nothing is in force yet; throws while another version is being
   * decided (one version on its way at a time).
   */
  async startAmendment(planId: string, userId: string): Promise<number | null> {
    return this.db.transaction(async (manager) => {
      // Locking the plan makes two concurrent amendments queue, so the second finds the first's draft.
      const [plan] = (await manager.query(`SELECT version_in_force FROM plans WHERE id = $1 FOR UPDATE`, [planId])) as Array<{
        version_in_force: number | null;
      }>;
      if (!plan || plan.version_in_force === null) return null;
      const [latest] = (await manager.query(`SELECT version, state FROM plan_versions WHERE plan_id = $1 ORDER BY version DESC LIMIT 1`, [
        planId,
      ])) as Array<{ version: number; state: string }>;
      if (latest.version > plan.version_in_force && latest.state === 'draft') return latest.version;
      const [opened] = (await manager.query(
        `INSERT INTO plan_versions (plan_id, version, items, state, created_by)
         SELECT plan_id, $3, items, 'draft', $4 FROM plan_versions WHERE plan_id = $1 AND version = $2
         RETURNING version`,
        [planId, plan.version_in_force, latest.version + 1, userId],
      )) as Array<{ version: number }>;
      return opened.version;
    });
  }
}
