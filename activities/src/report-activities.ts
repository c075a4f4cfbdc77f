import { ApplicationFailure } from '@temporalio/activity';
import type { DataSource, EntityManager } from 'typeorm';
import { aggregateAnnualReports, provincialReportChain, reportLinesFor, unitReportChain, type AnnualAggregate } from '@plancycle/domain';
import type { NotifiedReport } from '@plancycle/notifications';
import { AuditRepository, OrgUnitRepository, PlanRepository, RecipientRepository, ReportRepository, TaskRepository, type ReportRecord } from '@plancycle/persistence';
import type { OpenReportWrite, ReportActivities } from '@plancycle/workflows';
import { recordNotices } from './notifications/plan-notices';

/**
 * Database writes of the report workflows, each one transaction and idempotent (the report by its
 * workflow id, tasks by key, stages by sequence, audit events by request id).
 */
export function createReportActivities(dataSource: DataSource, { mailDomain }: { mailDomain: string }): ReportActivities {
  return {
    async openReport(write) {
      return dataSource.transaction(async (manager) => {
        const provincial = write.kind === 'provincial';
        const plans = new PlanRepository(manager);
        const plan = await plans.findForUnit(write.cycleId, write.unitCode, provincial ? 'provincial' : 'unit');
        // A unit whose plan never opened (no provincial plan issued) has nothing to report on.
        if (!plan) return null;
        const inForce = plan.versionInForce ? await plans.findVersion(plan.id, plan.versionInForce) : null;
        const { chain, aggregate } = provincial ? await provincialSetup(manager, write) : { chain: unitReportChain(write.unitCode), aggregate: null };
        const report = await new ReportRepository(manager).open({
          workflowId: write.workflowId,
          cycleId: write.cycleId,
          unitCode: write.unitCode,
          planId: plan.id,
          planVersion: plan.versionInForce,
          kind: write.kind,
          quarter: write.quarter,
          title: write.title,
          content: { summary: '', lines: provincial ? [] : reportLinesFor(inForce?.items ?? [], write.quarter) },
          aggregate,
          dueAt: write.dueAt,
        });
        const task = await new TaskRepository(manager).open({
          ...write.task,
          planId: plan.id,
          reportId: report.id,
          workflowId: write.workflowId,
          assigneeUnitCode: chain.writerUnitCode,
          assigneeRole: chain.writerRoles[0],
        });
        const notificationIds = await recordNotices(
          manager,
          { planId: plan.id, workflowId: write.workflowId, decision: null, actorUserId: null, documentNumber: null },
          [
            {
              kind: write.kind === 'ad_hoc' ? 'report_requested' : 'task_assigned',
              recipients: await new RecipientRepository(manager).holdersOf(task.assigneeUnitCode, [task.assigneeRole]),
              subject: task.key,
              step: 'assigned',
              task,
              report: await notifiedReport(manager, report),
            },
          ],
          mailDomain,
        );
        return { reportId: report.id, chain, notificationIds };
      });
    },

    async recordReportDecision(write) {
      return dataSource.transaction(async (manager) => {
        const reports = new ReportRepository(manager);
        const report = await reports.findById(write.reportId);
        if (!report) throw ApplicationFailure.nonRetryable(`Report ${write.reportId} is not recorded.`, 'REPORT_NOT_FOUND');
        await reports.recordStage({ id: report.id, stage: write.to, sequence: write.sequence, actor: write.actorUserId });
        const tasks = new TaskRepository(manager);
        if (write.closeTaskKey) await tasks.close(write.closeTaskKey, 'done');
        const next = write.nextTask && (await tasks.open({ ...write.nextTask, planId: report.planId, reportId: report.id, workflowId: write.workflowId }));
        const reasons = write.decision.action === 'return' ? write.decision.reasons : null;
        await new AuditRepository(manager).append({
          cycleId: report.cycleId,
          planId: report.planId,
          actor: write.actorUserId,
          action: `report_${write.decision.action}`,
          fromStage: write.from,
          toStage: write.to,
          comment: reasons,
          requestId: write.requestId,
        });
        if (!next) return { notificationIds: [] };
        const notificationIds = await recordNotices(
          manager,
          { planId: report.planId, workflowId: write.workflowId, decision: null, actorUserId: write.actorUserId, documentNumber: null },
          [
            {
              kind: 'task_assigned',
              recipients: await new RecipientRepository(manager).holdersOf(next.assigneeUnitCode, [next.assigneeRole]),
              subject: next.key,
              step: 'assigned',
              task: next,
              report: await notifiedReport(manager, report),
              comments: reasons,
            },
          ],
          mailDomain,
        );
        return { notificationIds };
      });
    },

    async sendProvincialReport({ reportId }) {
      await dataSource.transaction(async (manager) => {
        const reports = new ReportRepository(manager);
        const report = await reports.findById(reportId);
        if (!report) throw ApplicationFailure.nonRetryable(`Report ${reportId} is not recorded.`, 'REPORT_NOT_FOUND');
        await reports.markSent(reportId);
        await new AuditRepository(manager).append({
          cycleId: report.cycleId,
          planId: report.planId,
          action: 'report_sent',
          comment: 'Báo cáo của tỉnh đã gửi Bộ.',
          requestId: `${report.workflowId}/sent`,
        });
      });
      return { notificationIds: [] };
    },
  };
}

/** The provincial report: written at the coordinator, approved by the province, from the units' accepted annual reports. */
async function provincialSetup(manager: EntityManager, write: OpenReportWrite) {
  const coordinator = (await new OrgUnitRepository(manager).listProvinceUnits(write.provinceCode)).find((unit) => unit.kind === 'coordinator');
  if (!coordinator) throw ApplicationFailure.nonRetryable(`Province ${write.provinceCode} has no coordinator to aggregate its report`, 'COORDINATOR_MISSING');
  const accepted = (await new ReportRepository(manager).listForCycle(write.cycleId)).filter((report) => report.kind === 'annual' && report.stage === 'accepted');
  const aggregate: AnnualAggregate = aggregateAnnualReports(
    write.expectedUnitCodes ?? [],
    accepted.map((report) => ({ unitCode: report.unitCode, content: report.content })),
  );
  return { chain: provincialReportChain(write.provinceCode, coordinator.code), aggregate };
}

/** What a message says about the report: its kind and period, and for the aggregation who is missing. */
async function notifiedReport(manager: EntityManager, report: ReportRecord): Promise<NotifiedReport> {
  const missing = report.aggregate?.missingUnitCodes ?? [];
  const names = missing.length > 0 ? new Map((await new OrgUnitRepository(manager).listProvinceUnits(report.unitCode)).map((unit) => [unit.code, unit.name])) : new Map();
  return { kind: report.kind, quarter: report.quarter, title: report.title, missingUnits: missing.map((code) => names.get(code) ?? code) };
}
