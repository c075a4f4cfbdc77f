import { Inject, Injectable } from '@nestjs/common';
import { aggregateAnnualReports, provincialReportChain, unitReportChain, type AnnualAggregate, type ReportChain } from '@plancycle/domain';
import { AuditRepository, CycleRepository, OrgUnitRepository, type AuditEventRecord, type CycleRecord, type ReportRecord } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { notFound } from '../../common/api-exception';
import { ReportsService } from '../../reports/reports.service';

export type ReportView = Awaited<ReturnType<ReportsService['get']>>;
export type ReportListEntry = Awaited<ReturnType<ReportsService['listForCycle']>>[number];

/** One participating unit in the provincial report: its annual report and what it adds. */
export interface AggregationRow {
  unitCode: string;
  unitName: string;
  annualReport: ReportListEntry | null;
  /** Only for an accepted annual report: what the coordinator aggregates. */
  figures: AnnualAggregate | null;
  /** Counted in the figures stored when the provincial report opened. */
  counted: boolean;
}

export interface Aggregation {
  /** As the workflow aggregated it when the provincial report opened (null for an older report). */
  totals: AnnualAggregate | null;
  rows: AggregationRow[];
  missingUnits: Array<{ code: string; name: string }>;
}

export interface ReportPageData {
  report: ReportView;
  cycle: CycleRecord;
  history: AuditEventRecord[];
  /** The writer may save and send now. */
  canWrite: boolean;
  /** The reviewer (the unit's leader in charge, or the province's approver) may decide now. */
  canReview: boolean;
  aggregation: Aggregation | null;
}

/**
 * What a report page shows, read through ReportsService (which decides who may see the report) and
 * the repositories for the rest. Whether the forms show is only a courtesy: the service and the
 * report's workflow still decide on every post.
 */
@Injectable()
export class ReportPageService {
  constructor(
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {}

  async load(id: string, user: AuthenticatedUser): Promise<ReportPageData> {
    const report = await this.reports.get(id, user);
    const cycle = await this.cycles.findById(report.cycleId);
    if (!cycle) throw notFound('REPORT_NOT_FOUND', `Không tìm thấy báo cáo "${id}" trong các tỉnh bạn được xem.`);
    const units = await this.orgUnits.listProvinceUnits(cycle.provinceCode);
    const chain = this.chainOf(report, units);
    const holds = (unitCode: string, roles: readonly string[]) => user.roles.some((role) => role.unitCode === unitCode && roles.includes(role.role));
    return {
      report,
      cycle,
      history: await this.audit.listForReport(report),
      canWrite: report.stage === 'writing' && holds(chain.writerUnitCode, chain.writerRoles),
      canReview: report.stage === 'review' && holds(chain.reviewerUnitCode, chain.reviewerRoles),
      aggregation: report.kind === 'provincial' ? await this.aggregation(report, cycle, new Map(units.map((unit) => [unit.code, unit.name])), user) : null,
    };
  }

  /** The same chain ReportsService and the workflow use: the coordinator writes the provincial report. */
  private chainOf(report: ReportRecord, units: ReadonlyArray<{ code: string; kind: string }>): ReportChain {
    if (report.kind !== 'provincial') return unitReportChain(report.unitCode);
    return provincialReportChain(report.unitCode, units.find((unit) => unit.kind === 'coordinator')?.code ?? '');
  }

  /** Each participating unit's annual report, its figures when accepted, and who is missing. */
  private async aggregation(report: ReportRecord, cycle: CycleRecord, names: Map<string, string>, user: AuthenticatedUser): Promise<Aggregation> {
    const annual = new Map((await this.reports.listForCycle(cycle.id, undefined, user)).filter((entry) => entry.kind === 'annual').map((entry) => [entry.unitCode, entry]));
    const missing = new Set(report.aggregate?.missingUnitCodes ?? []);
    const rows = cycle.units.map((unit): AggregationRow => {
      const annualReport = annual.get(unit.unitCode) ?? null;
      const accepted = annualReport?.stage === 'accepted';
      return {
        unitCode: unit.unitCode,
        unitName: unit.unitName,
        annualReport,
        figures: accepted ? aggregateAnnualReports([unit.unitCode], [{ unitCode: unit.unitCode, content: annualReport.content }]) : null,
        counted: report.aggregate !== null && !missing.has(unit.unitCode),
      };
    });
    return {
      totals: report.aggregate,
      rows,
      missingUnits: [...missing].map((code) => ({ code, name: names.get(code) ?? code })),
    };
  }
}
