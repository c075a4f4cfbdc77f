import { Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dashboardText } from '../i18n/dashboard.messages';
import { Web, WebController, type WebContext } from '../session/web-context';
import { stageFilter } from './cycle-dashboard.model';
import { CycleDashboardService } from './cycle-dashboard.service';
import { cycleDashboardPage } from './cycle-dashboard.view';
import { cycleListPage } from './cycle-list.view';
import { unitTableCsv } from './unit-table.csv';

/** The cycles of the user's provinces and each cycle's dashboard (a cycle of another province is a 404). */
@WebController('cycles')
export class CycleDashboardController {
  constructor(@Inject(CycleDashboardService) private readonly dashboards: CycleDashboardService) {}

  @Get()
  async list(@Web() context: WebContext, @Res() response: Response): Promise<void> {
    response.type('html').send(cycleListPage(context, await this.dashboards.list(context.user)));
  }

  @Get(':id')
  async dashboard(@Web() context: WebContext, @Param('id') id: string, @Query('stage') stage: unknown, @Res() response: Response): Promise<void> {
    const dashboard = await this.dashboards.dashboard(id, context.user);
    response.type('html').send(cycleDashboardPage(context, dashboard, stageFilter(stage)));
  }

  @Get(':id/export.csv')
  async exportCsv(@Web() context: WebContext, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const { cycle, units } = await this.dashboards.unitTable(id, context.user);
    // The id is a province code and a year; anything else is dropped rather than put in a header.
    const fileName = dashboardText(context.locale).csvFileName(cycle.id.replace(/[^A-Za-z0-9._-]/g, '_'));
    response
      .set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' })
      .send(unitTableCsv(units, context.locale));
  }

  /** Polled by the dashboard's script while the cycle's unit workflows start. */
  @Get(':id/progress.json')
  async progress(@Web() context: WebContext, @Param('id') id: string, @Res() response: Response): Promise<void> {
    response.set('cache-control', 'no-store').json(await this.dashboards.progress(id, context.user));
  }
}
