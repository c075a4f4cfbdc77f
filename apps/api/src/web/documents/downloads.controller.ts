import { Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { formatOf, sendFile, versionOf } from '../../documents/documents.controller';
import { DocumentsService } from '../../documents/documents.service';
import { Web, WebController, type WebContext } from '../session/web-context';

/** Plan and report files for the web app's session (a plan's Excel is on the plan page's controller). */
@WebController('')
export class DownloadsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get('reports/:id/document/:format')
  async reportDocument(@Web() context: WebContext, @Param('id') id: string, @Param('format') format: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.documents.reportDocumentFile(id, formatOf(format), context.user));
  }

  @Get('cycles/:cycleId/units/:unitCode/plan/document/:format')
  async unitPlanDocument(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Param('format') format: string, @Query('version') version: string | undefined, @Res() response: Response): Promise<void> {
    sendFile(response, await this.documents.planDocumentFile(cycleId, { kind: 'unit', unitCode }, versionOf(version), formatOf(format), context.user));
  }

  @Get('cycles/:cycleId/provincial-plan/document/:format')
  async provincialPlanDocument(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Param('format') format: string, @Query('version') version: string | undefined, @Res() response: Response): Promise<void> {
    sendFile(response, await this.documents.planDocumentFile(cycleId, { kind: 'provincial' }, versionOf(version), formatOf(format), context.user));
  }

  @Get('reports/:id/lines.xlsx')
  async reportLines(@Web() context: WebContext, @Param('id') id: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.documents.reportLinesXlsx(id, context.user));
  }

  @Get('cycles/:cycleId/reports.xlsx')
  async cycleReports(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.documents.cycleReportsXlsx(cycleId, context.user));
  }
}
