export { createDataSource, migrate, resetDatabase, revertLast, type DataSourceOptions } from './data-source';
export { OrgUnitRepository } from './org-units/org-unit.repository';
export { UserRepository } from './users/user.repository';
export type { CreateUserInput, UpsertUserInput, UserRecord, UserSummary } from './users/user-record';
export { hashPassword, verifyPassword } from './users/password';
export { RevokedTokenRepository } from './users/revoked-token.repository';
export { WorkCalendarRepository, type WorkCalendarDayRecord } from './work-calendar/work-calendar.repository';
export type { WorkCalendarDayKind, WorkCalendarDaySource } from './entities/work-calendar-day.entity';
export { CycleRepository } from './cycles/cycle.repository';
export type { CycleRecord, CycleUnitRecord, RecordCycleInput, RecordCycleStartedInput, RecordUnitInput } from './cycles/cycle-record';
export { seedDemo, type SeedDemoResult } from './seed/seed-demo';
export { DEMO_PASSWORD, DEMO_USERS, demoEmail, type DemoUser } from './seed/demo-users';
export { demoProvinces, dongNaiUnits, giaLaiUnits } from './seed/demo-province';
export { DocumentNumberRepository } from './document-numbers/document-number.repository';
export { GuidanceRepository, type GuidanceRecord } from './guidances/guidance.repository';
export { UnitStaffRepository } from './unit-staff/unit-staff.repository';
export type { AssignStaffInput, StaffMemberRecord, UnitStaffRecord } from './unit-staff/unit-staff-record';
export { PlanRepository } from './plans/plan.repository';
export type {
  IssuedVersion,
  IssueVersionInput,
  OpenPlanInput,
  PlanKind,
  PlanRecord,
  PlanVersionRecord,
  PlanVersionState,
  RecordPlanStageInput,
} from './plans/plan-record';
export { PlanOpinionRepository } from './plans/plan-opinion.repository';
export type { PlanOpinionDecision, PlanOpinionRecord, PlanOpinionStep, RecordPlanOpinionInput } from './plans/plan-opinion-record';
export { TaskRepository } from './tasks/task.repository';
export type { OpenTaskInput, TaskKind, TaskRecord, TaskState } from './tasks/task-record';
export { AuditRepository } from './audit/audit.repository';
export type { AppendAuditEventInput, AuditEventRecord } from './audit/audit-event-record';
export { NotificationRepository } from './notifications/notification.repository';
export { MailSettingsRepository } from './notifications/mail-settings.repository';
export { RecipientRepository } from './notifications/recipient.repository';
export type {
  MailSettingsRecord,
  NotificationDelivery,
  NotificationLocale,
  NotificationRecord,
  NotificationState,
  RecipientRecord,
  RecordNotificationInput,
} from './notifications/notification-record';
export { TaskEscalationRepository, type RecordTaskEscalationInput, type TaskEscalationRecord } from './escalations/task-escalation.repository';
export { ReportRepository, type OpenReportInput, type ReportRecord } from './reports/report.repository';
