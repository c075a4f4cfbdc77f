import { createHash } from 'node:crypto';

export const NOTIFICATION_KINDS = ['task_assigned', 'plan_returned', 'appraisal_opinion', 'plan_issued', 'reminder', 'escalation', 'report_requested'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** What a link in a task email lets its recipient do. */
export type LinkAction = 'open' | 'approve' | 'agree' | 'return';
/** Every link action, in the order a message shows its buttons: the decisions first, then "open". */
export const LINK_ACTIONS: readonly LinkAction[] = ['approve', 'agree', 'return', 'open'];

/** The plan's own steps, then a report's: write it, review a unit's, compile the province's, approve the province's. */
export type NotifiedTaskKind = 'draft' | 'appraise' | 'approve' | 'amend' | 'report' | 'review_report' | 'aggregate' | 'approve_report';
export const REPORT_TASK_KINDS: readonly NotifiedTaskKind[] = ['report', 'review_report', 'aggregate', 'approve_report'];

export type NotifiedReportKind = 'quarterly' | 'annual' | 'ad_hoc' | 'provincial';

/** The report a notification is about; with it, the message names the report rather than the plan. */
export interface NotifiedReport {
  kind: NotifiedReportKind;
  /** Quarterly reports only; null otherwise. */
  quarter: 1 | 2 | 3 | 4 | null;
  /** An ad-hoc request's subject (untrusted user text); null otherwise. */
  title: string | null;
  /** For the aggregation task: the units whose annual report has not arrived. Empty otherwise. */
  missingUnits: string[];
}

/** A snapshot taken when the notification is recorded; the message is rendered from it at send time. */
export interface NotificationFacts {
  kind: NotificationKind;
  recipientName: string;
  plan: {
    cycleId: string;
    /** The plan year (e.g. 2027). */
    year: number;
    unitCode: string;
    /** E.g. 'UBND xã Ia Dom'. */
    unitName: string;
    planKind: 'unit' | 'provincial';
    version: number;
    itemCount: number;
    /** Whole đồng. */
    totalBudget: number;
    /** E.g. '01/KH-UBND' once issued. */
    documentNumber: string | null;
  };
  /** Set when the message is about a report on the plan (its tasks, reminders, escalations, an ad-hoc request). */
  report?: NotifiedReport;
  /** The task the recipient is asked to do (task_assigned, plan_returned, reminder, escalation). */
  task: { id: string; kind: NotifiedTaskKind; dueAt: string /* ISO instant */ } | null;
  /** Who took the decision that caused this notification. */
  actorName: string | null;
  /** Appraisal opinion for appraisal_opinion / plan_returned after appraisal. */
  opinion: 'agree' | 'return' | null;
  /** Return reasons or appraisal comments, verbatim (untrusted user text!). */
  comments: string | null;
  /** For reminder/escalation: e.g. 'D-5' / 'overdue' / '+3'; free text label from the ladder. Null otherwise. */
  step: string | null;
  /** False when the recipient is told of a task that is not theirs (an escalation's leader, coordinator, office). */
  toAssignees?: boolean;
}

const MAX_ID_LENGTH = 400;
const FALLBACK_MAIL_DOMAIN = 'plancycle.local';

/**
 * Deterministic id: the same event, step and recipient always give the same id, readable as
 * `${workflowId}|${subject}|${step}|${recipientUserId}` and at most 400 characters.
 */
export function notificationId(parts: { workflowId: string; subject: string; step: string; recipientUserId: string }): string {
  const { workflowId, subject, step, recipientUserId } = parts;
  const fields = [workflowId, subject, step, recipientUserId];
  const readable = fields.join('|');
  // A '|' inside a part would let two different events share an id; the hash of all parts cannot.
  if (readable.length <= MAX_ID_LENGTH && !fields.some((field) => field.includes('|'))) return readable;

  const digest = sha256Hex(JSON.stringify(fields));
  const hashedSubject = [workflowId, `sha256:${digest.slice(0, 32)}`, step, recipientUserId].join('|');
  return hashedSubject.length <= MAX_ID_LENGTH ? hashedSubject : `sha256:${digest}`;
}

/** RFC 5322 Message-ID derived from the id: `<{first 32 hex of sha256(id)}@{domain}>`. */
export function messageIdFor(notificationId: string, domain: string): string {
  const safeDomain = isMailDomain(domain) ? domain.toLowerCase() : FALLBACK_MAIL_DOMAIN;
  return `<${sha256Hex(notificationId).slice(0, 32)}@${safeDomain}>`;
}

/** The domain part of a From address like 'PlanCycle <no-reply@plancycle.local>' → 'plancycle.local'. */
export function mailDomainOf(fromAddress: string): string {
  const bracketed = /<([^<>]*)>\s*$/.exec(fromAddress);
  const address = (bracketed ? bracketed[1] : fromAddress).trim();
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1) : '';
  return isMailDomain(domain) ? domain.toLowerCase() : FALLBACK_MAIL_DOMAIN;
}

/** Which link actions a recipient of this notification gets. */
export function linkActionsFor(facts: NotificationFacts): LinkAction[] {
  switch (facts.kind) {
    case 'task_assigned':
    case 'reminder':
    case 'escalation':
      // Someone told of another's task (the coordinator, the office) may look at it, not decide it.
      return facts.toAssignees === false ? taskLinkActions(facts.task).filter((action) => action === 'open') : taskLinkActions(facts.task);
    case 'plan_returned':
      return ['open'];
    case 'report_requested':
      // An ad-hoc request that opened the report's task links to it; one without a task has nowhere to go.
      return facts.task && isReportTaskKind(facts.task.kind) ? ['open'] : [];
    default:
      return [];
  }
}

function taskLinkActions(task: NotificationFacts['task']): LinkAction[] {
  if (!task) return [];
  if (task.kind === 'approve') return ['approve', 'return', 'open'];
  if (task.kind === 'appraise') return ['agree', 'return', 'open'];
  // Report tasks included: a reviewer decides on a report in the web app, where the report can be read.
  return ['open'];
}

export function isReportTaskKind(kind: NotifiedTaskKind): boolean {
  return REPORT_TASK_KINDS.includes(kind);
}

function isMailDomain(value: string): boolean {
  return value.length <= 253 && /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(value);
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
