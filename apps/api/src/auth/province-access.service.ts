import { Inject, Injectable } from '@nestjs/common';
import { OrgUnitRepository } from '@plancycle/persistence';
import type { AuthenticatedUser } from './authenticated-user';

/** Which provinces a user belongs to, through the units their roles are held on. */
@Injectable()
export class ProvinceAccessService {
  constructor(@Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository) {}

  async provincesOf(user: AuthenticatedUser): Promise<Set<string>> {
    const units = await Promise.all(user.roles.map((role) => this.orgUnits.findByCode(role.unitCode)));
    return new Set(units.flatMap((unit) => (unit ? [unit.provinceCode] : [])));
  }

  async belongsTo(user: AuthenticatedUser, provinceCode: string): Promise<boolean> {
    return (await this.provincesOf(user)).has(provinceCode);
  }
}
