import { dayOfWeek, formatVietnameseDate, isLocalDate, FIRST_CYCLE_YEAR, LAST_CYCLE_YEAR } from '@plancycle/domain';
import type { WorkCalendarDayRecord } from '@plancycle/persistence';
import { adminText } from '../i18n/admin.messages';
import type { WebContext } from '../session/web-context';
import { flag, html } from '../views/html';
import { csrfField } from '../views/layout';
import { scopedPath, type AdminScope } from './admin-scope';
import { adminPage, problemsBox, provinceField } from './admin.view';

/** One row of the year's form as shown: a day, or a blank row to add one. */
export interface DayRow {
  date: string;
  kind: string;
  name: string;
  remove: boolean;
  /** What is wrong with this row, shown on it. */
  problems: string[];
}

export const BLANK_DAY_ROWS = 5;
export const blankDayRows = (): DayRow[] => Array.from({ length: BLANK_DAY_ROWS }, () => ({ date: '', kind: 'day_off', name: '', remove: false, problems: [] }));

export function calendarPage(
  context: WebContext,
  scope: AdminScope,
  data: { year: number; days: readonly WorkCalendarDayRecord[]; rows: readonly DayRow[]; problems: readonly string[]; notice: string | null },
): string {
  const text = adminText(context.locale);
  const kindLabel = (kind: string) => (kind === 'working_day' ? text.workingDay : text.dayOff);
  const weekday = (date: string) => (isLocalDate(date) ? text.weekday(dayOfWeek(date)) : '');
  const yearPath = (year: number) => scopedPath(scope, `/app/admin/calendar/${year}`);
  return adminPage(context, scope, {
    title: text.calendarTitle(data.year),
    current: 'calendar',
    notice: data.notice,
    body: html`<h1>${text.calendarTitle(data.year)}</h1>
<p class="muted">${text.calendarIntro}</p>
<nav class="row year-nav" aria-label="${text.yearNavLabel}">
  ${data.year > FIRST_CYCLE_YEAR && html`<a href="${yearPath(data.year - 1)}" rel="prev">${text.previousYear(data.year - 1)}</a>`}
  ${data.year < LAST_CYCLE_YEAR && html`<a href="${yearPath(data.year + 1)}" rel="next">${text.nextYear(data.year + 1)}</a>`}
</nav>
${
  data.days.length === 0
    ? html`<p class="card">${text.noDays}</p>`
    : html`<div class="table-wrap"><table class="cards" id="days">
<thead><tr><th>${text.colDate}</th><th>${text.colWeekday}</th><th>${text.colDayKind}</th><th>${text.colDayName}</th><th>${text.colSource}</th></tr></thead>
<tbody>${data.days.map(
        (day) => html`<tr class="${day.kind}" data-date="${day.date}">
  <td data-label="${text.colDate}"><time datetime="${day.date}">${formatVietnameseDate(day.date)}</time></td>
  <td data-label="${text.colWeekday}">${weekday(day.date)}</td>
  <td data-label="${text.colDayKind}"><span class="badge${day.kind === 'working_day' ? ' soon' : ''}">${kindLabel(day.kind)}</span></td>
  <td data-label="${text.colDayName}">${day.name}</td>
  <td data-label="${text.colSource}">${day.source === 'baseline' ? text.sourceBaseline : text.sourceAdmin}</td>
</tr>`,
      )}</tbody></table></div>`
}
<h2 id="edit">${text.calendarEditTitle}</h2>
<p class="muted">${text.calendarEditHint}</p>
${problemsBox(context, data.problems)}
<form method="post" action="/app/admin/calendar/${data.year}" class="card" aria-labelledby="edit">
  ${csrfField(context)}${provinceField(scope)}
  <div class="table-wrap"><table class="cards grid day-rows">
  <thead><tr><th>${text.colDate}</th><th>${text.colDayKind}</th><th>${text.colDayName}</th><th>${text.remove}</th></tr></thead>
  <tbody>${data.rows.map((row, index) => {
    const id = `day-${index}`;
    const label = text.row(index + 1);
    const invalid = row.problems.length > 0 ? html` aria-invalid="true" aria-describedby="${id}-problems"` : '';
    return html`<tr${row.problems.length > 0 ? html` class="overdue"` : ''}>
    <td data-label="${text.colDate}"><label class="visually-hidden" for="${id}-date">${label}: ${text.colDate}</label>
      <input type="date" id="${id}-date" name="day.${index}.date" value="${row.date}" min="${data.year}-01-01" max="${data.year}-12-31"${invalid}>
      ${row.problems.length > 0 && html`<ul class="field-problems" id="${id}-problems">${row.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`}</td>
    <td data-label="${text.colDayKind}"><label class="visually-hidden" for="${id}-kind">${label}: ${text.colDayKind}</label>
      <select id="${id}-kind" name="day.${index}.kind"${invalid}><option value="day_off"${flag('selected', row.kind !== 'working_day')}>${text.dayOff}</option><option value="working_day"${flag('selected', row.kind === 'working_day')}>${text.workingDay}</option></select></td>
    <td data-label="${text.colDayName}"><label class="visually-hidden" for="${id}-name">${label}: ${text.colDayName}</label>
      <input id="${id}-name" name="day.${index}.name" value="${row.name}" maxlength="200"${invalid}></td>
    <td data-label="${text.remove}"><label class="check" for="${id}-remove"><input type="checkbox" id="${id}-remove" name="day.${index}.remove" value="true"${flag('checked', row.remove)}> ${text.remove}<span class="visually-hidden"> ${label}</span></label></td>
  </tr>`;
  })}</tbody></table></div>
  <div class="actions"><button type="submit" class="primary">${text.save}</button></div>
</form>`,
  });
}
