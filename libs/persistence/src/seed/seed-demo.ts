import type { DataSource } from 'typeorm';
import { DomainError, validateOrgTree, vietnamDateOf, type OrgUnit, type RoleAssignment } from '@plancycle/domain';
import { OrgUnitRepository } from '../org-units/org-unit.repository';
import { hashPassword } from '../users/password';
import { UserRepository } from '../users/user.repository';
import { WorkCalendarRepository } from '../work-calendar/work-calendar.repository';
import { DEMO_PASSWORD, DEMO_USERS, demoEmail } from './demo-users';
import { demoProvinces } from './demo-province';

export interface SeedDemoResult {
  provinces: string[];
  users: Array<{ username: string; password: string; fullName: string; roles: RoleAssignment[] }>;
}

/** Refuses to write a province whose tree the domain would reject. */
export function assertValidProvince(units: readonly OrgUnit[]): void {
  const problems = validateOrgTree(units);
  if (problems.length > 0) {
    throw new DomainError(
      'SEED_ORG_TREE_INVALID',
      `Dữ liệu mẫu của tỉnh ${units[0]?.provinceCode ?? '?'} không hợp lệ: ${problems.map((problem) => problem.message).join(' ')}`,
      { problems },
    );
  }
}

/**
 * Loads the demo provinces, users and this year's days off (±1 year). Safe to run any number of
 * times: it only adds what is missing, so units, users and days an admin has edited, deactivated
 * or deleted-and-recreated stay as the admin left them.
 */
export async function seedDemo(ds: DataSource): Promise<SeedDemoResult> {
  const provinces = demoProvinces();
  provinces.forEach(assertValidProvince);

  await ds.transaction(async (manager) => {
    await new OrgUnitRepository(manager).insertMissing(provinces.flat());

    const users = new UserRepository(manager);
    for (const demo of DEMO_USERS) {
      if (await users.findByUsername(demo.username)) continue;
      await users.upsertUser({
        username: demo.username,
        fullName: demo.fullName,
        email: demoEmail(demo.username),
        passwordHash: await hashPassword(DEMO_PASSWORD),
        active: true,
        roles: demo.roles,
      });
    }

    const year = Number(vietnamDateOf(new Date().toISOString()).slice(0, 4));
    await new WorkCalendarRepository(manager).seedBaseline([year - 1, year, year + 1]);
  });

  return {
    provinces: provinces.map((units) => units[0].provinceCode),
    users: DEMO_USERS.map((demo) => ({ username: demo.username, password: DEMO_PASSWORD, fullName: demo.fullName, roles: demo.roles })),
  };
}
