import { stageLabel } from '../i18n/common.messages';
import { dashboardText, reportStateLabel } from '../i18n/dashboard.messages';
import type { Locale } from '../i18n/locale';
import { html, type SafeHtml } from '../views/html';
import { cyclePath, planPath, reportPath } from '../views/paths';
import { DASHBOARD_STAGES, type DashboardStage, type ReportCell, type UnitRow } from './cycle-dashboard.model';
import { formatDay } from './format';

const STAGE_BADGE: Partial<Record<DashboardStage, string>> = { issued: 'issued' };
const REPORT_BADGE: Record<ReportCell['state'], string> = { none: 'none', open: '', submitted: 'submitted', accepted: 'accepted', late: 'late' };

/** The status of every unit, filtered by plan stage with a plain GET form, and its CSV download. */
export function unitTable(cycleId: string, units: readonly UnitRow[], filter: DashboardStage | null, locale: Locale): SafeHtml {
  const text = dashboardText(locale);
  const shown = filter ? units.filter((unit) => unit.stage === filter) : units;
  const base = cyclePath(cycleId);
  const quarterHeadings = [1, 2, 3, 4].map((quarter) => text.columnQuarter(quarter));

  // What repeats on every row is escaped once per table, not once per row: at 200 units the
  // escaping was a good part of the page's time.
  const once = (value: string) => html`${value}`;
  const reportLabels = [...quarterHeadings, text.columnAnnual].map(once);
  const [unitLabel, stageColumnLabel, versionLabel, numberLabel] = [text.columnUnit, text.columnStage, text.columnVersion, text.columnNumber].map(once);
  const reportBadges = new Map(
    (Object.keys(REPORT_BADGE) as Array<ReportCell['state']>).map((state) => [state, html`<span class="badge ${REPORT_BADGE[state]}">${reportStateLabel(state, locale)}</span>`]),
  );
  const stageBadges = new Map(DASHBOARD_STAGES.map((stage) => [stage, html`<span class="badge ${STAGE_BADGE[stage] ?? ''}">${stageLabel(stage, locale)}</span>`]));

  const reportCell = (cell: ReportCell, label: SafeHtml) => {
    const state = reportBadges.get(cell.state);
    return html`<td data-label="${label}" data-report-state="${cell.state}">${cell.reportId ? html`<a href="${reportPath(cell.reportId)}">${state}</a>` : state}</td>`;
  };

  return html`<section aria-labelledby="units-heading">
  <h2 id="units-heading">${text.unitsHeading}</h2>
  <form method="get" action="${base}#units-heading" class="filters" role="search">
    <div><label for="f-stage">${text.filterStage}</label>
      <select id="f-stage" name="stage"><option value="">${text.all}</option>${DASHBOARD_STAGES.map(
        (stage) => html`<option value="${stage}"${filter === stage ? html` selected` : ''}>${stageLabel(stage, locale)}</option>`,
      )}</select></div>
    <button type="submit">${text.apply}</button>
    ${filter && html`<a href="${base}">${text.clear}</a>`}
    <a class="button" href="${base}/export.csv" download>${text.exportCsv}</a>
  </form>
  <p class="muted" aria-live="polite">${text.shown(shown.length, units.length)}</p>
  ${
    shown.length === 0
      ? html`<p class="card">${text.noneShown}</p>`
      : html`<div class="table-wrap"><table class="cards unit-status" id="unit-status">
  <thead><tr>
    <th scope="col">${text.columnUnit}</th><th scope="col">${text.columnStage}</th><th scope="col" class="num">${text.columnVersion}</th>
    <th scope="col">${text.columnNumber}</th>${quarterHeadings.map((heading) => html`<th scope="col">${heading}</th>`)}<th scope="col">${text.columnAnnual}</th>
  </tr></thead>
  <tbody>${shown.map(
    (unit) => html`<tr data-unit="${unit.unitCode}" data-stage="${unit.stage}">
    <th scope="row" data-label="${unitLabel}"><a href="${planPath(cycleId, unit.unitCode)}">${unit.unitName}</a></th>
    <td data-label="${stageColumnLabel}">${stageBadges.get(unit.stage)}</td>
    <td data-label="${versionLabel}" class="num">${unit.latestVersion === null ? '–' : text.versionOf(unit.latestVersion, unit.versionInForce)}</td>
    <td data-label="${numberLabel}">${unit.documentNumber ? html`${unit.documentNumber}${unit.issuedOn && html`<br><span class="muted">${formatDay(unit.issuedOn, locale)}</span>`}` : '–'}</td>
    ${unit.quarters.map((cell, index) => reportCell(cell, reportLabels[index]))}
    ${reportCell(unit.annual, reportLabels[4])}
  </tr>`,
  )}</tbody>
</table></div>`
  }
</section>`;
}
