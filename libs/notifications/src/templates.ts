import { formatVnd, isValidBudget, vndInWords } from '@plancycle/domain';
import { LINK_ACTIONS, type LinkAction, type Locale, type NotificationFacts, type NotifiedReport } from './notification';
import { dayParts, vietnamTimeOf } from './templates/dates';
import { en } from './templates/en';
import { toHtml, toText, type Link, type Message } from './templates/layout';
import { isWebUrl, multiline, oneLine } from './templates/plain-text';
import { vi } from './templates/vi';
import type { Wording } from './templates/wording';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface DigestEntry {
  subject: string;
  url: string | null;
  dueAt: string | null;
}

const WORDINGS: Record<Locale, Wording> = { vi, en };
const SUBJECT_PREFIX = '[PlanCycle] ';

export function renderNotification(input: { facts: NotificationFacts; locale: Locale; links: Partial<Record<LinkAction, string>> }): RenderedMail {
  const wording = wordingFor(input.locale);
  const facts = cleanFacts(input.facts);
  const dueAt = facts.task ? formatDueDate(facts.task.dueAt, wording.locale) : null;
  const buttons = linksOf(input.links, wording);
  const message: Message = {
    locale: wording.locale,
    subject: oneLine(SUBJECT_PREFIX + wording.subject(facts)),
    greeting: wording.greeting(facts.recipientName),
    paragraphs: leadOf(facts, wording),
    facts: keyFacts(facts, dueAt, wording),
    quote: facts.comments ? { heading: wording.commentsHeading(facts), text: facts.comments } : null,
    entries: [],
    links: buttons.length > 0 ? { heading: wording.linksHeading, buttons } : null,
    footer: wording.footer({ hasLinks: buttons.length > 0, linksExpireAt: dueAt }),
  };
  return render(message);
}

export function renderDigest(input: { recipientName: string; locale: Locale; day: string; entries: DigestEntry[] }): RenderedMail {
  const wording = wordingFor(input.locale);
  const parts = dayParts(input.day);
  const day = parts ? wording.day(parts) : oneLine(input.day);
  const message: Message = {
    locale: wording.locale,
    subject: oneLine(SUBJECT_PREFIX + wording.digest.subject(day)),
    greeting: wording.greeting(oneLine(input.recipientName)),
    paragraphs: [wording.digest.lead(day, input.entries.length)],
    facts: [],
    quote: null,
    entries: input.entries.map((entry) => ({
      title: oneLine(entry.subject).replace(/^\[PlanCycle\]\s*/, ''),
      details: entry.dueAt ? [`${wording.digest.dueAt}: ${formatDueDate(entry.dueAt, wording.locale)}`] : [],
      link: entry.url && isWebUrl(entry.url) ? { action: 'open', label: wording.actionLabels.open, url: entry.url } : null,
    })),
    links: null,
    footer: wording.digest.footer,
  };
  return render(message);
}

/** Human labels, also used by the API's confirmation pages. */
export function actionLabel(action: LinkAction, locale: Locale): string {
  return wordingFor(locale).actionLabels[action];
}

export function planTitle(plan: NotificationFacts['plan'], locale: Locale): string {
  return wordingFor(locale).planTitle({ ...plan, unitName: oneLine(plan.unitName) });
}

export function reportTitle(plan: NotificationFacts['plan'], report: NotifiedReport, locale: Locale): string {
  return wordingFor(locale).reportTitle({ ...plan, unitName: oneLine(plan.unitName) }, cleanReport(report));
}

/** The due moment on a clock in Vietnam: '17:00 ngày 15/01/2027' or '15 Jan 2027, 17:00 (Vietnam time)'. */
export function formatDueDate(iso: string, locale: Locale): string {
  const at = vietnamTimeOf(iso);
  return at ? wordingFor(locale).dueDate(at) : oneLine(iso);
}

function render(message: Message): RenderedMail {
  return { subject: message.subject, text: toText(message), html: toHtml(message) };
}

/** An unknown locale (a stale preference, say) falls back to Vietnamese rather than failing the send. */
function wordingFor(locale: Locale): Wording {
  return WORDINGS[locale] ?? vi;
}

function cleanFacts(facts: NotificationFacts): NotificationFacts {
  return {
    ...facts,
    recipientName: oneLine(facts.recipientName),
    plan: { ...facts.plan, unitName: oneLine(facts.plan.unitName), documentNumber: facts.plan.documentNumber && oneLine(facts.plan.documentNumber) },
    actorName: facts.actorName && oneLine(facts.actorName),
    comments: facts.comments && multiline(facts.comments),
    step: facts.step && oneLine(facts.step),
    ...(facts.report ? { report: cleanReport(facts.report) } : {}),
  };
}

function cleanReport(report: NotifiedReport): NotifiedReport {
  return { ...report, title: report.title && oneLine(report.title), missingUnits: (report.missingUnits ?? []).map(oneLine).filter((name) => name !== '') };
}

/** Right after what happened, the units still to report: whoever compiles the province's report must know whom to chase. */
function leadOf(facts: NotificationFacts, wording: Wording): string[] {
  const [happened, ...rest] = wording.lead(facts);
  const missing = facts.report?.missingUnits ?? [];
  return missing.length > 0 ? [happened, wording.missingReports(missing), ...rest] : [happened, ...rest];
}

function keyFacts(facts: NotificationFacts, dueAt: string | null, wording: Wording): Message['facts'] {
  const { plan, report } = facts;
  const labels = wording.factLabels;
  const rows = [{ label: labels.unit, value: plan.unitName }];
  if (report) {
    // A report tells progress: the plan's version, rows, money and number would only crowd out what is asked.
    rows.push({ label: labels.report, value: wording.reportTitle(plan, report) }, { label: labels.plan, value: wording.planTitle(plan) });
  } else {
    rows.push(
      { label: labels.plan, value: wording.planTitle(plan) },
      { label: labels.version, value: String(plan.version) },
      { label: labels.itemCount, value: String(plan.itemCount) },
      { label: labels.totalBudget, value: isValidBudget(plan.totalBudget) ? wording.budget(formatVnd(plan.totalBudget), vndInWords(plan.totalBudget)) : '—' },
    );
  }
  if (dueAt) rows.push({ label: labels.dueAt, value: dueAt });
  if (plan.documentNumber && !report) rows.push({ label: labels.documentNumber, value: plan.documentNumber });
  return rows;
}

function linksOf(links: Partial<Record<LinkAction, string>>, wording: Wording): Link[] {
  return LINK_ACTIONS.flatMap((action) => {
    const url = links[action];
    return url && isWebUrl(url) ? [{ action, label: wording.actionLabels[action], url }] : [];
  });
}
