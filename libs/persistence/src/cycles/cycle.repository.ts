import type { DataSource, EntityManager } from 'typeorm';
import type { CycleCalendar, CycleStage, LocalDate, OrgUnitKind, PlanStage, UnitStage } from '@plancycle/domain';
import type { CycleRecord, CycleSummaryRecord, CycleUnitStatusRecord, RecordCycleInput, RecordCycleStartedInput, RecordUnitInput } from './cycle-record';

/** The stage after which a cycle is over; its row then gets `closed_at`. */
const CLOSED: CycleStage = 'closed';
/** A participant's stage before its own workflow has reported anything. */
const PENDING: UnitStage = 'pending';

interface CycleRow {
  id: string;
  province_code: string;
  province_name: string;
  year: number;
  workflow_id: string;
  stage: CycleStage;
  calendar: CycleCalendar;
  started_by: string | null;
  started_at: Date;
  closed_at: Date | null;
}

interface CycleUnitRow {
  unit_code: string;
  unit_name: string;
  kind: OrgUnitKind;
  stage: UnitStage;
  workflow_id: string;
  /** ISO text (see findOne). */
  updated_at: string;
}

const SELECT_CYCLE = `
  SELECT c.id, c.province_code, p.name AS province_name, c.year, c.workflow_id, c.stage, c.calendar,
         c.started_by, c.started_at, c.closed_at
  FROM cycles c JOIN org_units p ON p.code = c.province_code`;

/**
 * The read model of cycles. Workflows write to it through activities that Temporal may retry or
 * deliver late, so every write is an upsert that applies only when its sequence is newer than the
 * stored one: replaying an old write changes nothing.
 */
export class CycleRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async findById(id: string): Promise<CycleRecord | null> {
    return this.findOne(`${SELECT_CYCLE} WHERE c.id = $1`, [id]);
  }

  async findByProvinceAndYear(provinceCode: string, year: number): Promise<CycleRecord | null> {
    return this.findOne(`${SELECT_CYCLE} WHERE c.province_code = $1 AND c.year = $2`, [provinceCode, year]);
  }

  /** True when the write was applied, false when a newer (or the same) one was already stored. */
  async recordCycle(input: RecordCycleInput): Promise<boolean> {
    const applied = (await this.db.query(
      `INSERT INTO cycles (id, province_code, year, workflow_id, stage, calendar, started_by, sequence, closed_at, escalation_ladder)
       VALUES ($1, $2, $3, $4, $5::text, $6::jsonb, $7, $8, CASE WHEN $5::text = $9 THEN now() END, $10::jsonb)
       ON CONFLICT (id) DO UPDATE SET
         stage = excluded.stage,
         calendar = excluded.calendar,
         escalation_ladder = coalesce(excluded.escalation_ladder, cycles.escalation_ladder),
         sequence = excluded.sequence,
         closed_at = CASE WHEN excluded.stage = $9 THEN coalesce(cycles.closed_at, now()) END,
         updated_at = now()
       WHERE cycles.sequence < excluded.sequence
       RETURNING id`,
      [
        input.id,
        input.provinceCode,
        input.year,
        input.workflowId,
        input.stage,
        JSON.stringify(input.calendar),
        input.startedBy,
        input.sequence,
        CLOSED,
        input.escalationLadder ? JSON.stringify(input.escalationLadder) : null,
      ],
    )) as unknown[];
    return applied.length > 0;
  }

  /** The ladder the cycle was started with; null means the domain's default ladder. */
  async findEscalationLadder(cycleId: string): Promise<unknown> {
    const [row] = (await this.db.query(`SELECT escalation_ladder FROM cycles WHERE id = $1`, [cycleId])) as Array<{ escalation_ladder: unknown }>;
    return row?.escalation_ladder ?? null;
  }

  /** True when the write was applied, false when the unit's workflow had already recorded a newer one. */
  async recordUnit(input: RecordUnitInput): Promise<boolean> {
    const applied = (await this.db.query(
      `INSERT INTO cycle_units (cycle_id, unit_code, stage, workflow_id, sequence)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (cycle_id, unit_code) DO UPDATE SET
         stage = excluded.stage,
         workflow_id = excluded.workflow_id,
         sequence = excluded.sequence,
         updated_at = now()
       WHERE cycle_units.sequence < excluded.sequence
       RETURNING unit_code`,
      [input.cycleId, input.unitCode, input.stage, input.workflowId, input.sequence],
    )) as unknown[];
    return applied.length > 0;
  }

  /**
   * The cycle and a `pending` row per participant, together or not at all. Participants already
   * recorded keep their row: their own workflow may have moved them on since.
   */
  async recordCycleStarted(input: RecordCycleStartedInput): Promise<boolean> {
    const { units, ...cycle } = input;
    return this.db.transaction(async (manager) => {
      const applied = await new CycleRepository(manager).recordCycle(cycle);
      if (units.length > 0) {
        await manager.query(
          `INSERT INTO cycle_units (cycle_id, unit_code, stage, workflow_id, sequence)
           SELECT $1, unit_code, $2, workflow_id, 0 FROM unnest($3::text[], $4::text[]) AS participant (unit_code, workflow_id)
           ON CONFLICT (cycle_id, unit_code) DO NOTHING`,
          [cycle.id, PENDING, units.map((unit) => unit.unitCode), units.map((unit) => unit.workflowId)],
        );
      }
      return applied;
    });
  }

  /** The cycles of these provinces, newest year first, with how many units take part and have a plan in force. */
  async listForProvinces(provinceCodes: readonly string[]): Promise<CycleSummaryRecord[]> {
    if (provinceCodes.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT c.id, c.province_code, p.name AS province_name, c.year, c.stage,
              (SELECT count(*) FROM cycle_units cu WHERE cu.cycle_id = c.id)::int AS unit_count,
              (SELECT count(*) FROM plans pl WHERE pl.cycle_id = c.id AND pl.kind = 'unit' AND pl.version_in_force IS NOT NULL)::int AS issued_count
       FROM cycles c JOIN org_units p ON p.code = c.province_code
       WHERE c.province_code = ANY ($1::text[])
       ORDER BY c.year DESC, p.name`,
      [provinceCodes],
    )) as Array<{ id: string; province_code: string; province_name: string; year: number; stage: CycleStage; unit_count: number; issued_count: number }>;
    return rows.map((row) => ({
      id: row.id,
      provinceCode: row.province_code,
      provinceName: row.province_name,
      year: row.year,
      stage: row.stage,
      unitCount: row.unit_count,
      issuedCount: row.issued_count,
    }));
  }

  /**
   * Every participant with its own plan's stage, newest version and the number of the version in
   * force, in one query: a dashboard of 40 units must not ask 40 times.
   */
  async listUnitStatuses(cycleId: string): Promise<CycleUnitStatusRecord[]> {
    const rows = (await this.db.query(
      `SELECT cu.unit_code, u.name AS unit_name, u.kind, cu.stage AS unit_stage, p.stage AS plan_stage, p.version_in_force,
              (SELECT max(v.version) FROM plan_versions v WHERE v.plan_id = p.id) AS latest_version,
              f.document_number, to_char(f.issued_on, 'YYYY-MM-DD') AS issued_on
       FROM cycle_units cu
       JOIN org_units u ON u.code = cu.unit_code
       LEFT JOIN plans p ON p.cycle_id = cu.cycle_id AND p.unit_code = cu.unit_code AND p.kind = 'unit'
       LEFT JOIN plan_versions f ON f.plan_id = p.id AND f.version = p.version_in_force
       WHERE cu.cycle_id = $1
       ORDER BY cu.unit_code COLLATE "C"`,
      [cycleId],
    )) as Array<{
      unit_code: string;
      unit_name: string;
      kind: OrgUnitKind;
      unit_stage: UnitStage;
      plan_stage: PlanStage | null;
      version_in_force: number | null;
      latest_version: number | null;
      document_number: string | null;
      issued_on: LocalDate | null;
    }>;
    return rows.map((row) => ({
      unitCode: row.unit_code,
      unitName: row.unit_name,
      kind: row.kind,
      unitStage: row.unit_stage,
      planStage: row.plan_stage,
      versionInForce: row.version_in_force,
      latestVersion: row.latest_version,
      documentNumber: row.document_number,
      issuedOn: row.issued_on,
    }));
  }

  /**
   * The cycle and its participants in one round trip (every page of a cycle starts here): the
   * participants come as one JSON array, their moments already in `toISOString` form.
   */
  private async findOne(sql: string, parameters: unknown[]): Promise<CycleRecord | null> {
    const [row] = (await this.db.query(
      `SELECT found.*, coalesce((
         SELECT json_agg(json_build_object(
                  'unit_code', cu.unit_code, 'unit_name', u.name, 'kind', u.kind, 'stage', cu.stage, 'workflow_id', cu.workflow_id,
                  'updated_at', to_char(cu.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                ORDER BY cu.unit_code COLLATE "C")
         FROM cycle_units cu JOIN org_units u ON u.code = cu.unit_code
         WHERE cu.cycle_id = found.id), '[]') AS units
       FROM (${sql}) AS found`,
      parameters,
    )) as Array<CycleRow & { units: CycleUnitRow[] }>;
    if (!row) return null;
    const { units } = row;
    return {
      id: row.id,
      provinceCode: row.province_code,
      provinceName: row.province_name,
      year: row.year,
      workflowId: row.workflow_id,
      stage: row.stage,
      calendar: row.calendar,
      startedBy: row.started_by,
      startedAt: row.started_at.toISOString(),
      closedAt: row.closed_at?.toISOString() ?? null,
      units: units.map((unit) => ({
        unitCode: unit.unit_code,
        unitName: unit.unit_name,
        kind: unit.kind,
        stage: unit.stage,
        workflowId: unit.workflow_id,
        updatedAt: unit.updated_at,
      })),
    };
  }
}
