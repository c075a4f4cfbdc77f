import { formatDueDate } from '@plancycle/notifications';
import type { TaskRecord } from '@plancycle/persistence';
import { taskKindLabel, taskText, TASK_KINDS } from '../i18n/tasks.messages';
import type { WebContext } from '../session/web-context';
import { html } from '../views/html';
import { page } from '../views/layout';
import { taskPath } from '../views/paths';

export interface InboxFilters {
  cycle: string | null;
  unit: string | null;
  kind: string | null;
}

export interface InboxRow {
  task: TaskRecord;
  /** Working days to the due date; negative once overdue. */
  daysLeft: number;
}

export function inboxPage(context: WebContext, rows: InboxRow[], filters: InboxFilters): string {
  const text = taskText(context.locale);
  const shown = rows.filter(({ task }) => (!filters.cycle || task.cycleId === filters.cycle) && (!filters.unit || task.planUnitCode === filters.unit) && (!filters.kind || task.kind === filters.kind));
  const cycles = [...new Set(rows.map(({ task }) => task.cycleId))].sort();
  const units = [...new Map(rows.map(({ task }) => [task.planUnitCode, task.planUnitName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const option = (value: string, label: string, selected: string | null) => html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;

  return page(context, {
    title: text.title,
    section: 'inbox',
    body: html`<h1>${text.title}</h1>
<p class="muted">${text.intro}</p>
<form method="get" action="/app" class="filters" role="search">
  <div><label for="f-cycle">${text.filterCycle}</label>
    <select id="f-cycle" name="cycle"><option value="">${text.all}</option>${cycles.map((cycle) => option(cycle, cycle, filters.cycle))}</select></div>
  <div><label for="f-unit">${text.filterUnit}</label>
    <select id="f-unit" name="unit"><option value="">${text.all}</option>${units.map(([code, name]) => option(code, name, filters.unit))}</select></div>
  <div><label for="f-kind">${text.filterKind}</label>
    <select id="f-kind" name="kind"><option value="">${text.all}</option>${TASK_KINDS.map((kind) => option(kind, taskKindLabel(kind, context.locale), filters.kind))}</select></div>
  <button type="submit">${text.apply}</button>
  ${(filters.cycle || filters.unit || filters.kind) && html`<a href="/app">${text.clear}</a>`}
</form>
<p class="muted" aria-live="polite">${text.count(shown.length, rows.length)}</p>
${
  shown.length === 0
    ? html`<p class="card">${rows.length === 0 ? text.empty : text.emptyFiltered}</p>`
    : html`<div class="table-wrap"><table class="cards" id="tasks">
<thead><tr><th>${text.columnTask}</th><th>${text.columnUnit}</th><th>${text.columnCycle}</th><th>${text.columnDue}</th><th>${text.columnLeft}</th></tr></thead>
<tbody>${shown.map(({ task, daysLeft }) => {
        const state = daysLeft < 0 ? 'overdue' : daysLeft <= 2 ? 'soon' : '';
        const left = daysLeft < 0 ? text.overdue(-daysLeft) : daysLeft === 0 ? text.dueToday : text.daysLeft(daysLeft);
        return html`<tr class="${state}" data-task-kind="${task.kind}">
  <td data-label="${text.columnTask}"><a href="${taskPath(task)}">${taskKindLabel(task.kind, context.locale)}</a></td>
  <td data-label="${text.columnUnit}">${task.planUnitName}</td>
  <td data-label="${text.columnCycle}">${task.cycleId}</td>
  <td data-label="${text.columnDue}">${formatDueDate(task.dueAt, context.locale)}</td>
  <td data-label="${text.columnLeft}"><span class="badge ${state}">${left}</span></td>
</tr>`;
      })}</tbody></table></div>`
}`,
  });
}
