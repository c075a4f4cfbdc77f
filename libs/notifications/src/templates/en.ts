import { isReportTaskKind, type NotificationFacts, type NotifiedReport, type NotifiedTaskKind } from '../notification';
import { englishMonth } from './dates';
import { isReturnedReport, ladderStep, type Wording } from './wording';

const TASK_VERBS: Record<NotifiedTaskKind, string> = {
  draft: 'draft',
  appraise: 'appraise',
  approve: 'approve',
  amend: 'amend',
  report: 'write and send',
  review_report: 'review',
  aggregate: 'compile',
  approve_report: 'approve',
};

const TASK_NOUNS: Record<NotifiedTaskKind, string> = {
  draft: 'Drafting',
  appraise: 'Appraisal',
  approve: 'Approval',
  amend: 'Amendment',
  report: 'Report',
  review_report: 'Report review',
  aggregate: 'Aggregation',
  approve_report: 'Report approval',
};

const TASK_REQUESTS: Record<NotifiedTaskKind, string> = {
  draft: 'Please draft the plan and submit it by the due date below.',
  appraise: 'Please review the plan and give your appraisal opinion by the due date below.',
  approve: 'Please review and approve the plan by the due date below.',
  amend: 'Please amend the plan and resubmit it by the due date below.',
  report: 'Please update the progress of each plan item, complete the report and send it by the due date below.',
  review_report: 'Please review the report in PlanCycle and accept it, or return it with your reasons, by the due date below.',
  aggregate: "Please compile the units' annual reports into the provincial report and submit it by the due date below.",
  approve_report: 'Please review and approve the provincial report for the ministry by the due date below.',
};

export const en: Wording = {
  locale: 'en',
  actionLabels: { approve: 'Approve', agree: 'Agree (appraisal)', return: 'Return', open: 'Open task' },

  planTitle: (plan) => `${plan.planKind === 'provincial' ? 'Provincial external' : 'External'} information plan ${plan.year} — ${plan.unitName}`,
  reportTitle(plan, report) {
    switch (report.kind) {
      case 'quarterly':
        return `${report.quarter ? `Q${report.quarter} ${plan.year} report` : `Quarterly report ${plan.year}`} — ${plan.unitName}`;
      case 'annual':
        return `Annual report ${plan.year} — ${plan.unitName}`;
      case 'ad_hoc':
        return `Ad-hoc report${report.title ? `: ${report.title}` : ''} — ${plan.unitName}`;
      case 'provincial':
        return `Provincial external information report ${plan.year} — ${plan.unitName}`;
    }
  },
  dueDate: (at) => `${Number(at.day)} ${englishMonth(at.month)} ${at.year}, ${at.hour}:${at.minute} (Vietnam time)`,
  day: (day) => `${Number(day.day)} ${englishMonth(day.month)} ${day.year}`,

  subject(facts) {
    const title = titleOf(facts);
    switch (facts.kind) {
      case 'task_assigned':
        return facts.task ? `${TASK_NOUNS[facts.task.kind]} requested: ${title}` : `New task: ${title}`;
      case 'plan_returned':
        return `${facts.report ? 'Report' : 'Plan'} returned: ${title}`;
      case 'appraisal_opinion':
        return `Appraisal opinion: ${title}`;
      case 'plan_issued':
        return `Issued${facts.plan.documentNumber ? ` as ${facts.plan.documentNumber}` : ''}: ${en.planTitle(facts.plan)}`;
      case 'reminder':
        return `Reminder (${stepLabel(facts.step) ?? 'due soon'}): ${taskPhrase(facts, title)}`;
      case 'escalation':
        return `Overdue: ${taskPhrase(facts, title)}`;
      case 'report_requested':
        return `Report requested: ${facts.report ? title : en.planTitle(facts.plan)}`;
    }
  },

  greeting: (name) => `Dear ${name},`,

  lead(facts) {
    const title = titleOf(facts);
    const actor = facts.actorName;
    const request = facts.task ? TASK_REQUESTS[facts.task.kind] : 'Please review it in good time.';
    const step = stepLabel(facts.step);
    switch (facts.kind) {
      case 'task_assigned': {
        if (facts.report && facts.task && isReportTaskKind(facts.task.kind)) return reportTaskLead(facts, facts.report, facts.task.kind, request);
        const purpose = facts.task ? TASK_VERBS[facts.task.kind] : 'handle';
        const sent = actor ? `${actor} has sent you the ${title} to ${purpose}.` : `The ${title} has been sent to you to ${purpose}.`;
        return [sent, request];
      }
      case 'plan_returned': {
        const how = facts.opinion === 'return' ? ' with an appraisal opinion' : '';
        const returned = actor ? `${actor} has returned the ${title}${how}.` : `The ${title} has been returned${how}.`;
        return [returned, `Please study the comments below, revise the ${facts.report ? 'report' : 'plan'} and submit it again.`];
      }
      case 'appraisal_opinion':
        return [`${actor ?? 'The appraiser'} has given an appraisal opinion on the ${title}: ${opinionText(facts.opinion)}.`, 'You can follow the next steps in PlanCycle.'];
      case 'plan_issued': {
        const number = facts.plan.documentNumber ? ` as ${facts.plan.documentNumber}` : '';
        return [`The ${title} has been approved${actor ? ` by ${actor}` : ''} and issued${number}.`, 'Please organise its implementation as planned.'];
      }
      case 'reminder':
        return [`You have not yet completed the task to ${taskPhrase(facts, title, 'lower')}${step ? ` (${step})` : ''}.`, request];
      case 'escalation':
        return [
          `The task to ${taskPhrase(facts, title, 'lower')} is past its due date and not yet completed${step ? ` (${step})` : ''}.`,
          'This notice is sent to you to follow up and see that it is dealt with.',
        ];
      case 'report_requested':
        return [
          facts.report
            ? `${actor ? `${actor} asks` : 'You are asked'} for the ${title}.`
            : `${actor ? `${actor} asks` : 'You are asked'} for a report on the implementation of the ${en.planTitle(facts.plan)}.`,
          'Please compile and send the report on time.',
        ];
    }
  },

  factLabels: {
    unit: 'Unit',
    plan: 'Plan',
    report: 'Report',
    version: 'Version',
    itemCount: 'Items',
    totalBudget: 'Total budget',
    dueAt: 'Due',
    documentNumber: 'Document number',
  },
  budget: (amount, inWords) => `${amount} VND (in words: ${inWords})`,

  commentsHeading(facts) {
    if (facts.kind === 'appraisal_opinion' || (facts.kind === 'plan_returned' && facts.opinion === 'return')) return 'Appraisal opinion';
    if (facts.kind === 'plan_returned' || isReturnedReport(facts)) return 'Reasons for return';
    if (facts.kind === 'report_requested') return 'What the report should cover';
    return 'Comments';
  },

  missingReports: (units) => `No report received yet from: ${units.join(', ')}.`,

  linksHeading: 'You can act through these links:',

  footer({ hasLinks, linksExpireAt }) {
    const lines: string[] = [];
    if (hasLinks) {
      lines.push('Each link only opens a confirmation page in PlanCycle; opening it changes nothing. Your decision is recorded only when you confirm it on that page.');
      if (linksExpireAt) lines.push(`The links expire at the due date: ${linksExpireAt}.`);
    }
    lines.push('This message was sent automatically by PlanCycle; please do not reply to it.');
    return lines;
  },

  digest: {
    subject: (day) => `Daily summary for ${day}`,
    lead: (day, count) => (count > 0 ? `On ${day} you had ${count} ${count === 1 ? 'notification' : 'notifications'} in PlanCycle:` : `You had no new notifications on ${day}.`),
    dueAt: 'Due',
    footer: ['You receive this summary because you chose one daily message instead of separate ones.', 'This message was sent automatically by PlanCycle; please do not reply to it.'],
  },
};

/** What a message is about: the report when there is one, else the plan and its version. */
function titleOf(facts: NotificationFacts): string {
  return facts.report ? en.reportTitle(facts.plan, facts.report) : `${en.planTitle(facts.plan)} (version ${facts.plan.version})`;
}

/** A report's task: write it (again, when its reviewer returned it with reasons), or decide on it. */
function reportTaskLead(facts: NotificationFacts, report: NotifiedReport, kind: NotifiedTaskKind, request: string): string[] {
  const actor = facts.actorName;
  const title = en.reportTitle(facts.plan, report);
  if (isReturnedReport(facts)) {
    return [actor ? `${actor} has returned the ${title}.` : `The ${title} has been returned.`, 'Please study the reasons below, revise the report and send it again by the due date.'];
  }
  if (kind === 'report' || kind === 'aggregate') {
    return [actor ? `${actor} asks you to ${TASK_VERBS[kind]} the ${title}.` : `You are asked to ${TASK_VERBS[kind]} the ${title}.`, request];
  }
  return [actor ? `${actor} has sent you the ${title} to ${TASK_VERBS[kind]}.` : `The ${title} has been sent to you to ${TASK_VERBS[kind]}.`, request];
}

/** 'Approve External information plan …', or 'approve …' inside a sentence. */
function taskPhrase(facts: NotificationFacts, title: string, initial: 'upper' | 'lower' = 'upper'): string {
  if (!facts.task) return title;
  const verb = TASK_VERBS[facts.task.kind];
  return `${initial === 'upper' ? verb.charAt(0).toUpperCase() + verb.slice(1) : verb} the ${title}`;
}

function stepLabel(step: string | null): string | null {
  if (!step) return null;
  const parsed = ladderStep(step);
  switch (parsed.when) {
    case 'before':
      return `${parsed.days} working ${parsed.days === 1 ? 'day' : 'days'} left`;
    case 'due':
      return 'due today';
    case 'overdue':
      return parsed.days === null ? 'overdue' : `overdue by ${parsed.days} working ${parsed.days === 1 ? 'day' : 'days'}`;
    case 'other':
      return parsed.label || null;
  }
}

function opinionText(opinion: NotificationFacts['opinion']): string {
  if (opinion === 'agree') return 'agreed';
  if (opinion === 'return') return 'not agreed; changes are requested';
  return 'see below';
}
