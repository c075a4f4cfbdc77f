import { formatVnd, planBudgetTotal, vndInWords, type PlanItem, type TimeFrame } from '@plancycle/domain';
import { planText } from '../i18n/plan.messages';
import type { Locale } from '../i18n/locale';
import { html, type SafeHtml } from '../views/html';

const ROMAN = ['I', 'II', 'III', 'IV'];

export function timeFrameText(frame: TimeFrame, locale: Locale): string {
  const text = planText(locale);
  switch (frame.kind) {
    case 'quarter':
      return text.frameQuarter(ROMAN[frame.quarter - 1], frame.year);
    case 'month':
      return text.frameMonth(frame.month, frame.year);
    case 'year':
      return text.frameYear(frame.year);
    case 'regular':
      return text.frameRegular;
    case 'lead_unit_schedule':
      return text.frameLeadUnit;
  }
}

export type UnitNames = ReadonlyMap<string, string>;

const unitName = (names: UnitNames, code: string) => names.get(code) ?? code;

/** The appendix table of seed 002, read-only: the plan as it will be printed, with its total in words. */
export function planTable(items: readonly PlanItem[], names: UnitNames, locale: Locale, caption: string): SafeHtml {
  const text = planText(locale);
  if (items.length === 0) return html`<p class="card muted">${text.noItems}</p>`;
  const total = planBudgetTotal(items);
  // On a phone each row becomes a card, each cell under its heading (`table.cards`, data-label).
  return html`<div class="table-wrap"><table class="plan-table cards">
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th class="num">${text.colNo}</th><th>${text.colContent}</th><th>${text.colLead}</th><th>${text.colCoordinating}</th><th>${text.colTimeFrame}</th><th class="num">${text.colBudget}</th></tr></thead>
<tbody>${items.map(
    (item, index) => html`<tr>
  <td class="num" data-label="${text.colNo}">${index + 1}</td><td data-label="${text.colContent}">${item.content}</td><td data-label="${text.colLead}">${unitName(names, item.leadUnitCode)}</td>
  <td data-label="${text.colCoordinating}">${item.coordinatingUnitCodes.map((code) => unitName(names, code)).join('; ')}</td>
  <td data-label="${text.colTimeFrame}">${timeFrameText(item.timeFrame, locale)}</td><td class="num" data-label="${text.colBudget}">${item.budget === null ? '' : formatVnd(item.budget)}</td>
</tr>`,
  )}</tbody>
<tfoot><tr><th colspan="5">${text.total}</th><th class="num" data-total>${formatVnd(total)}</th></tr>
<tr><td colspan="6"><em>${text.inWords}: ${vndInWords(total)}</em></td></tr></tfoot>
</table></div>`;
}

type RowChange = 'added' | 'removed' | 'changed' | 'unchanged';

/**
 * Two versions side by side, row by row (rows keep their id across versions): what the appraiser's
 * return or an amendment changed. Changed cells are marked, not only the row.
 */
export function compareTable(before: readonly PlanItem[], after: readonly PlanItem[], names: UnitNames, locale: Locale): SafeHtml {
  const text = planText(locale);
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const rows: Array<{ change: RowChange; old: PlanItem | null; next: PlanItem | null }> = [
    ...after.map((item) => {
      const old = beforeById.get(item.id) ?? null;
      const change: RowChange = !old ? 'added' : JSON.stringify(describe(old, names, locale)) === JSON.stringify(describe(item, names, locale)) ? 'unchanged' : 'changed';
      return { change, old, next: item };
    }),
    ...before.filter((item) => !afterIds.has(item.id)).map((item) => ({ change: 'removed' as const, old: item, next: null })),
  ];
  const label: Record<RowChange, string> = { added: text.added, removed: text.removed, changed: text.changed, unchanged: text.unchanged };
  const cells = (item: PlanItem | null, other: PlanItem | null) => {
    if (!item) return html`<td colspan="3" class="muted">—</td>`;
    const mine = describe(item, names, locale);
    const theirs = other ? describe(other, names, locale) : null;
    const mark = (key: keyof ReturnType<typeof describe>) => (theirs && theirs[key] !== mine[key] ? html`<mark>${mine[key]}</mark>` : mine[key]);
    return html`<td>${mark('content')}</td><td>${mark('units')}<br><span class="muted">${mark('timeFrame')}</span></td><td class="num">${mark('budget')}</td>`;
  };
  return html`<p class="muted">${text.compareLegend}</p>
<div class="table-wrap"><table class="compare" id="compare">
<thead><tr><th></th><th colspan="3">${text.compareFrom}</th><th colspan="3">${text.compareTo}</th></tr>
<tr><th></th><th>${text.colContent}</th><th>${text.colLead} / ${text.colTimeFrame}</th><th class="num">${text.colBudget}</th><th>${text.colContent}</th><th>${text.colLead} / ${text.colTimeFrame}</th><th class="num">${text.colBudget}</th></tr></thead>
<tbody>${rows.map((row) => html`<tr class="${row.change}" data-change="${row.change}"><td><span class="badge">${label[row.change]}</span></td>${cells(row.old, row.next)}${cells(row.next, row.old)}</tr>`)}</tbody>
<tfoot><tr><th>${text.total}</th><th colspan="3" class="num">${formatVnd(planBudgetTotal(before))}</th><th colspan="3" class="num">${formatVnd(planBudgetTotal(after))}</th></tr></tfoot>
</table></div>`;
}

function describe(item: PlanItem, names: UnitNames, locale: Locale) {
  return {
    content: item.content,
    units: [unitName(names, item.leadUnitCode), ...item.coordinatingUnitCodes.map((code) => unitName(names, code))].join('; '),
    timeFrame: timeFrameText(item.timeFrame, locale),
    budget: item.budget === null ? '' : formatVnd(item.budget),
    // Not shown in a column, but a change to them is a change to the row.
    links: `${item.focusTaskNumbers.join(',')}|${item.sourceItemId ?? ''}`,
  };
}
