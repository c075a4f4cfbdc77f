import { Module } from '@nestjs/common';
import { PlansModule } from '../../plans/plans.module';
import { ReportsModule } from '../../reports/reports.module';
import { CycleDashboardController } from './cycle-dashboard.controller';
import { CycleDashboardService } from './cycle-dashboard.service';

/** The coordinator's and the province's view of a cycle. */
@Module({
  imports: [PlansModule, ReportsModule],
  controllers: [CycleDashboardController],
  providers: [CycleDashboardService],
})
export class DashboardPagesModule {}
