import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { CyclesModule } from '../cycles/cycles.module';
import { GuidancesModule } from '../guidances/guidances.module';
import { PlansModule } from '../plans/plans.module';
import { ReportsModule } from '../reports/reports.module';
import { AssetsController, WebAssets } from './assets/assets.controller';
import { InboxController } from './inbox/inbox.controller';
import { FrontDoorController, SessionController } from './session/session.controller';

/** The web app in Vietnamese (and English): pages over the same services as the API. */
@Module({
  imports: [PlansModule, CyclesModule, ReportsModule, GuidancesModule, AdminModule],
  controllers: [FrontDoorController, SessionController, AssetsController, InboxController],
  providers: [WebAssets],
})
export class WebModule {}
