import type { CycleCalendar } from '@plancycle/domain';
import { dashboardText } from '../i18n/dashboard.messages';
import type { Locale } from '../i18n/locale';
import { html, type SafeHtml } from '../views/html';
import { formatDeadline } from './format';

interface Milestone {
  at: string;
  label: string;
  detail: string | null;
}

/** The cycle's calendar as milestones in time order; a report's levels share one line. */
export function milestonesOf(calendar: CycleCalendar, locale: Locale): Milestone[] {
  const text = dashboardText(locale);
  const day = (instant: string) => formatDeadline(instant, locale);
  const milestones: Milestone[] = [
    { at: calendar.provincialPlanDue, label: text.dueProvincialPlan, detail: null },
    { at: calendar.unitPlanDraftDue, label: text.dueUnitDraft, detail: null },
    { at: calendar.appraisalDue, label: text.dueAppraisal, detail: null },
    { at: calendar.unitPlanIssueDue, label: text.dueUnitIssue, detail: null },
    ...calendar.quarterlyReports.map((window) => ({
      at: window.unitDue,
      label: text.dueQuarter(window.quarter),
      detail: text.dueLevels(day(window.unitDue), day(window.coordinatorDue), day(window.provinceDue)),
    })),
    {
      at: calendar.annualReport.unitDue,
      label: text.dueAnnual,
      detail:
        text.dueLevels(day(calendar.annualReport.unitDue), day(calendar.annualReport.coordinatorDue), day(calendar.annualReport.provinceDue)) +
        text.dueMinistry(day(calendar.annualReport.ministryDue)),
    },
    { at: calendar.closesAt, label: text.dueClose, detail: null },
  ];
  return milestones.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Past milestones are struck through and say so in words; the next one is marked for everyone. */
export function timeline(calendar: CycleCalendar, now: number, locale: Locale): SafeHtml {
  const text = dashboardText(locale);
  const milestones = milestonesOf(calendar, locale);
  const next = milestones.find((milestone) => Date.parse(milestone.at) >= now);
  return html`<section class="card" aria-labelledby="timeline-heading">
  <h2 id="timeline-heading">${text.timelineHeading}</h2>
  <ol class="timeline">${milestones.map((milestone) => {
    const past = Date.parse(milestone.at) < now;
    const isNext = milestone === next;
    return html`<li class="${past ? 'past' : isNext ? 'next' : ''}"${isNext ? html` aria-current="step"` : ''}>
    <time datetime="${milestone.at}">${formatDeadline(milestone.at, locale)}</time>
    <span><strong>${milestone.label}</strong>${milestone.detail && html`<br><span class="muted">${milestone.detail}</span>`}
      ${past && html` <span class="badge">${text.timelinePast}</span>`}${isNext && html` <span class="badge soon">${text.timelineNext}</span>`}</span>
  </li>`;
  })}</ol>
</section>`;
}
