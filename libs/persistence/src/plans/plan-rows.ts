import type { LocalDate, PlanItem, PlanStage } from '@plancycle/domain';
import type { PlanKind, PlanRecord, PlanVersionRecord, PlanVersionState } from './plan-record';

interface PlanRow {
  id: string;
  cycle_id: string;
  unit_code: string;
  unit_name: string;
  kind: PlanKind;
  stage: PlanStage;
  version_in_force: number | null;
  latest_version: number;
  workflow_id: string;
  updated_at: Date;
}

interface PlanVersionRow {
  plan_id: string;
  version: number;
  items: PlanItem[];
  state: PlanVersionState;
  created_by: string | null;
  updated_by: string | null;
  updated_at: Date;
  submitted_by: string | null;
  submitted_at: Date | null;
  document_number: string | null;
  issued_on: LocalDate | null;
}

export const SELECT_PLAN = `
  SELECT p.id, p.cycle_id, p.unit_code, u.name AS unit_name, p.kind, p.stage, p.version_in_force,
         (SELECT max(v.version) FROM plan_versions v WHERE v.plan_id = p.id) AS latest_version,
         p.workflow_id, p.updated_at
  FROM plans p JOIN org_units u ON u.code = p.unit_code`;

// to_char, not the driver's date parsing: a JS Date would carry the server's time zone into the day.
export const SELECT_PLAN_VERSION = `
  SELECT plan_id, version, items, state, created_by, updated_by, updated_at, submitted_by, submitted_at,
         document_number, to_char(issued_on, 'YYYY-MM-DD') AS issued_on
  FROM plan_versions`;

export function toPlanRecord(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    kind: row.kind,
    stage: row.stage,
    versionInForce: row.version_in_force,
    latestVersion: row.latest_version,
    workflowId: row.workflow_id,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toPlanVersionRecord(row: PlanVersionRow): PlanVersionRecord {
  return {
    planId: row.plan_id,
    version: row.version,
    items: row.items,
    state: row.state,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    documentNumber: row.document_number,
    issuedOn: row.issued_on,
  };
}

export type { PlanRow, PlanVersionRow };
