import { Module } from '@nestjs/common';
import { PlansModule } from '../../plans/plans.module';
import { ReportsModule } from '../../reports/reports.module';
import { ReportPageService } from './report-page.service';
import { ReportPagesController } from './report-pages.controller';

/** Quarterly, annual, ad-hoc and provincial reports in the browser. */
@Module({
  imports: [ReportsModule, PlansModule],
  controllers: [ReportPagesController],
  providers: [ReportPageService],
})
export class ReportsPagesModule {}
