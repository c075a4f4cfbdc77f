import { ROLE_LABELS, type OrgUnit } from '@plancycle/domain';
import type { UserSummary } from '@plancycle/persistence';

/** An account as the admin's screen shows it: labels in Vietnamese, never the password hash. */
export function presentUser(user: UserSummary, units: ReadonlyMap<string, OrgUnit>) {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    active: user.active,
    roles: user.roles.map((assignment) => ({
      role: assignment.role,
      roleLabel: ROLE_LABELS[assignment.role],
      unitCode: assignment.unitCode,
      unitName: units.get(assignment.unitCode)?.name ?? assignment.unitCode,
    })),
  };
}

export type UserView = ReturnType<typeof presentUser>;
