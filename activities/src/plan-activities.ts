import { ApplicationFailure } from '@temporalio/activity';
import type { DataSource, EntityManager } from 'typeorm';
import { planChainOf, provincialPlanChain } from '@plancycle/domain';
import { AuditRepository, OrgUnitRepository, PlanOpinionRepository, PlanRepository, TaskRepository } from '@plancycle/persistence';
import type { PlanActivities, PlanDecisionWrite } from '@plancycle/workflows';
import { recordPlanNotices } from './notifications/plan-notices';

/** The plan's first stage write; the workflow numbers its decisions from the next one. */
export const OPEN_PLAN_SEQUENCE = 1;

/**
 * Database writes for the plan lifecycle, each one transaction. Every part is idempotent (keys,
 * request ids, sequence guards), so a retried activity changes nothing the first attempt wrote.
 */
export function createPlanActivities(dataSource: DataSource, { mailDomain }: { mailDomain: string }): PlanActivities {
  return {
    async openPlan(input) {
      return dataSource.transaction(async (manager) => {
        const units = new OrgUnitRepository(manager);
        const unit = await units.findByCode(input.unitCode);
        if (!unit) throw ApplicationFailure.nonRetryable(`Unknown unit ${input.unitCode}`, 'UNIT_NOT_FOUND');
        let chain = planChainOf(unit);
        if (input.kind === 'provincial') {
          const coordinator = (await units.listProvinceUnits(unit.provinceCode)).find((candidate) => candidate.kind === 'coordinator');
          if (!coordinator) throw ApplicationFailure.nonRetryable(`Province ${unit.code} has no coordinator to draft its plan`, 'COORDINATOR_MISSING');
          chain = provincialPlanChain(unit, coordinator);
        }
        const plans = new PlanRepository(manager);
        const plan = await plans.openPlan({ cycleId: input.cycleId, unitCode: input.unitCode, kind: input.kind, workflowId: input.workflowId });
        await plans.recordStage({ planId: plan.id, stage: 'drafting', sequence: OPEN_PLAN_SEQUENCE });
        const task = await new TaskRepository(manager).open({ ...input.draftTask, planId: plan.id, workflowId: input.workflowId, assigneeUnitCode: chain.drafterUnitCode });
        const notificationIds = await recordPlanNotices(
          manager,
          { planId: plan.id, workflowId: input.workflowId, decision: null, requestId: null, actorUserId: null, openedTask: task, drafterUnitCode: chain.drafterUnitCode, documentNumber: null },
          mailDomain,
        );
        return { planId: plan.id, chain, issuerCode: unit.code, documentSymbol: unit.settings.documentSymbol ?? 'KH', notificationIds };
      });
    },

    async recordPlanDecision(write) {
      return dataSource.transaction(async (manager) => {
        const documentNumber = await applyDecision(manager, write);
        const tasks = new TaskRepository(manager);
        if (write.closeTaskKey) await tasks.close(write.closeTaskKey, 'done');
        const openedTask = write.nextTask && (await tasks.open({ ...write.nextTask, planId: write.planId, workflowId: write.workflowId }));
        const plans = new PlanRepository(manager);
        await plans.recordStage({ planId: write.planId, stage: write.to.stage, sequence: write.sequence });
        await new AuditRepository(manager).append({
          cycleId: write.cycleId,
          planId: write.planId,
          version: write.from.version,
          actor: write.actorUserId,
          action: write.decision.action,
          fromStage: write.from.stage,
          toStage: write.to.stage,
          comment: commentOf(write),
          requestId: write.requestId,
        });
        const drafterUnitCode = write.drafterUnitCode ?? (await plans.findById(write.planId))?.unitCode ?? '';
        const notificationIds = await recordPlanNotices(
          manager,
          { planId: write.planId, workflowId: write.workflowId, decision: write.decision, requestId: write.requestId, actorUserId: write.actorUserId, openedTask, drafterUnitCode, documentNumber },
          mailDomain,
        );
        return { documentNumber, notificationIds };
      });
    },
  };
}

function commentOf({ decision }: PlanDecisionWrite): string | null {
  if (decision.action === 'appraise') return decision.comments || null;
  if (decision.action === 'return') return decision.reasons;
  return null;
}

/** The decision's own effect on versions and opinions; the document number when it issues the plan. */
async function applyDecision(manager: EntityManager, write: PlanDecisionWrite): Promise<string | null> {
  const plans = new PlanRepository(manager);
  const opinions = new PlanOpinionRepository(manager);
  const { decision, planId, actorUserId: decidedBy, requestId } = write;
  switch (decision.action) {
    case 'submit':
      await plans.submitVersion(planId, decision.version, decidedBy);
      return null;
    case 'appraise':
      await opinions.record({ planId, version: decision.version, step: 'appraisal', decision: decision.decision, comments: decision.comments, decidedBy, requestId });
      if (decision.decision === 'return') await plans.returnVersion(planId, decision.version);
      return null;
    case 'return':
      await opinions.record({ planId, version: decision.version, step: 'approval', decision: 'return', comments: decision.reasons, decidedBy, requestId });
      await plans.returnVersion(planId, decision.version);
      return null;
    case 'approve': {
      if (!write.issue) throw ApplicationFailure.nonRetryable('An approval carries what the issuance needs.');
      await opinions.record({ planId, version: decision.version, step: 'approval', decision: 'agree', comments: '', decidedBy, requestId });
      return (await plans.issueVersion({ planId, version: decision.version, ...write.issue })).documentNumber;
    }
    case 'amend':
      await plans.startAmendment(planId, decidedBy);
      return null;
  }
}
