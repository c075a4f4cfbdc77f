import type { EntityManager } from 'typeorm';
import type { PlanDecision, PlanItem, Role } from '@plancycle/domain';
import { messageIdFor, notificationId, type NotificationFacts, type NotificationKind, type NotifiedReport } from '@plancycle/notifications';
import {
  CycleRepository,
  NotificationRepository,
  PlanRepository,
  RecipientRepository,
  type RecipientRecord,
  type RecordNotificationInput,
  type TaskRecord,
} from '@plancycle/persistence';

/** Who drafts a plan hears about opinions, returns and the issuance: its officers and leader in charge. */
const DRAFTER_ROLES: Role[] = ['officer', 'leader_in_charge'];

/** Something that happened to a plan that people must hear about. */
export interface PlanEvent {
  planId: string;
  workflowId: string;
  /** The decision taken, or null when the plan has just opened. */
  decision: PlanDecision | null;
  /** The decision's request id: what makes the notices of one decision distinct from another's. */
  requestId: string | null;
  actorUserId: string | null;
  /** The task the event opened, if any: its assignees are asked to act. */
  openedTask: TaskRecord | null;
  drafterUnitCode: string;
  documentNumber: string | null;
}

export interface Notice {
  kind: NotificationKind;
  recipients: RecipientRecord[];
  /** With `step`, what makes the id deterministic: the task's key, or the decision's request id. */
  subject: string;
  step: string;
  task: TaskRecord | null;
  /** A reminder's or escalation's rung, e.g. `D-2`, `+3`. */
  ladderStep?: string;
  /** False for people told of a task that is not theirs to decide (an escalation to the coordinator). */
  toAssignees?: boolean;
  /** When the notice is about a report rather than the plan itself. */
  report?: NotifiedReport;
  /** A report's return reasons (a plan decision's comments come from the decision). */
  comments?: string | null;
}

/** What the notices are about: one plan, and the decision behind them if any. */
export type NoticeContext = Pick<PlanEvent, 'planId' | 'workflowId' | 'decision' | 'actorUserId' | 'documentNumber'>;

/**
 * Records the mail a plan event causes, in the caller's transaction, so a decision and the news of
 * it are written together or not at all. Returns the ids to deliver.
 */
export async function recordPlanNotices(manager: EntityManager, event: PlanEvent, mailDomain: string): Promise<string[]> {
  return recordNotices(manager, event, await noticesOf(new RecipientRepository(manager), event), mailDomain);
}

/** Records one notification per notice and recipient, with the plan's facts as they are now. */
export async function recordNotices(manager: EntityManager, event: NoticeContext, notices: readonly Notice[], mailDomain: string): Promise<string[]> {
  if (notices.every((notice) => notice.recipients.length === 0)) return [];

  const plan = await new PlanRepository(manager).findById(event.planId);
  if (!plan) throw new Error(`Plan ${event.planId} is not recorded.`);
  const cycle = await new CycleRepository(manager).findById(plan.cycleId);
  if (!cycle) throw new Error(`Cycle ${plan.cycleId} is not recorded.`);
  const version = decidedVersion(event.decision) ?? plan.latestVersion;
  const items: PlanItem[] = (await new PlanRepository(manager).findVersion(plan.id, version))?.items ?? [];
  const actor = event.actorUserId ? await new RecipientRepository(manager).find(event.actorUserId) : null;

  const rows: RecordNotificationInput[] = notices.flatMap((notice) =>
    notice.recipients.map((recipient) => {
      const facts: NotificationFacts = {
        kind: notice.kind,
        recipientName: recipient.fullName,
        plan: {
          cycleId: cycle.id,
          year: cycle.year,
          unitCode: plan.unitCode,
          unitName: plan.unitName,
          planKind: plan.kind,
          version,
          itemCount: items.length,
          totalBudget: items.reduce((sum, item) => sum + (item.budget ?? 0), 0),
          documentNumber: event.documentNumber,
        },
        task: notice.task && { id: notice.task.id, kind: notice.task.kind, dueAt: notice.task.dueAt },
        actorName: actor?.fullName ?? null,
        opinion: event.decision?.action === 'appraise' ? event.decision.decision : null,
        comments: notice.comments ?? commentsOf(event.decision),
        step: notice.ladderStep ?? null,
        ...(notice.report ? { report: notice.report } : {}),
        ...(notice.toAssignees === false ? { toAssignees: false } : {}),
      };
      const id = notificationId({ workflowId: event.workflowId, subject: notice.subject, step: notice.step, recipientUserId: recipient.userId });
      return {
        id,
        provinceCode: cycle.provinceCode,
        cycleId: cycle.id,
        planId: plan.id,
        taskId: notice.task?.id ?? null,
        kind: notice.kind,
        recipientUserId: recipient.userId,
        recipientEmail: recipient.email,
        locale: recipient.locale,
        delivery: recipient.notifyDigest ? 'digest' : 'immediate',
        facts: facts as unknown as Record<string, unknown>,
        messageId: messageIdFor(id, mailDomain),
      };
    }),
  );
  return new NotificationRepository(manager).record(rows);
}

/** Which messages an event sends, to whom. */
async function noticesOf(recipients: RecipientRepository, event: PlanEvent): Promise<Notice[]> {
  const notices: Notice[] = [];
  const { decision, openedTask: task } = event;
  const returned = decision?.action === 'return' || (decision?.action === 'appraise' && decision.decision === 'return');
  if (task) {
    // A return opens the next draft: the drafters hear of the return and its reasons in that message.
    notices.push({
      kind: returned ? 'plan_returned' : 'task_assigned',
      recipients: await recipients.holdersOf(task.assigneeUnitCode, [task.assigneeRole]),
      subject: task.key,
      step: 'assigned',
      task,
    });
  }
  const toDrafters = async (kind: NotificationKind) => {
    notices.push({ kind, recipients: await recipients.holdersOf(event.drafterUnitCode, DRAFTER_ROLES), subject: event.requestId ?? event.planId, step: kind, task: null });
  };
  if (decision?.action === 'appraise' && decision.decision === 'agree') await toDrafters('appraisal_opinion');
  if (decision?.action === 'approve') await toDrafters('plan_issued');
  return notices;
}

function decidedVersion(decision: PlanDecision | null): number | null {
  return decision && 'version' in decision ? decision.version : null;
}

function commentsOf(decision: PlanDecision | null): string | null {
  if (decision?.action === 'appraise') return decision.comments || null;
  if (decision?.action === 'return') return decision.reasons;
  return null;
}
