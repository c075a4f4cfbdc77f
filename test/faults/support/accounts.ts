import type { RoleAssignment } from '@plancycle/domain';
import { DEMO_PASSWORD, hashPassword, UserRepository } from '@plancycle/persistence';
import type { TestStack } from '../../support/stack';

/** An account of the test's own, with exactly these roles and the demo password. */
export async function createAccount(stack: TestStack, username: string, roles: readonly RoleAssignment[]): Promise<string> {
  const user = await new UserRepository(stack.dataSource).upsertUser({
    username,
    fullName: `Tài khoản kiểm thử ${username}`,
    email: `${username}@plancycle.local`,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    roles,
  });
  return user.id;
}
