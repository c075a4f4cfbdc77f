import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { OrgUnit, RoleAssignment } from '@plancycle/domain';
import { hashPassword, OrgUnitRepository, UserRepository, type UserRecord } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { ApiException, badRequest, notFound } from '../common/api-exception';
import type { CreateUserDto } from './dtos/create-user.dto';
import { presentUser, type UserView } from './user.presenter';

/** One province as the admin manages it: the province unit and every unit in it by code. */
interface ManagedProvince {
  province: OrgUnit;
  units: Map<string, OrgUnit>;
}

const REFUSAL = { unknownCode: 'PROVINCE_NOT_FOUND', onlyAdminMay: 'quản lý tài khoản người dùng của tỉnh' };

/**
 * Accounts of one province, managed by its admin. Every check runs before the first write, so a
 * refused request leaves the database as it was.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async list(provinceCode: string, admin: AuthenticatedUser): Promise<UserView[]> {
    const managed = await this.managedProvince(provinceCode, admin);
    const users = await this.users.listHoldingRolesOn([...managed.units.keys()]);
    return users.map((user) => presentUser(user, managed.units));
  }

  async create(provinceCode: string, body: CreateUserDto, admin: AuthenticatedUser): Promise<UserView> {
    const managed = await this.managedProvince(provinceCode, admin);
    const roles = checkRoles(body.roles, managed);
    if (await this.users.findByUsername(body.username)) throw userExists(body.username);

    const created = await this.users.createUser({
      username: body.username,
      fullName: body.fullName.trim(),
      email: body.email,
      passwordHash: await hashPassword(body.password),
      roles,
    });
    // Null only when another request took the name between the check above and the insert.
    if (!created) throw userExists(body.username);
    return this.view(created, managed);
  }

  async replaceRoles(provinceCode: string, username: string, roles: readonly RoleAssignment[], admin: AuthenticatedUser): Promise<UserView> {
    const managed = await this.managedProvince(provinceCode, admin);
    const wanted = checkRoles(roles, managed);
    const user = await this.provinceUser(username, managed);
    await this.users.replaceRolesWithin(user.id, [...managed.units.keys()], wanted);
    return this.view((await this.users.findById(user.id))!, managed);
  }

  async setActive(provinceCode: string, username: string, active: boolean, admin: AuthenticatedUser): Promise<UserView> {
    const managed = await this.managedProvince(provinceCode, admin);
    const user = await this.provinceUser(username, managed);
    // The last admin locking themselves out would leave the province with nobody to undo it.
    if (!active && user.id === admin.id) {
      throw new ApiException(HttpStatus.CONFLICT, 'USER_SELF_DEACTIVATE', 'Bạn không thể tự khóa tài khoản của chính mình.');
    }
    await this.users.setActive(user.id, active);
    return this.view({ ...user, active }, managed);
  }

  private async managedProvince(provinceCode: string, admin: AuthenticatedUser): Promise<ManagedProvince> {
    const province = await this.access.adminProvince(admin, provinceCode, REFUSAL);
    const units = await this.orgUnits.listProvinceUnits(province.code);
    return { province, units: new Map(units.map((unit) => [unit.code, unit])) };
  }

  /** An account is this admin's to change only while it holds a role in the province. */
  private async provinceUser(username: string, managed: ManagedProvince): Promise<UserRecord> {
    const user = await this.users.findByUsername(username);
    if (!user || !user.roles.some((assignment) => managed.units.has(assignment.unitCode))) {
      throw notFound('USER_NOT_FOUND', `Không có tài khoản "${username}" trong ${managed.province.name}.`);
    }
    return user;
  }

  private view(user: UserRecord, managed: ManagedProvince): UserView {
    const roles = user.roles.filter((assignment) => managed.units.has(assignment.unitCode));
    return presentUser({ ...user, roles }, managed.units);
  }
}

/** Every role on a unit of this province, `admin` on the province unit only; duplicates collapse. */
function checkRoles(roles: readonly RoleAssignment[], managed: ManagedProvince): RoleAssignment[] {
  for (const { role, unitCode } of roles) {
    if (!managed.units.has(unitCode)) {
      throw badRequest('USER_ROLE_UNIT_UNKNOWN', `Không có đơn vị mã "${unitCode}" trong ${managed.province.name}.`);
    }
    if (role === 'admin' && unitCode !== managed.province.code) {
      throw badRequest('USER_ADMIN_UNIT_INVALID', `Vai trò quản trị chỉ được đặt trên chính đơn vị tỉnh (${managed.province.code}).`);
    }
  }
  const unique = new Map(roles.map(({ role, unitCode }) => [`${unitCode}|${role}`, { role, unitCode }]));
  return [...unique.values()];
}

const userExists = (username: string) =>
  new ApiException(HttpStatus.CONFLICT, 'USER_EXISTS', `Tên đăng nhập "${username}" đã được dùng; hãy chọn tên khác.`);
