import { ORG_UNIT_KIND_LABELS, ROLE_LABELS, missingStaffRoles, type OrgUnit, type OrgUnitKind } from '@plancycle/domain';
import type { StaffMemberRecord, UnitStaffRecord } from '@plancycle/persistence';

function presentMember(member: StaffMemberRecord | null) {
  if (!member) return null;
  return {
    role: member.role,
    roleLabel: ROLE_LABELS[member.role],
    fullName: member.fullName,
    position: member.position,
    phone: member.phone,
    email: member.email,
    username: member.username,
    updatedAt: member.updatedAt,
  };
}

/** A unit's two people with the Vietnamese labels a screen shows, and which of them are still missing. */
export function presentUnitStaff(unit: UnitStaffRecord) {
  const missing = missingStaffRoles({ leader_in_charge: unit.leaderInCharge, officer: unit.officer });
  return {
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    kind: unit.kind,
    kindLabel: ORG_UNIT_KIND_LABELS[unit.kind as OrgUnitKind] ?? unit.kind,
    leaderInCharge: presentMember(unit.leaderInCharge),
    officer: presentMember(unit.officer),
    missing,
    missingLabels: missing.map((role) => ROLE_LABELS[role]),
  };
}

export type UnitStaffView = ReturnType<typeof presentUnitStaff>;

/** The coordinator's list: every planning unit, and a count of those still to name someone. */
export function presentProvinceStaff(province: OrgUnit, units: readonly UnitStaffRecord[]) {
  const views = units.map(presentUnitStaff);
  return {
    provinceCode: province.code,
    provinceName: province.name,
    summary: {
      units: views.length,
      complete: views.filter((view) => view.missing.length === 0).length,
      incomplete: views.filter((view) => view.missing.length > 0).length,
    },
    units: views,
  };
}
