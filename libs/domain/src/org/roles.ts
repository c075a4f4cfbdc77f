/** What a user may do, always scoped to one unit (an admin of province GL is scoped to unit GL). */
export const ROLES = [
  'admin', // starts cycles, configures units and calendars
  'coordinator', // watches and urges every unit of the province
  'officer', // cán bộ kiêm nhiệm: drafts the unit's plan and reports
  'leader_in_charge', // lãnh đạo phụ trách: first step of the escalation ladder
  'appraiser', // gives appraisal opinions for the units that name this unit as appraiser
  'approver', // approves plans for the units that name this unit as approver
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  coordinator: 'Điều phối',
  officer: 'Cán bộ kiêm nhiệm',
  leader_in_charge: 'Lãnh đạo phụ trách',
  appraiser: 'Thẩm định',
  approver: 'Phê duyệt',
};

export interface RoleAssignment {
  role: Role;
  unitCode: string;
}

/** A role held on a unit covers that unit and, for admins, every unit of its province. */
export function holdsRole(
  assignments: readonly RoleAssignment[],
  role: Role,
  unit: { code: string; provinceCode: string },
): boolean {
  return assignments.some(
    (assignment) =>
      assignment.role === role &&
      (assignment.unitCode === unit.code || (role === 'admin' && assignment.unitCode === unit.provinceCode)),
  );
}
