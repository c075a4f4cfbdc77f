import { DEFAULT_UNIT_SETTINGS, validateOrgTree, type OrgUnit } from '@plancycle/domain';
import { hashPassword, OrgUnitRepository, UserRepository } from '@plancycle/persistence';
import type { DataSource } from 'typeorm';

/** A unit added for a test or a benchmark, and the two people who act for it. */
export interface PlanningUnit {
  unitCode: string;
  /** Its plan's and reports' symbol, e.g. `KH-TN07`. */
  documentSymbol: string;
  /** Drafts, submits and writes reports (role officer). */
  officer: string;
  /** Approves its plan and accepts its reports (roles leader_in_charge and approver). */
  leader: string;
}

/**
 * Adds `count` departments to a province, each under the province like the seed's Sở: it drafts its
 * own plan, its leader approves and issues it (no appraisal), and an overdue task climbs to the
 * coordinator. Each gets an officer `cb.tnNN` and a leader `ld.tnNN` (password `plancycle`): the
 * demo seed has people for a few units only, and the fault suites and the benchmark want many units
 * acting at once. Units already there (from an earlier call) are kept as they are and returned too.
 */
export async function addPlanningUnits(dataSource: DataSource, provinceCode: string, count: number): Promise<PlanningUnit[]> {
  const orgUnits = new OrgUnitRepository(dataSource);
  const existing = await orgUnits.listProvinceUnits(provinceCode);
  const coordinator = existing.find((unit) => unit.kind === 'coordinator');
  if (!coordinator) throw new Error(`Province ${provinceCode} has no coordinator.`);
  const wanted = Array.from({ length: count }, (_, index): OrgUnit => {
    const number = String(index + 1).padStart(2, '0');
    return {
      code: `${provinceCode}.TN${number}`,
      provinceCode,
      parentCode: provinceCode,
      kind: 'department',
      name: `Đơn vị thử nghiệm ${number}`,
      settings: { ...DEFAULT_UNIT_SETTINGS, escalationUnitCode: coordinator.code, documentSymbol: `KH-TN${number}` },
    };
  });
  const existingCodes = new Set(existing.map((unit) => unit.code));
  const added = wanted.filter((unit) => !existingCodes.has(unit.code));
  const problems = validateOrgTree([...existing, ...added]);
  if (problems.length > 0) throw new Error(`The added units do not fit ${provinceCode}'s tree: ${problems.map((problem) => problem.message).join(' ')}`);
  await orgUnits.insertMissing(added);

  const users = new UserRepository(dataSource);
  const passwordHash = await hashPassword('plancycle');
  const loginOf = (unit: OrgUnit) => unit.code.slice(provinceCode.length + 1).toLowerCase();
  for (const unit of added) {
    const login = loginOf(unit);
    const person = (prefix: string, title: string) => ({ username: `${prefix}.${login}`, fullName: `${title} ${unit.name}`, email: `${prefix}.${login}@plancycle.local`, passwordHash });
    await users.upsertUser({ ...person('cb', 'Cán bộ'), roles: [{ role: 'officer', unitCode: unit.code }] });
    await users.upsertUser({ ...person('ld', 'Lãnh đạo'), roles: (['leader_in_charge', 'approver'] as const).map((role) => ({ role, unitCode: unit.code })) });
  }
  return wanted.map((unit) => ({ unitCode: unit.code, documentSymbol: unit.settings.documentSymbol as string, officer: `cb.${loginOf(unit)}`, leader: `ld.${loginOf(unit)}` }));
}
