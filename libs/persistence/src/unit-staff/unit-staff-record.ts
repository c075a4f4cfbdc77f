import type { OrgUnitKind, StaffRole } from '@plancycle/domain';

/** One named person: who they are, how to reach them, and who named them when. */
export interface StaffMemberRecord {
  role: StaffRole;
  fullName: string;
  position: string;
  phone: string | null;
  email: string | null;
  /** The linked account, if the person has one. */
  userId: string | null;
  username: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

/** A unit with its two people; null where nobody has been named yet. */
export interface UnitStaffRecord {
  unitCode: string;
  unitName: string;
  kind: OrgUnitKind;
  provinceCode: string;
  leaderInCharge: StaffMemberRecord | null;
  officer: StaffMemberRecord | null;
}

/** Naming a person: their details, and `updatedBy`, the user who names them (the unit's leader in charge or an admin). */
export type AssignStaffInput = Pick<StaffMemberRecord, 'role' | 'fullName' | 'position' | 'phone' | 'email' | 'userId' | 'updatedBy'> & {
  unitCode: string;
};
