import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PlansModule } from '../plans/plans.module';
import { DownloadsController } from './documents/downloads.controller';
import { AdminPagesModule } from './admin/admin-pages.module';
import { AssetsController, WebAssets } from './assets/assets.controller';
import { DashboardPagesModule } from './dashboard/dashboard-pages.module';
import { InboxController } from './inbox/inbox.controller';
import { PlanPagesModule } from './plan/plan-pages.module';
import { ReportsPagesModule } from './reports/reports-pages.module';
import { FrontDoorController, SessionController } from './session/session.controller';

/** The web app in Vietnamese (and English): pages over the same services as the API, one module per area. */
@Module({
  imports: [PlansModule, DocumentsModule, PlanPagesModule, ReportsPagesModule, DashboardPagesModule, AdminPagesModule],
  controllers: [FrontDoorController, SessionController, AssetsController, InboxController, DownloadsController],
  providers: [WebAssets],
})
export class WebModule {}
