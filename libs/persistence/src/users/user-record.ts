import type { RoleAssignment } from '@plancycle/domain';

/** A user as the rest of the system sees it; the password hash leaves this library only to be verified. */
export interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  email: string;
  passwordHash: string;
  active: boolean;
  roles: RoleAssignment[];
}

export interface UpsertUserInput {
  username: string;
  fullName: string;
  email: string;
  passwordHash: string;
  active?: boolean;
  /** The complete set: roles not listed here are removed. */
  roles: readonly RoleAssignment[];
}

/** What an admin's user list shows: no password hash, roles limited to the units asked about. */
export type UserSummary = Omit<UserRecord, 'passwordHash'>;

export interface CreateUserInput {
  username: string;
  fullName: string;
  email: string;
  passwordHash: string;
  roles: readonly RoleAssignment[];
}
