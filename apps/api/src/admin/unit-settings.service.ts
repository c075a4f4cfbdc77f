import { Inject, Injectable } from '@nestjs/common';
import { validateOrgTree, type UnitSettings } from '@plancycle/domain';
import { OrgUnitRepository } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { badRequest, notFound } from '../common/api-exception';
import type { UpdateUnitSettingsDto } from './dtos/update-unit-settings.dto';

@Injectable()
export class UnitSettingsService {
  constructor(
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
  ) {}

  /**
   * Applies a partial change to one unit's settings. The whole province is checked with the change
   * in place, since a setting is only right relative to the other units (an appraiser that exists,
   * in the same province); a tree with any problem is refused and nothing is written.
   */
  async update(unitCode: string, change: UpdateUnitSettingsDto, admin: AuthenticatedUser) {
    const unit = await this.orgUnits.findByCode(unitCode);
    if (!unit) throw notFound('UNIT_NOT_FOUND', `Không tìm thấy đơn vị có mã "${unitCode}".`);
    await this.access.adminProvince(admin, unit.provinceCode, {
      unknownCode: 'PROVINCE_NOT_FOUND',
      onlyAdminMay: 'thay đổi cấu hình đơn vị của tỉnh',
    });
    // Undefined fields are "not sent": class fields may exist on the DTO instance without a value.
    const sent = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<UnitSettings>;
    if (Object.keys(sent).length === 0) {
      throw badRequest('UNIT_SETTINGS_EMPTY', 'Chưa có thay đổi nào: hãy gửi ít nhất một mục cấu hình.');
    }

    const settings: UnitSettings = { ...unit.settings, ...sent };
    const province = (await this.orgUnits.listProvinceUnits(unit.provinceCode)).map((candidate) =>
      candidate.code === unit.code ? { ...candidate, settings } : candidate,
    );
    const problems = validateOrgTree(province);
    if (problems.length > 0) throw badRequest(problems[0].code, problems[0].message, { problems });

    await this.orgUnits.updateSettings(unit.code, settings);
    return { code: unit.code, name: unit.name, kind: unit.kind, settings };
  }
}
