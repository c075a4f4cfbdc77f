import { Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendFile } from '../../documents/documents.controller';
import { DocumentsService } from '../../documents/documents.service';
import { Web, WebController, type WebContext } from '../session/web-context';

/** Report files for the web app's session (the plan's are on the plan page's controller). */
@WebController('')
export class DownloadsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get('reports/:id/lines.xlsx')
  async reportLines(@Web() context: WebContext, @Param('id') id: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.documents.reportLinesXlsx(id, context.user));
  }

  @Get('cycles/:cycleId/reports.xlsx')
  async cycleReports(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.documents.cycleReportsXlsx(cycleId, context.user));
  }
}
