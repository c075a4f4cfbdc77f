import { formatVnd } from '@plancycle/domain';
import { reportStageLabel, reportText } from '../i18n/reports.messages';
import type { WebContext } from '../session/web-context';
import { html, type SafeHtml } from '../views/html';
import { reportPath } from '../views/paths';
import type { Aggregation } from './report-page.service';

/**
 * The coordinator's aggregation (seed 003: units report "thông qua Sở Thông tin và Truyền thông tổng
 * hợp"): the totals stored when the provincial report opened, each unit's annual report with its
 * figures, and the units still missing.
 */
export function aggregationSection(context: WebContext, aggregation: Aggregation): SafeHtml {
  const text = reportText(context.locale);
  const { totals } = aggregation;
  const dash = html`<span class="muted">—</span>`;
  return html`<section class="card report-aggregation" aria-labelledby="aggregation-heading">
  <h2 id="aggregation-heading">${text.aggregationHeading}</h2>
  <p class="muted">${text.aggregationIntro}</p>
  ${
    totals &&
    html`<div class="stats">
    <div>${text.unitsExpected}<strong>${totals.unitsExpected}</strong></div>
    <div>${text.unitsReported}<strong>${totals.unitsReported}</strong></div>
    <div>${text.itemsTotal}<strong>${totals.itemsTotal}</strong></div>
    <div>${text.itemsDone}<strong>${totals.itemsDone}</strong></div>
    <div>${text.totalSpent}<strong>${formatVnd(totals.totalSpent)}</strong></div>
  </div>`
  }
  <div class="table-wrap"><table class="cards report-aggregation-table">
  <thead><tr><th scope="col">${text.unit}</th><th scope="col">${text.annualReport}</th><th scope="col" class="num">${text.itemsTotal}</th><th scope="col" class="num">${text.itemsDone}</th><th scope="col" class="num">${text.totalSpent}</th><th scope="col">${text.counted}</th></tr></thead>
  <tbody>${aggregation.rows.map(
    (row) => html`<tr data-unit="${row.unitCode}">
    <td data-label="${text.unit}">${row.unitName}</td>
    <td data-label="${text.annualReport}">${
      row.annualReport
        ? html`<a href="${reportPath(row.annualReport.id)}">${reportStageLabel(row.annualReport.stage, 'annual', context.locale)}</a>`
        : html`<span class="muted">${text.noAnnualReport}</span>`
    }</td>
    <td data-label="${text.itemsTotal}" class="num">${row.figures ? row.figures.itemsTotal : dash}</td>
    <td data-label="${text.itemsDone}" class="num">${row.figures ? row.figures.itemsDone : dash}</td>
    <td data-label="${text.totalSpent}" class="num">${row.figures ? formatVnd(row.figures.totalSpent) : dash}</td>
    <td data-label="${text.counted}">${row.counted ? text.yes : text.no}</td>
  </tr>`,
  )}</tbody>
  ${
    totals &&
    html`<tfoot class="report-totals"><tr><th scope="row" colspan="2">${text.total}</th><td class="num" data-label="${text.itemsTotal}">${totals.itemsTotal}</td><td class="num" data-label="${text.itemsDone}">${totals.itemsDone}</td><td class="num" data-label="${text.totalSpent}">${formatVnd(totals.totalSpent)}</td><td></td></tr></tfoot>`
  }
  </table></div>
  <h3>${text.missingHeading}</h3>
  ${
    aggregation.missingUnits.length === 0
      ? html`<p>${text.noneMissing}</p>`
      : html`<ul class="report-missing">${aggregation.missingUnits.map((unit) => html`<li data-unit="${unit.code}">${unit.name}</li>`)}</ul>`
  }
</section>`;
}
