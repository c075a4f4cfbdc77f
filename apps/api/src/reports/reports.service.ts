import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  annualCycleWorkflowId,
  holdsRole,
  isInstant,
  normalizeInstant,
  provincialReportChain,
  unitReportChain,
  validateReportContent,
  type ReportChain,
  type ReportDecision,
} from '@plancycle/domain';
import { CycleRepository, OrgUnitRepository, ReportRepository, TaskRepository, type ReportRecord } from '@plancycle/persistence';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { reportDecisionUpdate, requestAdHocReportsUpdate } from '@plancycle/workflows';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { ApiException, badRequest, notFound } from '../common/api-exception';
import { DecisionGateway } from '../plans/decision-gateway';
import { TemporalClientService } from '../temporal/temporal-client.service';
import type { ReportDecisionDto } from './dtos/report-decision.dto';
import type { ReportRequestDto } from './dtos/report-request.dto';

/** A report as the API shows it: the record, whether it is late, and the task it waits on. */
function present(report: ReportRecord, now = Date.now()) {
  const late = report.stage === 'writing' ? Date.parse(report.dueAt) < now : report.submittedAt !== null && report.submittedAt > report.dueAt;
  return { ...report, late };
}

/**
 * Reports over HTTP: the cycle's table, one report, the writer's content (saved any number of
 * times while writing), and decisions, which go to the report's workflow.
 */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(ReportRepository) private readonly reports: ReportRepository,
    @Inject(TaskRepository) private readonly tasks: TaskRepository,
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
    @Inject(DecisionGateway) private readonly decisions: DecisionGateway,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
  ) {}

  /**
   * Báo cáo đột xuất: the coordinator or the province's admin asks participating units for a report
   * with its own deadline. Each unit gets a report task; the cycle closes them with it.
   */
  async request(cycleId: string, body: ReportRequestDto, user: AuthenticatedUser) {
    const cycle = await this.access.readableCycle(cycleId, user);
    const province = { code: cycle.provinceCode, provinceCode: cycle.provinceCode };
    // The coordinator role counts on this province's coordinating unit only: one held on another
    // unit, or in another province, grants nothing here.
    const coordinators = (await this.orgUnits.listProvinceUnits(cycle.provinceCode)).filter((unit) => unit.kind === 'coordinator');
    if (!holdsRole(user.roles, 'admin', province) && !coordinators.some((unit) => holdsRole(user.roles, 'coordinator', unit))) {
      throw new ApiException(HttpStatus.FORBIDDEN, 'AUTH_FORBIDDEN', 'Chỉ cơ quan điều phối hoặc quản trị viên của tỉnh mới được yêu cầu báo cáo đột xuất.');
    }
    if (cycle.stage === 'closed') throw new ApiException(HttpStatus.CONFLICT, 'CYCLE_CLOSED', `Chu kỳ ${cycleId} đã đóng.`);
    const dueAt = this.futureInstant(body.dueAt, 'dueAt');
    const reviewDueAt = body.reviewDueAt === undefined ? dueAt : this.futureInstant(body.reviewDueAt, 'reviewDueAt');
    if (Date.parse(reviewDueAt) < Date.parse(dueAt)) throw badRequest('REPORT_REQUEST_DUE_INVALID', 'Hạn xem xét không được sớm hơn hạn gửi báo cáo.');
    const participants = new Set(cycle.units.map((unit) => unit.unitCode));
    const outsider = body.unitCodes.find((code) => !participants.has(code));
    if (outsider) throw badRequest('REPORT_REQUEST_UNITS_INVALID', `Đơn vị "${outsider}" không tham gia chu kỳ ${cycleId}.`);
    const requestId = randomUUID();
    try {
      const workflowIds = await this.temporal.client.workflow
        .getHandle(annualCycleWorkflowId(cycle.id))
        .executeUpdate(requestAdHocReportsUpdate, { args: [{ requestId, title: body.title.trim(), unitCodes: [...new Set(body.unitCodes)], dueAt, reviewDueAt }] });
      return { requestId, title: body.title.trim(), dueAt, reviewDueAt, workflowIds };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new ApiException(HttpStatus.CONFLICT, 'REPORT_REQUEST_REFUSED', error.cause?.message ?? error.message);
      throw error;
    }
  }

  private futureInstant(value: string, field: string): string {
    if (!isInstant(value)) throw badRequest('REPORT_REQUEST_DUE_INVALID', `${field} phải là ngày giờ có múi giờ, ví dụ 2027-07-20T17:00:00+07:00.`);
    if (Date.parse(value) <= Date.now()) throw badRequest('REPORT_REQUEST_DUE_INVALID', `${field} phải ở tương lai.`);
    return normalizeInstant(value);
  }

  async listForCycle(cycleId: string, unitCode: string | undefined, user: AuthenticatedUser) {
    const cycle = await this.access.readableCycle(cycleId, user);
    return (await this.reports.listForCycle(cycle.id, unitCode || undefined)).map((report) => present(report));
  }

  async get(id: string, user: AuthenticatedUser) {
    const report = await this.readable(id, user);
    const openTask = (await this.tasks.findOpenForPlan(report.planId, report.id)) ?? null;
    return { ...present(report), openTask };
  }

  /** The writer's draft: the lines of the plan items the report covers, and a summary. */
  async saveContent(id: string, body: unknown, user: AuthenticatedUser) {
    const report = await this.readable(id, user);
    const chain = await this.chainOf(report);
    const holds = user.roles.some((role) => role.unitCode === chain.writerUnitCode && chain.writerRoles.includes(role.role));
    if (!holds) throw new ApiException(HttpStatus.FORBIDDEN, 'AUTH_FORBIDDEN', 'Chỉ cán bộ hoặc lãnh đạo phụ trách của đơn vị lập báo cáo mới được soạn báo cáo.');
    const { content, problems } = validateReportContent(body, report.content.lines);
    if (!content) throw badRequest(problems[0].code, problems[0].message, { problems });
    if (!(await this.reports.saveContent(report.id, content))) {
      throw new ApiException(HttpStatus.CONFLICT, 'REPORT_NOT_WRITING', 'Báo cáo đã gửi đi; chỉ sửa được khi bị trả lại.');
    }
    return present((await this.reports.findById(report.id)) as ReportRecord);
  }

  async decide(id: string, body: ReportDecisionDto, user: AuthenticatedUser) {
    const report = await this.readable(id, user);
    const decision: ReportDecision = body.action === 'return' ? { action: 'return', reasons: body.comments ?? '' } : { action: body.action };
    return this.decisions.decide(report.workflowId, reportDecisionUpdate, {
      requestId: body.requestId ?? randomUUID(),
      decision,
      actor: { userId: user.id, roles: user.roles },
    });
  }

  /** Who writes the report: the unit's own people, or the coordinator's for the provincial report. */
  private async chainOf(report: ReportRecord): Promise<ReportChain> {
    if (report.kind !== 'provincial') return unitReportChain(report.unitCode);
    const coordinator = (await this.orgUnits.listProvinceUnits(report.unitCode)).find((unit) => unit.kind === 'coordinator');
    return provincialReportChain(report.unitCode, coordinator?.code ?? '');
  }

  /** Another province's report answers exactly like a missing one. */
  private async readable(id: string, user: AuthenticatedUser): Promise<ReportRecord> {
    const report = await this.reports.findById(id);
    const cycle = report && (await this.cycles.findById(report.cycleId));
    if (!report || !cycle || !(await this.access.belongsTo(user, cycle.provinceCode))) {
      throw notFound('REPORT_NOT_FOUND', `Không tìm thấy báo cáo "${id}" trong các tỉnh bạn được xem.`);
    }
    return report;
  }
}
