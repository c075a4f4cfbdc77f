import { stageLabel } from '../i18n/common.messages';
import { dashboardText } from '../i18n/dashboard.messages';
import type { Locale } from '../i18n/locale';
import type { WebContext } from '../session/web-context';
import { html, type SafeHtml } from '../views/html';
import { page } from '../views/layout';
import { cyclePath, planPath } from '../views/paths';
import { dashboardCharts } from './charts.view';
import { lateReportCount, type CycleDashboard, type CycleProgressView, type DashboardStage } from './cycle-dashboard.model';
import { timeline } from './timeline.view';
import { unitTable } from './unit-table.view';

export function cycleDashboardPage(context: WebContext, dashboard: CycleDashboard, filter: DashboardStage | null): string {
  const text = dashboardText(context.locale);
  const { cycle } = dashboard;
  const title = text.dashboardTitle(cycle.year, cycle.provinceName);
  const issued = dashboard.units.filter((unit) => unit.versionInForce !== null).length;
  return page(context, {
    title,
    section: 'cycles',
    body: html`<p class="muted"><a href="/app/cycles">${text.breadcrumb}</a> › ${cycle.id}</p>
<h1>${title} <span class="badge">${cycle.stage === 'closed' ? text.cycleClosed : text.cycleRunning}</span></h1>
${dashboard.progress.stage === 'starting' && liveProgress(cycle.id, dashboard.progress, context.locale)}
<section aria-labelledby="stats-heading">
  <h2 id="stats-heading" class="visually-hidden">${text.statsHeading}</h2>
  <div class="stats">
    <div><strong id="stat-units">${dashboard.units.length}</strong>${text.statUnits}</div>
    <div><strong id="stat-issued">${issued}</strong>${text.statIssued}</div>
    <div class="${dashboard.overdueTasks > 0 ? 'alert' : ''}"><strong id="stat-late-tasks">${dashboard.overdueTasks}</strong>${text.statLateTasks}</div>
    <div><strong id="stat-late-reports">${lateReportCount(dashboard.units)}</strong>${text.statLateReports}</div>
  </div>
  <p>${text.provincialPlan}: ${provincialPlanLine(dashboard, context.locale)}</p>
</section>
${unitTable(cycle.id, dashboard.units, filter, context.locale)}
${dashboardCharts(dashboard, context.locale)}
${timeline(cycle.calendar, dashboard.now, context.locale)}`,
  });
}

function provincialPlanLine(dashboard: CycleDashboard, locale: Locale): SafeHtml {
  const text = dashboardText(locale);
  const plan = dashboard.provincialPlan;
  if (!plan) return html`<span class="muted">${text.provincialPlanNotOpen}</span>`;
  return html`<a href="${planPath(dashboard.cycle.id, null)}">${stageLabel(plan.stage, locale)}</a>${plan.documentNumber && html` · ${plan.documentNumber}`}`;
}

/**
 * Shown while unit workflows are still starting. The page's script polls the JSON beside it and
 * reloads once every unit is up; without the script the page still says how far it got.
 */
function liveProgress(cycleId: string, progress: CycleProgressView, locale: Locale): SafeHtml {
  const text = dashboardText(locale);
  const sentence = (template: string) => template.replace('{up}', String(progress.unitsUp)).replace('{expected}', String(progress.expectedUnits));
  return html`<section class="card live-progress" aria-labelledby="progress-heading"
  data-live-progress="${cyclePath(cycleId)}/progress.json" data-progress-template="${text.progressText}">
  <h2 id="progress-heading">${text.progressHeading}</h2>
  <progress id="units-up" max="${progress.expectedUnits}" value="${progress.unitsUp}" aria-labelledby="progress-heading"></progress>
  <p aria-live="polite" data-progress-text>${sentence(text.progressText)}</p>
  <p class="muted">${text.progressHint}</p>
</section>`;
}
