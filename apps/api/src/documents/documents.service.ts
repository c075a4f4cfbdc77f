import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DocumentFontMissing, planDocument, planItemsWorkbook, readPlanItemsWorkbook, renderDocx, renderPdf, reportDocument, reportPeriodLabel, reportTableWorkbook, type DocumentModel } from '@plancycle/documents';
import { GuidanceRepository, OrgUnitRepository, PlanRepository } from '@plancycle/persistence';
import { approverName, guidanceReference, issuerFacts, numberAndSymbol, provincialPlanBasis, reportDay } from './official-documents';
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
export const DOCUMENT_TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;
export type DocumentFormat = keyof typeof DOCUMENT_TYPES;

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
    @Inject(GuidanceRepository) private readonly guidances: GuidanceRepository,
    @Inject(PlanRepository) private readonly planRecords: PlanRepository,
  ) {}

  /**
   * A plan version as the paper its issuer signs (NĐ 30/2020): an issued version with its number and
   * day, a draft with both left blank as in seed 002.
   */
  async planDocumentFile(cycleId: string, ref: PlanRef, version: number | undefined, format: DocumentFormat, user: AuthenticatedUser): Promise<DownloadFile> {
    const { view, version: chosen, cycle, units, unitNames } = await this.planVersion(cycleId, ref, version, user);
    const issuer = units.find((unit) => unit.code === view.plan.unitCode);
    if (!issuer) throw notFound('PLAN_NOT_FOUND', 'Không tìm thấy đơn vị ban hành kế hoạch.');
    const [guidance] = await this.guidances.listForProvince(cycle.provinceCode, cycle.year);
    const provincial = ref.kind === 'unit' ? await this.planRecords.findForUnit(cycle.id, cycle.provinceCode, 'provincial') : null;
    const inForce = provincial?.versionInForce ? await this.planRecords.findVersion(provincial.id, provincial.versionInForce) : null;
    const basis = provincial ? provincialPlanBasis(provincial, inForce, cycle.year) : null;
    const facts = issuerFacts(issuer, units, approverName(view.audit, chosen.version));
    const model = planDocument({
      ...facts,
      ...numberAndSymbol(chosen, issuer.settings.documentSymbol ?? 'KH'),
      issuedOn: chosen.issuedOn,
      year: cycle.year,
      guidance: guidanceReference(guidance),
      otherBases: basis ? [basis] : [],
      items: chosen.items,
      unitNames,
    });
    return this.render(model, format, `ke hoach ${view.plan.unitName} ${cycle.year} v${chosen.version}`);
  }

  /** A report as the paper its unit sends (BÁO CÁO), with the province's aggregation for the provincial one. */
  async reportDocumentFile(reportId: string, format: DocumentFormat, user: AuthenticatedUser): Promise<DownloadFile> {
    const report = await this.reports.get(reportId, user);
    const cycle = await this.access.readableCycle(report.cycleId, user);
    const units = await this.orgUnits.listProvinceUnits(cycle.provinceCode);
    const issuer = units.find((unit) => unit.code === report.unitCode);
    if (!issuer) throw notFound('REPORT_NOT_FOUND', 'Không tìm thấy đơn vị gửi báo cáo.');
    const plan = await this.planRecords.findById(report.planId);
    const planVersion = plan && report.planVersion ? await this.planRecords.findVersion(plan.id, report.planVersion) : null;
    const reportSymbol = (issuer.settings.documentSymbol ?? 'KH').replace(/^KH/, 'BC');
    const model = reportDocument({
      ...issuerFacts(issuer, units, ''),
      kind: report.kind,
      periodLabel: report.kind === 'ad_hoc' ? (report.title ?? '') : reportPeriodLabel(cycle.year, report.quarter),
      year: cycle.year,
      symbol: reportSymbol.startsWith('BC') ? reportSymbol : `BC-${reportSymbol}`,
      number: null,
      issuedOn: reportDay(report.submittedAt),
      planReference: planVersion?.documentNumber && planVersion.issuedOn ? `Kế hoạch số ${planVersion.documentNumber} ngày ${planVersion.issuedOn.split('-').reverse().join('/')} của ${plan!.unitName}` : null,
      summary: report.content.summary,
      lines: report.content.lines.map(({ content, status, achieved, spent }) => ({ content, status, achieved, spent })),
      provincial: report.kind === 'provincial' ? await this.provincialSummary(report.cycleId, report.aggregate?.missingUnitCodes ?? [], units, user) : null,
      recipients: report.kind === 'provincial' ? ['Bộ Ngoại giao', 'Thường trực Tỉnh ủy', 'Lưu: VT'] : [`${units.find((unit) => unit.kind === 'coordinator')?.name ?? 'Cơ quan điều phối'}`, 'Lưu: VT'],
    });
    return this.render(model, format, `bao cao ${report.unitName} ${report.kind}${report.quarter ? ` q${report.quarter}` : ''} ${cycle.year}`);
  }

  /** Each unit's accepted annual report as a row of the province's report, and who sent none. */
  private async provincialSummary(cycleId: string, missingUnitCodes: readonly string[], units: ReadonlyArray<{ code: string; name: string }>, user: AuthenticatedUser) {
    const annual = (await this.reports.listForCycle(cycleId, undefined, user)).filter((report) => report.kind === 'annual' && report.stage === 'accepted');
    const nameOf = (code: string) => units.find((unit) => unit.code === code)?.name ?? code;
    return {
      units: annual.map((report) => ({
        unitName: report.unitName,
        itemsTotal: report.content.lines.length,
        itemsDone: report.content.lines.filter((line) => line.status === 'done').length,
        spent: report.content.lines.reduce((sum, line) => sum + (line.spent ?? 0), 0),
      })),
      missingUnits: missingUnitCodes.map(nameOf),
    };
  }

  private async render(model: DocumentModel, format: DocumentFormat, name: string): Promise<DownloadFile> {
    let buffer: Buffer;
    try {
      buffer = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    } catch (error) {
      // The server lacks the font the PDF embeds: the administrator's to fix, said plainly.
      if (error instanceof DocumentFontMissing) throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, 'DOCUMENT_FONT_MISSING', error.message);
      throw error;
    }
    return { buffer, contentType: DOCUMENT_TYPES[format], filename: `${fileSlug(name)}.${format}` };
  }

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
