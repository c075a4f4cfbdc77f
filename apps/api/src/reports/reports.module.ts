import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportRepository } from '@plancycle/persistence';
import { PlansModule } from '../plans/plans.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Quarterly, annual, ad-hoc and provincial reports. */
@Module({
  imports: [PlansModule],
  controllers: [ReportsController],
  providers: [ReportsService, { provide: ReportRepository, inject: [DataSource], useFactory: (ds: DataSource) => new ReportRepository(ds) }],
  exports: [ReportsService, ReportRepository],
})
export class ReportsModule {}
