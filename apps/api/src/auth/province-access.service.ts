import { Inject, Injectable } from '@nestjs/common';
import { holdsRole, type OrgUnit } from '@plancycle/domain';
import { CycleRepository, OrgUnitRepository, type CycleRecord } from '@plancycle/persistence';
import { badRequest, forbidden, notFound } from '../common/api-exception';
import type { AuthenticatedUser } from './authenticated-user';

/** Which provinces a user belongs to, through the units their roles are held on. */
@Injectable()
export class ProvinceAccessService {
  constructor(
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
  ) {}

  async provincesOf(user: AuthenticatedUser): Promise<Set<string>> {
    const units = await Promise.all(user.roles.map((role) => this.orgUnits.findByCode(role.unitCode)));
    return new Set(units.flatMap((unit) => (unit ? [unit.provinceCode] : [])));
  }

  /**
   * The province named in a request, when the user is its admin: 400 `unknownCode` for a code that
   * names no province, 403 saying what only its admin may do otherwise.
   */
  async adminProvince(user: AuthenticatedUser, provinceCode: string, refusal: { unknownCode: string; onlyAdminMay: string }): Promise<OrgUnit> {
    const province = await this.orgUnits.findByCode(provinceCode);
    if (!province || province.kind !== 'province') throw badRequest(refusal.unknownCode, `Không tìm thấy tỉnh có mã "${provinceCode}".`);
    if (!holdsRole(user.roles, 'admin', province)) throw forbidden(`Chỉ quản trị viên của ${province.name} mới được ${refusal.onlyAdminMay}.`);
    return province;
  }

  async belongsTo(user: AuthenticatedUser, provinceCode: string): Promise<boolean> {
    return (await this.provincesOf(user)).has(provinceCode);
  }

  /** A cycle of one of the user's provinces; another province's cycle answers exactly like a missing one. */
  async readableCycle(cycleId: string, user: AuthenticatedUser): Promise<CycleRecord> {
    const cycle = await this.cycles.findById(cycleId);
    if (!cycle || !(await this.belongsTo(user, cycle.provinceCode))) {
      throw notFound('CYCLE_NOT_FOUND', `Không tìm thấy chu kỳ "${cycleId}" trong các tỉnh bạn được xem.`);
    }
    return cycle;
  }
}
