import type { DataSource } from 'typeorm';
import { CycleRepository, GuidanceRepository, TaskRepository } from '@plancycle/persistence';
import type { PlanCycleActivities } from '@plancycle/workflows';
import { createCycleActivities } from './cycle-activities';
import { createEscalationActivities } from './escalation-activities';
import { createNotificationActivities, type NotificationSettings } from './notifications/notification-activities';
import { createPlanActivities } from './plan-activities';
import { createReportActivities } from './report-activities';

/** Every activity the worker registers, wired to one database and one SMTP relay. */
export function createActivities(dataSource: DataSource, notifications: NotificationSettings): PlanCycleActivities {
  return {
    ...createCycleActivities(new CycleRepository(dataSource), new GuidanceRepository(dataSource), new TaskRepository(dataSource)),
    ...createPlanActivities(dataSource, { mailDomain: notifications.mailDomain }),
    ...createNotificationActivities(dataSource, notifications),
    ...createEscalationActivities(dataSource, { mailDomain: notifications.mailDomain }),
    ...createReportActivities(dataSource, { mailDomain: notifications.mailDomain }),
  };
}

export { createCycleActivities, createEscalationActivities, createNotificationActivities, createPlanActivities, type NotificationSettings };
