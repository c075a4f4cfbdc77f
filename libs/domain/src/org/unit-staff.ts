import type { Problem } from '../errors/domain-error';
import type { OrgUnit, OrgUnitKind } from './org-unit';
import { holdsRole, type RoleAssignment } from './roles';

/**
 * The two people every planning unit names for external-information work and reports to the
 * coordinator (seeds 001, 003): 01 lãnh đạo phụ trách and 01 cán bộ kiêm nhiệm. The values are the
 * role names of ROLES, so a named person and a user account holding the role read the same.
 */
export const STAFF_ROLES = ['leader_in_charge', 'officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_NAME_MAX = 200;
export const STAFF_POSITION_MAX = 200;
export const STAFF_EMAIL_MAX = 254; // the longest address SMTP carries (RFC 5321)
const PHONE_DIGITS_MIN = 8; // a landline without its area code
const PHONE_DIGITS_MAX = 15; // E.164

/**
 * The province's own plan is drafted by the coordinator, and the office and the appraisers draft
 * none, so none of them names staff of its own.
 */
export const UNSTAFFED_UNIT_KINDS: readonly OrgUnitKind[] = ['province', 'office', 'appraiser'];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

export function namesStaff(unit: Pick<OrgUnit, 'kind'>): boolean {
  return !UNSTAFFED_UNIT_KINDS.includes(unit.kind);
}

/** What a unit submits for one of its two people; optional contacts may be absent, null or blank. */
export interface StaffMemberInput {
  fullName: string;
  position: string;
  phone?: string | null;
  email?: string | null;
}

export interface StaffMember {
  fullName: string;
  position: string;
  phone: string | null;
  email: string | null;
}

/**
 * Trims and checks a named person, collecting every problem so a form can mark each field.
 * Text is stored NFC: the same name typed on two keyboards (composed or decomposed diacritics) must
 * read, sort and compare as one.
 */
export function normalizeStaffMember(input: StaffMemberInput): { member: StaffMember; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC').trim() : '');
  const optional = (value: unknown) => text(value) || null;

  const fullName = text(input.fullName).replace(/\s+/g, ' ');
  if (fullName.length === 0) problems.push({ code: 'STAFF_NAME_REQUIRED', field: 'fullName', message: 'Chưa nhập họ và tên (fullName).' });
  else if (fullName.length > STAFF_NAME_MAX) {
    problems.push({ code: 'STAFF_NAME_TOO_LONG', field: 'fullName', message: `Họ và tên dài quá ${STAFF_NAME_MAX} ký tự.` });
  }

  const position = text(input.position).replace(/\s+/g, ' ');
  if (position.length === 0) {
    problems.push({ code: 'STAFF_POSITION_REQUIRED', field: 'position', message: 'Chưa nhập chức vụ (position), ví dụ "Phó Giám đốc".' });
  } else if (position.length > STAFF_POSITION_MAX) {
    problems.push({ code: 'STAFF_POSITION_TOO_LONG', field: 'position', message: `Chức vụ dài quá ${STAFF_POSITION_MAX} ký tự.` });
  }

  const phone = optional(input.phone);
  if (phone !== null && !isPhoneNumber(phone)) {
    problems.push({
      code: 'STAFF_PHONE_INVALID',
      field: 'phone',
      message: `Số điện thoại "${phone}" không hợp lệ: chỉ gồm chữ số, dấu cách, "+", "." hoặc "-", từ ${PHONE_DIGITS_MIN} đến ${PHONE_DIGITS_MAX} chữ số.`,
    });
  }

  const email = optional(input.email);
  if (email !== null && !isEmailAddress(email)) {
    problems.push({ code: 'STAFF_EMAIL_INVALID', field: 'email', message: `Địa chỉ thư điện tử "${email}" không hợp lệ, ví dụ đúng: canbo@gialai.gov.vn.` });
  }

  return { member: { fullName, position, phone, email }, problems };
}

/** `0269 3824 123`, `+84 912.345.678`, `0912-345-678`: a leading + at most, then digits and separators. */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9][0-9 .-]*$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX;
}

/** Deliberately loose: one @, no spaces, a dot in the domain. The mail server is the real judge. */
export function isEmailAddress(value: string): boolean {
  return value.length <= STAFF_EMAIL_MAX && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

/** The roles a unit has not named anyone for yet, in the order of STAFF_ROLES. */
export function missingStaffRoles(named: Partial<Record<StaffRole, unknown>>): StaffRole[] {
  return STAFF_ROLES.filter((role) => named[role] === null || named[role] === undefined);
}

/** Whose names these are: the unit's leader in charge names both people, the province admin may correct them. */
export function mayAssignStaff(roles: readonly RoleAssignment[], unit: Pick<OrgUnit, 'code' | 'provinceCode'>): boolean {
  return holdsRole(roles, 'leader_in_charge', unit) || holdsRole(roles, 'admin', unit);
}

/**
 * Reading the whole province's list is the coordinator's job (seed 003): a coordinator role counts
 * only on a unit of kind coordinator of that province, so a stray role elsewhere grants nothing.
 */
export function mayReadProvinceStaff(
  roles: readonly RoleAssignment[],
  province: Pick<OrgUnit, 'code' | 'provinceCode'>,
  provinceUnits: readonly Pick<OrgUnit, 'code' | 'provinceCode' | 'kind'>[],
): boolean {
  if (holdsRole(roles, 'admin', province)) return true;
  return provinceUnits.some(
    (unit) => unit.kind === 'coordinator' && unit.provinceCode === province.provinceCode && holdsRole(roles, 'coordinator', unit),
  );
}

/** A unit's own people see its names, as does whoever may read the province's list. */
export function mayReadUnitStaff(
  roles: readonly RoleAssignment[],
  unit: Pick<OrgUnit, 'code' | 'provinceCode'>,
  provinceUnits: readonly Pick<OrgUnit, 'code' | 'provinceCode' | 'kind'>[],
): boolean {
  if (roles.some((assignment) => assignment.unitCode === unit.code)) return true;
  return mayReadProvinceStaff(roles, { code: unit.provinceCode, provinceCode: unit.provinceCode }, provinceUnits);
}
