import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { planItemsWorkbook, readPlanItemsWorkbook, reportTableWorkbook } from '@plancycle/documents';
import { OrgUnitRepository } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { ApiException, badRequest, notFound } from '../common/api-exception';
import { PlansService, type PlanRef } from '../plans/plans.service';
import { ReportsService } from '../reports/reports.service';
import { SaveDraftDto } from '../plans/dtos/save-draft.dto';
import { createValidationPipe } from '../common/validation.pipe';

/** A file to send: its bytes, its type and the name the browser saves it under. */
export interface DownloadFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `Kế hoạch TTĐN xã Ia Dom` → `ke-hoach-ttdn-xa-ia-dom`: a file name every system keeps. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Plans and reports as the files officials download, and plan items read from a workbook. Access is
 * the plans' and reports' own (their services answer 404 alike for what is not the caller's).
 */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(PlansService) private readonly plans: PlansService,
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
  ) {}

  /** A version of a plan (the requested one, else the newest) with the names its rows print. */
  async planVersion(cycleId: string, ref: PlanRef, version: number | undefined, user: AuthenticatedUser) {
    const view = await this.plans.view(cycleId, ref, user);
    const chosen = version === undefined ? view.versions[view.versions.length - 1] : view.versions.find((candidate) => candidate.version === version);
    if (!chosen) throw notFound('PLAN_VERSION_NOT_FOUND', `Kế hoạch không có phiên bản ${version}.`);
    const cycle = await this.access.readableCycle(cycleId, user);
    const units = await this.orgUnits.listProvinceUnits(cycle.provinceCode);
    return { view, version: chosen, cycle, units, unitNames: new Map(units.map((unit) => [unit.code, unit.name])) };
  }

  async planItemsXlsx(cycleId: string, ref: PlanRef, version: number | undefined, user: AuthenticatedUser): Promise<DownloadFile> {
    const { view, version: chosen, cycle, unitNames } = await this.planVersion(cycleId, ref, version, user);
    const buffer = await planItemsWorkbook({
      title: `Danh mục nhiệm vụ thông tin đối ngoại năm ${cycle.year}`,
      unitName: view.plan.unitName,
      year: cycle.year,
      items: chosen.items,
      unitNames,
    });
    return { buffer, contentType: XLSX_TYPE, filename: `${fileSlug(`ke hoach ${view.plan.unitName} ${cycle.year} v${chosen.version}`)}.xlsx` };
  }

  /** A cycle's reports as one table: unit, period, stage, dates, and money spent. */
  async cycleReportsXlsx(cycleId: string, user: AuthenticatedUser): Promise<DownloadFile> {
    const reports = await this.reports.listForCycle(cycleId, undefined, user);
    const day = (instant: string | null) => (instant ? instant.slice(0, 10) : null);
    const buffer = await reportTableWorkbook({
      title: `Tình hình báo cáo chu kỳ ${cycleId}`,
      columns: [
        { header: 'Đơn vị', key: 'unit', width: 40 },
        { header: 'Loại báo cáo', key: 'kind', width: 22 },
        { header: 'Trạng thái', key: 'stage', width: 16 },
        { header: 'Hạn gửi', key: 'due', width: 14 },
        { header: 'Ngày gửi', key: 'submitted', width: 14 },
        { header: 'Ngày chấp nhận', key: 'accepted', width: 14 },
        { header: 'Kinh phí đã sử dụng (đồng)', key: 'spent', width: 22, numFmt: '#,##0' },
      ],
      rows: reports.map((report) => ({
        unit: report.unitName,
        kind: report.kind === 'quarterly' ? `Quý ${report.quarter}` : report.kind === 'annual' ? 'Năm' : report.kind === 'ad_hoc' ? `Đột xuất: ${report.title ?? ''}` : 'Tổng hợp của tỉnh',
        stage: report.stage,
        due: day(report.dueAt),
        submitted: day(report.submittedAt),
        accepted: day(report.acceptedAt),
        spent: report.content.lines.reduce((sum, line) => sum + (line.spent ?? 0), 0),
      })),
    });
    return { buffer, contentType: XLSX_TYPE, filename: `bao-cao-${fileSlug(cycleId)}.xlsx` };
  }

  /** One report's lines: the plan items of the period, their status, what was achieved and spent. */
  async reportLinesXlsx(reportId: string, user: AuthenticatedUser): Promise<DownloadFile> {
    const report = await this.reports.get(reportId, user);
    const buffer = await reportTableWorkbook({
      title: `${report.unitName}: ${report.title ?? (report.kind === 'quarterly' ? `báo cáo quý ${report.quarter}` : 'báo cáo năm')}`,
      columns: [
        { header: 'Stt', key: 'number', width: 6 },
        { header: 'Nội dung', key: 'content', width: 60 },
        { header: 'Tình trạng', key: 'status', width: 16 },
        { header: 'Kết quả', key: 'achieved', width: 50 },
        { header: 'Kinh phí đã sử dụng (đồng)', key: 'spent', width: 22, numFmt: '#,##0' },
      ],
      rows: report.content.lines.map((line, index) => ({ number: index + 1, content: line.content, status: line.status, achieved: line.achieved, spent: line.spent })),
    });
    return { buffer, contentType: XLSX_TYPE, filename: `${fileSlug(`bao cao ${report.unitName} ${report.kind}${report.quarter ? ` q${report.quarter}` : ''}`)}.xlsx` };
  }

  /**
   * Plan items from a workbook shaped like the appendix of seed 002, saved as the draft: all or
   * nothing. Any bad row refuses the whole file with every row's problem, and nothing is written.
   */
  async importPlanItems(cycleId: string, ref: PlanRef, version: number, file: Buffer | undefined, user: AuthenticatedUser) {
    if (!file || file.length === 0) throw badRequest('XLSX_FILE_MISSING', 'Chưa chọn tệp Excel (.xlsx) để nhập.');
    const { cycle, units } = await this.planVersion(cycleId, ref, undefined, user);
    const { items, problems } = await readPlanItemsWorkbook(file, { cycleYear: cycle.year, units });
    if (problems.length > 0) throw new ApiException(HttpStatus.BAD_REQUEST, problems[0].code, `Tệp Excel có ${problems.length} lỗi; chưa nhập dòng nào. ${problems[0].message}`, { problems });
    const body = (await createValidationPipe().transform({ version, items }, { type: 'body', metatype: SaveDraftDto })) as SaveDraftDto;
    return this.plans.saveDraft(cycleId, ref, body, user);
  }
}
