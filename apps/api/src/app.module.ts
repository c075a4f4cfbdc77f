import { Module, type DynamicModule } from '@nestjs/common';
import type { PlanCycleConfig } from '@plancycle/config';
import { ActionLinksModule } from './action-links/action-links.module';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { CyclesModule } from './cycles/cycles.module';
import { DatabaseModule } from './database/database.module';
import { DocumentsModule } from './documents/documents.module';
import { GuidancesModule } from './guidances/guidances.module';
import { PlansModule } from './plans/plans.module';
import { ReportsModule } from './reports/reports.module';
import { HealthController } from './health/health.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { TemporalModule } from './temporal/temporal.module';
import { UnitStaffModule } from './unit-staff/unit-staff.module';
import { WebModule } from './web/web.module';
import { WorkCalendarModule } from './work-calendar/work-calendar.module';

@Module({})
export class AppModule {
  /** The configuration comes in as an argument so tests can point the API at their own services. */
  static forRoot(config: PlanCycleConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule, TemporalModule, AuthModule, CyclesModule, GuidancesModule, PlansModule, UnitStaffModule, AdminModule, ActionLinksModule, NotificationsModule, WorkCalendarModule, ReportsModule, DocumentsModule, WebModule],
      controllers: [HealthController],
      providers: [{ provide: AppConfig, useValue: new AppConfig(config) }],
      exports: [AppConfig],
    };
  }
}
