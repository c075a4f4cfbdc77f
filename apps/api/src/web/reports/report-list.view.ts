import { REPORT_KINDS, REPORT_STAGES } from '@plancycle/domain';
import { formatDueDate } from '@plancycle/notifications';
import { reportKindLabel, reportPeriodLabel, reportStageLabel, reportText } from '../i18n/reports.messages';
import type { WebContext } from '../session/web-context';
import { html } from '../views/html';
import { page } from '../views/layout';
import { downloadsLine } from '../views/downloads';
import { cyclePath, reportPath, reportsListPath } from '../views/paths';
import type { ReportListEntry } from './report-page.service';

export interface ReportListFilters {
  unit: string | null;
  kind: string | null;
  stage: string | null;
}

/** A cycle's reports, filtered by unit, kind and state (a GET form, so a filtered list can be bookmarked). */
export function reportListPage(context: WebContext, cycle: { id: string; year: number }, reports: readonly ReportListEntry[], filters: ReportListFilters): string {
  const text = reportText(context.locale);
  const shown = reports.filter(
    (report) => (!filters.unit || report.unitCode === filters.unit) && (!filters.kind || report.kind === filters.kind) && (!filters.stage || report.stage === filters.stage),
  );
  const units = [...new Map(reports.map((report) => [report.unitCode, report.unitName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const option = (value: string, label: string, selected: string | null) => html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;
  const filtered = Boolean(filters.unit || filters.kind || filters.stage);

  return page(context, {
    title: text.listTitle(cycle.id),
    section: 'cycles',
    body: html`<p class="muted"><a href="${cyclePath(cycle.id)}">← ${text.backToCycle}</a></p>
<h1>${text.listTitle(cycle.id)}</h1>
<p class="muted">${text.listIntro}</p>
${downloadsLine(context.locale, { xlsx: `${cyclePath(cycle.id)}/reports.xlsx` })}
<form method="get" action="${reportsListPath(cycle.id)}" class="filters" role="search">
  <div><label for="f-unit">${text.filterUnit}</label>
    <select id="f-unit" name="unit"><option value="">${text.all}</option>${units.map(([code, name]) => option(code, name, filters.unit))}</select></div>
  <div><label for="f-kind">${text.filterKind}</label>
    <select id="f-kind" name="kind"><option value="">${text.all}</option>${REPORT_KINDS.map((kind) => option(kind, reportKindLabel(kind, context.locale), filters.kind))}</select></div>
  <div><label for="f-stage">${text.filterStage}</label>
    <select id="f-stage" name="stage"><option value="">${text.all}</option>${REPORT_STAGES.map((stage) => option(stage, reportStageLabel(stage, 'quarterly', context.locale), filters.stage))}</select></div>
  <button type="submit">${text.apply}</button>
  ${filtered && html`<a href="${reportsListPath(cycle.id)}">${text.clear}</a>`}
</form>
<p class="muted" aria-live="polite">${text.count(shown.length, reports.length)}</p>
${
  shown.length === 0
    ? html`<p class="card">${reports.length === 0 ? text.emptyList : text.emptyFiltered}</p>`
    : html`<div class="table-wrap"><table class="cards" id="reports">
<thead><tr><th scope="col">${text.columnReport}</th><th scope="col">${text.unit}</th><th scope="col">${text.period}</th><th scope="col">${text.stage}</th><th scope="col">${text.due}</th></tr></thead>
<tbody>${shown.map((report) => {
        const badge = report.stage === 'accepted' ? 'accepted' : report.late ? 'late' : '';
        return html`<tr class="${report.late && report.stage === 'writing' ? 'overdue' : ''}" data-report-kind="${report.kind}" data-report-stage="${report.stage}">
  <td data-label="${text.columnReport}"><a href="${reportPath(report.id)}">${reportKindLabel(report.kind, context.locale)}</a></td>
  <td data-label="${text.unit}">${report.unitName}</td>
  <td data-label="${text.period}">${reportPeriodLabel(report, cycle.year, context.locale)}</td>
  <td data-label="${text.stage}"><span class="badge ${badge}">${reportStageLabel(report.stage, report.kind, context.locale)}</span>${report.late && html` <span class="badge late">${text.late}</span>`}</td>
  <td data-label="${text.due}">${formatDueDate(report.dueAt, context.locale)}</td>
</tr>`;
      })}</tbody></table></div>`
}`,
  });
}
