import { ESCALATION_AUDIENCES, type OrgUnit } from '@plancycle/domain';
import { adminText, audienceLabel, unitKindLabel } from '../i18n/admin.messages';
import type { WebContext } from '../session/web-context';
import { flag, html } from '../views/html';
import { csrfField } from '../views/layout';
import { cyclePath } from '../views/paths';
import type { AdminScope } from './admin-scope';
import { adminPage, problemsBox, provinceField } from './admin.view';
import { CALENDAR_FIELDS, groupLabel, type CalendarField, type RungRow } from './cycle-start.form';

export interface CycleStartForm {
  year: number;
  /** Units that draft a plan of their own: the ones that can take part. */
  planners: readonly OrgUnit[];
  checked: ReadonlySet<string>;
  /** Input name → `YYYY-MM-DD`. */
  dates: Readonly<Record<string, string>>;
  invalidDates: ReadonlySet<string>;
  rungs: readonly RungRow[];
  problems: readonly string[];
  /** The year's cycle, when it was started already. */
  existingCycleId: string | null;
}

export function cycleStartPage(context: WebContext, scope: AdminScope, form: CycleStartForm): string {
  const text = adminText(context.locale);
  const groups = [...new Set(CALENDAR_FIELDS.map((calendarField) => calendarField.group))];
  const dateInput = (calendarField: CalendarField) => {
    const id = calendarField.name.replaceAll('.', '-');
    return html`<div><label for="${id}">${text[calendarField.key]}</label>
      <input type="date" id="${id}" name="${calendarField.name}" value="${form.dates[calendarField.name] ?? ''}"${form.invalidDates.has(calendarField.name) ? html` aria-invalid="true" aria-describedby="form-problems"` : ''}></div>`;
  };
  return adminPage(context, scope, {
    title: text.cycleStartTitle(scope.province.name),
    current: 'cycle-start',
    body: html`<h1>${text.cycleStartTitle(scope.province.name)}</h1>
<p class="muted">${text.cycleStartIntro}</p>
<form method="get" action="/app/admin/cycles/new" class="filters">
  ${scope.provinces.length > 1 && provinceField(scope)}
  <div><label for="load-year">${text.yearField}</label><input type="number" id="load-year" name="year" value="${form.year}" min="2000" max="2100" required></div>
  <button type="submit">${text.loadYear}</button>
</form>
${form.existingCycleId && html`<p class="warning" role="status">${text.alreadyStarted(form.existingCycleId)} <a href="${cyclePath(form.existingCycleId)}">${text.openCycle}</a></p>`}
${problemsBox(context, form.problems)}
<form method="post" action="/app/admin/cycles/new" class="cycle-start">
  ${csrfField(context)}${provinceField(scope)}<input type="hidden" name="year" value="${form.year}">
  <h2>${text.cycleOfYear(form.year)}</h2>
  <fieldset class="card"><legend>${text.unitsLegend}</legend>
    <p class="muted">${text.unitsHint}</p>
    <ul class="checks">${form.planners.map(
      (unit) => html`<li><label class="check" for="unit-${unit.code}"><input type="checkbox" id="unit-${unit.code}" name="unit" value="${unit.code}"${flag('checked', form.checked.has(unit.code))}> ${unit.name} <small class="muted">(${unitKindLabel(unit.kind, context.locale)})</small></label></li>`,
    )}</ul>
  </fieldset>
  <fieldset class="card"><legend>${text.calendarLegend}</legend>
    <p class="muted">${text.calendarHint}</p>
    ${groups.map(
      (group) => html`<fieldset class="dates"><legend>${groupLabel(group, text)}</legend>
      <div class="date-grid">${CALENDAR_FIELDS.filter((calendarField) => calendarField.group === group).map(dateInput)}</div></fieldset>`,
    )}
  </fieldset>
  <fieldset class="card"><legend>${text.ladderLegend}</legend>
    <p class="muted">${text.ladderHint}</p>
    <div class="table-wrap"><table class="cards grid rungs">
    <thead><tr><th>${text.colStep}</th><th>${text.colRungKind}</th><th>${text.colOffset}</th><th>${text.colAudience}</th><th>${text.remove}</th></tr></thead>
    <tbody>${form.rungs.map((row, index) => {
      const id = `rung-${index}`;
      const label = text.row(index + 1);
      const invalid = row.problems.length > 0 ? html` aria-invalid="true" aria-describedby="${id}-problems"` : '';
      return html`<tr${row.problems.length > 0 ? html` class="overdue"` : ''}>
      <td data-label="${text.colStep}"><label class="visually-hidden" for="${id}-step">${label}: ${text.colStep}</label>
        <input id="${id}-step" name="rung.${index}.step" value="${row.step}" maxlength="20" size="8"${invalid}>
        ${row.problems.length > 0 && html`<ul class="field-problems" id="${id}-problems">${row.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`}</td>
      <td data-label="${text.colRungKind}"><label class="visually-hidden" for="${id}-kind">${label}: ${text.colRungKind}</label>
        <select id="${id}-kind" name="rung.${index}.kind"${invalid}><option value="reminder"${flag('selected', row.kind === 'reminder')}>${text.reminder}</option><option value="escalation"${flag('selected', row.kind !== 'reminder')}>${text.escalation}</option></select></td>
      <td data-label="${text.colOffset}"><label class="visually-hidden" for="${id}-offset">${label}: ${text.colOffset}</label>
        <input type="number" id="${id}-offset" name="rung.${index}.offset" value="${row.offset}" min="-30" max="30" step="1"${invalid}></td>
      <td data-label="${text.colAudience}"><fieldset><legend class="visually-hidden">${label}: ${text.colAudience}</legend>${ESCALATION_AUDIENCES.map(
        (audience) => html`<label class="check" for="${id}-${audience}"><input type="checkbox" id="${id}-${audience}" name="rung.${index}.audience" value="${audience}"${flag('checked', row.audience.includes(audience))}> ${audienceLabel(audience, context.locale)}</label> `,
      )}</fieldset></td>
      <td data-label="${text.remove}"><label class="check" for="${id}-remove"><input type="checkbox" id="${id}-remove" name="rung.${index}.remove" value="true"${flag('checked', row.remove)}> ${text.remove}<span class="visually-hidden"> ${label}</span></label></td>
    </tr>`;
    })}</tbody></table></div>
  </fieldset>
  <div class="actions"><button type="submit" class="primary">${text.startCycle}</button></div>
</form>`,
  });
}
