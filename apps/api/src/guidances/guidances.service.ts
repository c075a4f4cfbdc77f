import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { validateGuidance, vietnamDateOf } from '@plancycle/domain';
import { GuidanceRepository, type GuidanceRecord } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { ApiException, badRequest, forbidden, notFound } from '../common/api-exception';
import type { RecordGuidanceDto } from './dtos/record-guidance.dto';

@Injectable()
export class GuidancesService {
  constructor(
    @Inject(GuidanceRepository) private readonly guidances: GuidanceRepository,
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
  ) {}

  /** An admin of the province records the letter it received; everything is checked before the one insert. */
  async record(request: RecordGuidanceDto, user: AuthenticatedUser): Promise<GuidanceRecord> {
    const province = await this.access.adminProvince(user, request.provinceCode, {
      unknownCode: 'GUIDANCE_PROVINCE_UNKNOWN',
      onlyAdminMay: 'nhập văn bản hướng dẫn',
    });
    const problems = validateGuidance(request, vietnamDateOf(new Date().toISOString()));
    if (problems.length > 0) throw badRequest(problems[0].code, problems[0].message, { problems });

    const recorded = await this.guidances.record(request, user.id);
    if (!recorded) {
      throw new ApiException(HttpStatus.CONFLICT, 'GUIDANCE_DUPLICATE', `${province.name} đã nhập văn bản số ${request.documentNumber}.`);
    }
    return recorded;
  }

  async list(provinceCode: string, planYear: number | undefined, user: AuthenticatedUser): Promise<GuidanceRecord[]> {
    if (!(await this.access.belongsTo(user, provinceCode))) throw forbidden('Bạn không thuộc tỉnh này.');
    return this.guidances.listForProvince(provinceCode, planYear);
  }

  /** Another province's letter answers like a missing one. */
  async get(id: string, user: AuthenticatedUser): Promise<GuidanceRecord> {
    const guidance = await this.guidances.findById(id);
    if (!guidance || !(await this.access.belongsTo(user, guidance.provinceCode))) {
      throw notFound('GUIDANCE_NOT_FOUND', 'Không tìm thấy văn bản hướng dẫn trong các tỉnh bạn được xem.');
    }
    return guidance;
  }
}
