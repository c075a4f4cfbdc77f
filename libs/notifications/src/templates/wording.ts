import type { LinkAction, Locale, NotificationFacts, NotifiedReport } from '../notification';
import type { VietnamTime } from './dates';

export type PlanFacts = NotificationFacts['plan'];

/**
 * Everything a language says. Facts reach it already cleaned to single lines (see plain-text.ts);
 * it returns plain text, never HTML.
 */
export interface Wording {
  locale: Locale;
  actionLabels: Record<LinkAction, string>;
  planTitle(plan: PlanFacts): string;
  /** The report's full title, as the body of a message names it. */
  reportTitle(plan: PlanFacts, report: NotifiedReport): string;
  dueDate(at: VietnamTime): string;
  day(day: { year: string; month: string; day: string }): string;
  /** The subject after the `[PlanCycle] ` prefix. */
  subject(facts: NotificationFacts): string;
  greeting(recipientName: string): string;
  /** What happened and who acted, then what is asked of the reader: one paragraph each. */
  lead(facts: NotificationFacts): string[];
  factLabels: { unit: string; plan: string; report: string; version: string; itemCount: string; totalBudget: string; dueAt: string; documentNumber: string };
  budget(amount: string, inWords: string): string;
  commentsHeading(facts: NotificationFacts): string;
  /** The units whose report has not arrived, for whoever compiles the province's report. */
  missingReports(units: string[]): string;
  linksHeading: string;
  footer(input: { hasLinks: boolean; linksExpireAt: string | null }): string[];
  digest: {
    subject(day: string): string;
    lead(day: string, count: number): string;
    dueAt: string;
    footer: string[];
  };
}

/** A reminder-ladder step: `D-5` is five working days before the due date, `+3` (or `D+3`) three after it. */
export type LadderStep =
  | { when: 'before'; days: number }
  | { when: 'due' }
  | { when: 'overdue'; days: number | null }
  | { when: 'other'; label: string };

export function ladderStep(step: string): LadderStep {
  const text = step.trim();
  if (/^overdue$/i.test(text)) return { when: 'overdue', days: null };
  const offset = /^(?:D\s*)?([+-])\s*(\d{1,3})$/i.exec(text) ?? /^D\s*(\+?)(0)$/i.exec(text);
  if (!offset) return { when: 'other', label: text };
  const days = Number(offset[2]);
  if (days === 0) return { when: 'due' };
  return offset[1] === '-' ? { when: 'before', days } : { when: 'overdue', days };
}

/**
 * A report sent back by its reviewer: the workflow reopens the writer's task (to write, or to
 * compile the province's) with the reviewer's reasons as its comments.
 */
export function isReturnedReport(facts: NotificationFacts): boolean {
  return facts.kind === 'task_assigned' && !!facts.report && !!facts.comments && (facts.task?.kind === 'report' || facts.task?.kind === 'aggregate');
}
