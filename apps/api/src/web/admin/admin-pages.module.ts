import { Module } from '@nestjs/common';
import { AdminModule } from '../../admin/admin.module';
import { CyclesModule } from '../../cycles/cycles.module';
import { WorkCalendarModule } from '../../work-calendar/work-calendar.module';
import { AdminCalendarController } from './admin-calendar.controller';
import { AdminCycleStartController } from './admin-cycle-start.controller';
import { AdminHomeController } from './admin-home.controller';
import { AdminScopes } from './admin-scope';
import { AdminUnitsController } from './admin-units.controller';
import { AdminUsersPagesController } from './admin-users.controller';

/** What a province admin manages in the browser. */
@Module({
  imports: [AdminModule, CyclesModule, WorkCalendarModule],
  controllers: [AdminHomeController, AdminUnitsController, AdminUsersPagesController, AdminCalendarController, AdminCycleStartController],
  providers: [AdminScopes],
})
export class AdminPagesModule {}
