import { Controller, Get, Inject, Param, Post, Query, Res, UploadedFile, UseInterceptors, Body } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { badRequest } from '../common/api-exception';
import type { PlanRef } from '../plans/plans.service';
import { DocumentsService, type DocumentFormat, type DownloadFile } from './documents.service';

/** Sends a file to save, under a name that keeps its Vietnamese-free spelling in every browser. */
export function sendFile(response: Response, file: DownloadFile): void {
  response.set({ 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' });
  response.send(file.buffer);
}

/** `?version=2`, or the newest version when absent. */
export function versionOf(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1 || version > 10_000) throw badRequest('PLAN_VERSION_INVALID', 'Phiên bản (version) phải là số nguyên dương.');
  return version;
}

/** What the upload interceptor hands over: the file's bytes, kept in memory. */
type UploadedExcel = { buffer: Buffer };

/** `docx` or `pdf`, or a 400 naming them. */
export function formatOf(value: string): DocumentFormat {
  if (value === 'docx' || value === 'pdf') return value;
  throw badRequest('DOCUMENT_FORMAT_INVALID', 'Định dạng tài liệu phải là docx hoặc pdf.');
}

/** Excel workbooks are small: a plan of 500 rows is well under a megabyte. */
export const UPLOAD_LIMITS = { fileSize: 5 * 1024 * 1024, files: 1 };

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get('cycles/:cycleId/units/:unitCode/plan/document/:format')
  @ApiOperation({ summary: 'Kế hoạch của đơn vị theo thể thức NĐ 30/2020 (docx hoặc pdf); bản dự thảo để trống số và ngày' })
  async unitPlanDocument(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Param('format') format: string, @Query('version') version: string | undefined, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendFile(response, await this.documents.planDocumentFile(cycleId, { kind: 'unit', unitCode }, versionOf(version), formatOf(format), user));
  }

  @Get('cycles/:cycleId/provincial-plan/document/:format')
  @ApiOperation({ summary: 'Kế hoạch của tỉnh theo thể thức NĐ 30/2020 (docx hoặc pdf)' })
  async provincialPlanDocument(@Param('cycleId') cycleId: string, @Param('format') format: string, @Query('version') version: string | undefined, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendFile(response, await this.documents.planDocumentFile(cycleId, { kind: 'provincial' }, versionOf(version), formatOf(format), user));
  }

  @Get('reports/:id/document/:format')
  @ApiOperation({ summary: 'Báo cáo theo thể thức NĐ 30/2020 (docx hoặc pdf)' })
  async reportDocument(@Param('id') id: string, @Param('format') format: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendFile(response, await this.documents.reportDocumentFile(id, formatOf(format), user));
  }

  @Get('cycles/:cycleId/units/:unitCode/plan/items.xlsx')
  @ApiOperation({ summary: 'Các dòng của kế hoạch (phụ lục) dưới dạng Excel' })
  async unitPlanItems(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Query('version') version: string | undefined, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendFile(response, await this.documents.planItemsXlsx(cycleId, { kind: 'unit', unitCode }, versionOf(version), user));
  }

  @Get('cycles/:cycleId/provincial-plan/items.xlsx')
  @ApiOperation({ summary: 'Các dòng của kế hoạch của tỉnh dưới dạng Excel' })
  async provincialPlanItems(@Param('cycleId') cycleId: string, @Query('version') version: string | undefined, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendFile(response, await this.documents.planItemsXlsx(cycleId, { kind: 'provincial' }, versionOf(version), user));
  }

  @Get('cycles/:cycleId/reports.xlsx')
  @ApiOperation({ summary: 'Bảng tình hình báo cáo của chu kỳ dưới dạng Excel' })
  async cycleReports(@Param('cycleId') cycleId: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendFile(response, await this.documents.cycleReportsXlsx(cycleId, user));
  }

  @Get('reports/:id/lines.xlsx')
  @ApiOperation({ summary: 'Các dòng của một báo cáo dưới dạng Excel' })
  async reportLines(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response) {
    sendFile(response, await this.documents.reportLinesXlsx(id, user));
  }

  @Post('cycles/:cycleId/units/:unitCode/plan/draft/import')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Nhập các dòng của dự thảo từ tệp Excel theo mẫu phụ lục (tất cả hoặc không dòng nào)' })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  importUnit(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Body() body: Record<string, unknown>, @UploadedFile() file: UploadedExcel | undefined, @CurrentUser() user: AuthenticatedUser) {
    return this.import(cycleId, { kind: 'unit', unitCode }, body, file, user);
  }

  @Post('cycles/:cycleId/provincial-plan/draft/import')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Nhập các dòng của dự thảo kế hoạch tỉnh từ tệp Excel' })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  importProvincial(@Param('cycleId') cycleId: string, @Body() body: Record<string, unknown>, @UploadedFile() file: UploadedExcel | undefined, @CurrentUser() user: AuthenticatedUser) {
    return this.import(cycleId, { kind: 'provincial' }, body, file, user);
  }

  private import(cycleId: string, ref: PlanRef, body: Record<string, unknown>, file: UploadedExcel | undefined, user: AuthenticatedUser) {
    const version = versionOf(body.version);
    if (version === undefined) throw badRequest('PLAN_VERSION_INVALID', 'Cần gửi phiên bản (version) đang dự thảo.');
    return this.documents.importPlanItems(cycleId, ref, version, file?.buffer, user);
  }
}
