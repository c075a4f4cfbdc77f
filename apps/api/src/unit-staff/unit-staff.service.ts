import { Inject, Injectable } from '@nestjs/common';
import {
  ROLE_LABELS,
  mayAssignStaff,
  mayReadProvinceStaff,
  mayReadUnitStaff,
  namesStaff,
  normalizeStaffMember,
  type OrgUnit,
  type StaffRole,
} from '@plancycle/domain';
import { OrgUnitRepository, UnitStaffRepository, UserRepository } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { badRequest, forbidden, notFound } from '../common/api-exception';
import type { AssignStaffDto } from './dtos/assign-staff.dto';
import { presentProvinceStaff, presentUnitStaff, type UnitStaffView } from './unit-staff.presenter';

@Injectable()
export class UnitStaffService {
  constructor(
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(UnitStaffRepository) private readonly staff: UnitStaffRepository,
  ) {}

  /**
   * Names the unit's leader in charge or officer, replacing the earlier name. Checks run in the
   * order a caller can act on them (which unit, may I, is my form right) and all before the write.
   */
  async assign(unitCode: string, role: StaffRole, body: AssignStaffDto, user: AuthenticatedUser): Promise<UnitStaffView> {
    const unit = await this.planningUnit(unitCode);
    if (!mayAssignStaff(user.roles, unit)) {
      throw forbidden(`Chỉ lãnh đạo phụ trách của ${unit.name} hoặc quản trị viên của tỉnh mới được cử ${ROLE_LABELS[role].toLowerCase()}.`);
    }
    const { member, problems } = normalizeStaffMember(body);
    if (problems.length > 0) throw badRequest(problems[0].code, problems[0].message, { problems });
    const userId = body.username ? await this.provinceUserId(body.username, unit) : null;

    await this.staff.assign({ unitCode: unit.code, role, ...member, userId, updatedBy: user.id });
    return presentUnitStaff((await this.staff.forUnit(unit.code))!);
  }

  async forUnit(unitCode: string, user: AuthenticatedUser): Promise<UnitStaffView> {
    const unit = await this.planningUnit(unitCode);
    if (!mayReadUnitStaff(user.roles, unit, await this.orgUnits.listProvinceUnits(unit.provinceCode))) {
      throw forbidden(`Chỉ người của ${unit.name}, cơ quan điều phối và quản trị viên của tỉnh mới xem được danh sách này.`);
    }
    return presentUnitStaff((await this.staff.forUnit(unit.code))!);
  }

  async forProvince(provinceCode: string, user: AuthenticatedUser) {
    const province = await this.orgUnits.findByCode(provinceCode);
    if (!province || province.kind !== 'province') throw notFound('PROVINCE_NOT_FOUND', `Không tìm thấy tỉnh có mã "${provinceCode}".`);
    if (!mayReadProvinceStaff(user.roles, province, await this.orgUnits.listProvinceUnits(province.code))) {
      throw forbidden(`Chỉ cơ quan điều phối và quản trị viên của ${province.name} mới xem được danh sách cán bộ của tỉnh.`);
    }
    return presentProvinceStaff(province, await this.staff.listForProvince(province.code));
  }

  private async planningUnit(unitCode: string): Promise<OrgUnit> {
    const unit = await this.orgUnits.findByCode(unitCode);
    if (!unit) throw notFound('UNIT_NOT_FOUND', `Không tìm thấy đơn vị có mã "${unitCode}".`);
    if (!namesStaff(unit)) {
      throw badRequest(
        'STAFF_UNIT_NOT_PLANNING',
        `${unit.name} không xây dựng kế hoạch riêng nên không cử lãnh đạo phụ trách và cán bộ kiêm nhiệm.`,
      );
    }
    return unit;
  }

  /** The account must belong to the unit's province: a name from elsewhere is a typo, not a link. */
  private async provinceUserId(username: string, unit: OrgUnit): Promise<string> {
    const account = await this.users.findByUsername(username);
    const provinceUnits = new Set((await this.orgUnits.listProvinceUnits(unit.provinceCode)).map((candidate) => candidate.code));
    if (!account || !account.active || !account.roles.some((assignment) => provinceUnits.has(assignment.unitCode))) {
      throw badRequest('STAFF_USER_UNKNOWN', `Không có tài khoản "${username}" đang hoạt động trong tỉnh của ${unit.name}.`);
    }
    return account.id;
  }
}
