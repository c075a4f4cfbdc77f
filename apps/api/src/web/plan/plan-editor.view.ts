import { formatVnd, type OrgUnit, type PlanItem } from '@plancycle/domain';
import { planText } from '../i18n/plan.messages';
import type { Locale } from '../i18n/locale';
import type { WebContext } from '../session/web-context';
import { flag, html, type SafeHtml } from '../views/html';
import { csrfField } from '../views/layout';
import { timeFrameCode, timeFrameOf, type PlanFormRow } from './plan-form';
import { timeFrameText } from './plan-table.view';

/** Blank rows offered at the bottom: enough to add items when the page script is off. */
const BLANK_ROWS = 3;

export interface EditorModel {
  action: string;
  version: number;
  cycleYear: number;
  rows: PlanFormRow[];
  units: readonly OrgUnit[];
  /** Where new rows are led by default: the unit drafting. */
  drafterCode: string;
  focusTasks: ReadonlyArray<{ number: number; title: string }>;
  /** Provincial rows that give this unit a part (unit plans only). */
  assignments: readonly PlanItem[];
  problems: readonly string[];
}

export function rowOfItem(item: PlanItem): PlanFormRow {
  return {
    id: item.id,
    content: item.content,
    lead: item.leadUnitCode,
    coordinating: item.coordinatingUnitCodes,
    timeFrame: timeFrameCode(item.timeFrame),
    budget: item.budget === null ? '' : formatVnd(item.budget),
    focus: item.focusTaskNumbers.map(String),
    source: item.sourceItemId ?? '',
  };
}

/**
 * The appendix table as a form: one row per item, named `item.<n>.<field>`, so it posts without the
 * script; the script (client/plan-editor.ts) adds rows, keeps the total and its words, and the
 * coverage advice current as the officer types.
 */
export function planEditor(context: WebContext, model: EditorModel): SafeHtml {
  const text = planText(context.locale);
  const blank: PlanFormRow = { id: '', content: '', lead: model.drafterCode, coordinating: [], timeFrame: 'regular', budget: '', focus: [], source: '' };
  const rows = [...model.rows, ...Array.from({ length: BLANK_ROWS }, () => blank)];
  const coverage = {
    focusTasks: model.focusTasks.map(({ number, title }) => ({ number, title })),
    assignments: model.assignments.map((item) => ({ id: item.id, content: item.content })),
  };
  return html`<form method="post" action="${model.action}" class="editor" data-plan-editor data-next-index="${rows.length}" data-coverage="${JSON.stringify(coverage)}" data-invalid-budget="${text.invalidBudget}">
${csrfField(context)}
<input type="hidden" name="version" value="${model.version}">
${model.problems.length > 0 && html`<div class="error" role="alert" id="editor-problems"><strong>${text.rowsInvalid}</strong><ul>${model.problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`}
<p class="muted">${text.editorHint}</p>
<div class="table-wrap"><table class="grid" aria-label="${text.appendix}">
<thead><tr><th class="num">${text.colNo}</th><th>${text.colContent}</th><th>${text.colLead}</th><th>${text.colCoordinating}</th><th>${text.colTimeFrame}</th><th class="num">${text.colBudget}</th>
${model.focusTasks.length > 0 && html`<th>${text.colFocus}</th>`}${model.assignments.length > 0 && html`<th>${text.colSource}</th>`}<th><span class="visually-hidden">${text.colRemove}</span></th></tr></thead>
<tbody data-rows>${rows.map((row, index) => editorRow(String(index), index + 1, row, model, context.locale))}</tbody>
</table></div>
<template data-row-template>${editorRow('__INDEX__', 0, blank, model, context.locale)}</template>
<p><button type="button" data-add-row>+ ${text.addRow}</button></p>
<p class="totals" aria-live="polite">${text.total}: <strong data-total>—</strong> <span>${text.inWords}: <em data-total-words></em></span></p>
<div class="warning" data-coverage hidden><p>${text.coverageFocus}</p><ul data-coverage-list></ul></div>
<div class="actions">
  <button type="submit" name="intent" value="save">${text.saveDraft}</button>
  <button type="submit" name="intent" value="submit" class="primary">${text.saveAndSubmit}</button>
</div>
</form>`;
}

function editorRow(key: string, number: number, row: PlanFormRow, model: EditorModel, locale: Locale): SafeHtml {
  const text = planText(locale);
  const name = (field: string) => `item.${key}.${field}`;
  const id = (field: string) => `item-${key}-${field}`;
  const unitOptions = (selected: readonly string[]) => model.units.map((unit) => html`<option value="${unit.code}"${flag('selected', selected.includes(unit.code))}>${unit.name}</option>`);
  const frames = [
    'regular',
    'year',
    'lead_unit_schedule',
    ...['q1', 'q2', 'q3', 'q4'],
    ...Array.from({ length: 12 }, (_, month) => `m${month + 1}`),
  ];
  return html`<tr data-row>
  <td class="num" data-row-number>${number || ''}</td>
  <td><label class="visually-hidden" for="${id('content')}">${text.colContent}</label><textarea id="${id('content')}" name="${name('content')}" rows="2" maxlength="2000">${row.content}</textarea>
    <input type="hidden" name="${name('id')}" value="${row.id}">${model.assignments.length === 0 && html`<input type="hidden" name="${name('source')}" value="${row.source}">`}</td>
  <td><label class="visually-hidden" for="${id('lead')}">${text.colLead}</label><select id="${id('lead')}" name="${name('lead')}">${unitOptions([row.lead])}</select></td>
  <td><label class="visually-hidden" for="${id('coordinating')}">${text.colCoordinating}</label><select id="${id('coordinating')}" name="${name('coordinating')}" multiple size="3">${unitOptions(row.coordinating)}</select></td>
  <td><label class="visually-hidden" for="${id('timeFrame')}">${text.colTimeFrame}</label><select id="${id('timeFrame')}" name="${name('timeFrame')}">${frames.map((code) => {
    const frame = timeFrameOf(code, model.cycleYear);
    return frame && html`<option value="${code}"${flag('selected', row.timeFrame === code)}>${timeFrameText(frame, locale)}</option>`;
  })}</select></td>
  <td class="num"><label class="visually-hidden" for="${id('budget')}">${text.colBudget}</label><input id="${id('budget')}" name="${name('budget')}" value="${row.budget}" inputmode="numeric" autocomplete="off" data-budget></td>
  ${model.focusTasks.length > 0 &&
  html`<td><fieldset><legend class="visually-hidden">${text.colFocus}</legend>${model.focusTasks.map(
    (task) => html`<label class="check" title="${task.title}"><input type="checkbox" name="${name('focus')}" value="${task.number}" data-focus${flag('checked', row.focus.includes(String(task.number)))}> ${task.number}<span class="visually-hidden">. ${task.title}</span></label> `,
  )}</fieldset></td>`}
  ${
    model.assignments.length > 0
      ? html`<td><label class="visually-hidden" for="${id('source')}">${text.colSource}</label><select id="${id('source')}" name="${name('source')}" data-source><option value="">${text.noSource}</option>${model.assignments.map(
          (item) => html`<option value="${item.id}"${flag('selected', row.source === item.id)}>${item.content.slice(0, 80)}</option>`,
        )}${
          // A row carrying out a provincial row no longer assigned here keeps its link until the officer changes it.
          row.source && !model.assignments.some((item) => item.id === row.source) && html`<option value="${row.source}" selected>${row.source}</option>`
        }</select></td>`
      : ''
  }
  <td><button type="button" data-remove-row aria-label="${text.removeRow}" title="${text.removeRow}">✕</button></td>
</tr>`;
}
