import type { DataSource, EntityManager } from 'typeorm';
import { UNSTAFFED_UNIT_KINDS, type OrgUnitKind, type StaffRole } from '@plancycle/domain';
import type { AssignStaffInput, StaffMemberRecord, UnitStaffRecord } from './unit-staff-record';

interface Row {
  unit_code: string;
  unit_name: string;
  kind: OrgUnitKind;
  province_code: string;
  role: StaffRole | null;
  full_name: string | null;
  position: string | null;
  phone: string | null;
  email: string | null;
  user_id: string | null;
  username: string | null;
  updated_by: string | null;
  updated_at: Date | null;
}

// One row per unit and named person; a unit nobody was named for still comes back once, with nulls.
const SELECT_UNITS_WITH_STAFF = `
  SELECT o.code AS unit_code, o.name AS unit_name, o.kind, o.province_code,
         s.role, s.full_name, s.position, s.phone, s.email, s.user_id, u.username, s.updated_by, s.updated_at
  FROM org_units o
  LEFT JOIN unit_staff s ON s.unit_code = o.code
  LEFT JOIN users u ON u.id = s.user_id`;

function toRecords(rows: readonly Row[]): UnitStaffRecord[] {
  const units = new Map<string, UnitStaffRecord>();
  for (const row of rows) {
    let unit = units.get(row.unit_code);
    if (!unit) {
      unit = { unitCode: row.unit_code, unitName: row.unit_name, kind: row.kind, provinceCode: row.province_code, leaderInCharge: null, officer: null };
      units.set(row.unit_code, unit);
    }
    if (row.role === null) continue;
    const member: StaffMemberRecord = {
      role: row.role,
      fullName: row.full_name ?? '',
      position: row.position ?? '',
      phone: row.phone,
      email: row.email,
      userId: row.user_id,
      username: row.username,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at ?? new Date(0),
    };
    if (row.role === 'leader_in_charge') unit.leaderInCharge = member;
    else unit.officer = member;
  }
  return [...units.values()];
}

/** Who each unit named as its leader in charge and officer. */
export class UnitStaffRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Every unit of the province that drafts a plan, named or not, in byte order of the code
   * (`COLLATE "C"`), so the list reads the same whatever the database's collation.
   */
  async listForProvince(provinceCode: string): Promise<UnitStaffRecord[]> {
    const rows = (await this.db.query(
      `${SELECT_UNITS_WITH_STAFF}
       WHERE o.province_code = $1 AND o.kind <> ALL ($2::text[])
       ORDER BY o.code COLLATE "C", s.role COLLATE "C"`,
      [provinceCode, UNSTAFFED_UNIT_KINDS],
    )) as Row[];
    return toRecords(rows);
  }

  /** The unit with its two people, or null for a unit that does not exist. */
  async forUnit(unitCode: string): Promise<UnitStaffRecord | null> {
    const rows = (await this.db.query(`${SELECT_UNITS_WITH_STAFF} WHERE o.code = $1`, [unitCode])) as Row[];
    return toRecords(rows)[0] ?? null;
  }

  /** Names the person for the unit's role, replacing whoever held it before. */
  async assign(input: AssignStaffInput): Promise<void> {
    await this.db.query(
      `INSERT INTO unit_staff (unit_code, role, full_name, position, phone, email, user_id, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (unit_code, role) DO UPDATE SET
         full_name = excluded.full_name,
         position = excluded.position,
         phone = excluded.phone,
         email = excluded.email,
         user_id = excluded.user_id,
         updated_by = excluded.updated_by,
         updated_at = excluded.updated_at`,
      [input.unitCode, input.role, input.fullName, input.position, input.phone, input.email, input.userId, input.updatedBy],
    );
  }
}
