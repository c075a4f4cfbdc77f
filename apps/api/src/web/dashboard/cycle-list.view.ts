import { dashboardText } from '../i18n/dashboard.messages';
import type { WebContext } from '../session/web-context';
import { html } from '../views/html';
import { page } from '../views/layout';
import { cyclePath } from '../views/paths';
import type { CycleSummary } from './cycle-dashboard.model';

/** Where the admin's page for starting a cycle lives (built with the admin pages). */
const START_CYCLE_PATH = '/app/admin/cycles/new';

export function cycleListPage(context: WebContext, cycles: readonly CycleSummary[]): string {
  const text = dashboardText(context.locale);
  const isAdmin = context.user.roles.some((role) => role.role === 'admin');
  return page(context, {
    title: text.listTitle,
    section: 'cycles',
    body: html`<h1>${text.listTitle}</h1>
<p class="muted">${text.listIntro}</p>
${isAdmin && html`<p class="actions"><a class="button primary" href="${START_CYCLE_PATH}">${text.startCycle}</a></p>`}
${
  cycles.length === 0
    ? html`<p class="card">${text.listEmpty}</p>`
    : html`<div class="table-wrap"><table class="cards" id="cycles">
<thead><tr><th scope="col">${text.columnCycle}</th><th scope="col">${text.columnProvince}</th><th scope="col">${text.columnStatus}</th>
  <th scope="col" class="num">${text.columnUnits}</th><th scope="col" class="num">${text.columnIssued}</th></tr></thead>
<tbody>${cycles.map(
        (cycle) => html`<tr data-cycle="${cycle.id}">
  <td data-label="${text.columnCycle}"><a href="${cyclePath(cycle.id)}">${text.cycleName(cycle.year)}</a> <span class="muted">(${cycle.id})</span></td>
  <td data-label="${text.columnProvince}">${cycle.provinceName}</td>
  <td data-label="${text.columnStatus}"><span class="badge${cycle.stage === 'closed' ? '' : ' on-time'}">${cycle.stage === 'closed' ? text.cycleClosed : text.cycleRunning}</span></td>
  <td data-label="${text.columnUnits}" class="num">${cycle.unitCount}</td>
  <td data-label="${text.columnIssued}" class="num">${cycle.issuedCount} / ${cycle.unitCount}</td>
</tr>`,
      )}</tbody></table></div>`
}`,
  });
}
