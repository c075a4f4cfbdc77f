import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { validateGuidance, vietnamDateOf } from '@plancycle/domain';
import { CycleRepository, GuidanceRepository, type GuidanceRecord } from '@plancycle/persistence';
import { guidanceRecordedSignal } from '@plancycle/workflows';
import { TemporalClientService } from '../temporal/temporal-client.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { ApiException, badRequest, forbidden, notFound } from '../common/api-exception';
import type { RecordGuidanceDto } from './dtos/record-guidance.dto';

@Injectable()
export class GuidancesService {
  private readonly logger = new Logger(GuidancesService.name);

  constructor(
    @Inject(GuidanceRepository) private readonly guidances: GuidanceRepository,
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
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
    await this.tellWaitingCycle(province.code, request.planYear);
    return recorded;
  }

  /**
   * A cycle started before its guidance waits for it. The signal is a nudge, not the record: a
   * cycle that misses it (Temporal unreachable for a moment) finds the guidance in the database
   * when it starts, so a failure here is logged and the guidance stays recorded.
   */
  private async tellWaitingCycle(provinceCode: string, planYear: number): Promise<void> {
    const cycle = await this.cycles.findByProvinceAndYear(provinceCode, planYear);
    if (!cycle || cycle.stage !== 'running') return;
    try {
      await this.temporal.client.workflow.getHandle(cycle.workflowId).signal(guidanceRecordedSignal);
    } catch (error) {
      this.logger.warn(`Could not tell cycle ${cycle.id} about its guidance: ${String(error)}`);
    }
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
