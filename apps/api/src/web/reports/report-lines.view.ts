import { formatVnd, REPORT_ACHIEVED_MAX, REPORT_LINE_STATUSES, REPORT_SUMMARY_MAX, type ReportContent } from '@plancycle/domain';
import { lineStatusLabel, reportText } from '../i18n/reports.messages';
import type { WebContext } from '../session/web-context';
import { html, type SafeHtml } from '../views/html';
import { csrfField } from '../views/layout';
import { reportPath } from '../views/paths';
import type { FieldProblem, ReportFormValues } from './report-form';

/**
 * The messages of one field, shown under it, and the attributes that tie them (and the field's
 * hint, if it has one) to the field for screen readers.
 */
function fieldState(problems: readonly FieldProblem[], field: string, id: string, hintId?: string): { messages: SafeHtml; attributes: SafeHtml } {
  const own = problems.filter((problem) => problem.field === field);
  const described = [hintId, own.length > 0 && `${id}-error`].filter(Boolean).join(' ');
  return {
    messages: own.length === 0 ? html`` : html`<p class="field-error" id="${id}-error">${own.map((problem, index) => html`${index > 0 && html`<br>`}${problem.message}`)}</p>`,
    attributes: html`${own.length > 0 && html` aria-invalid="true"`}${described && html` aria-describedby="${described}"`}`,
  };
}

/**
 * The writer's form: one group per plan item (progress, what was achieved, money spent), then the
 * general remarks. "Lưu" saves; "Lưu và gửi" saves, then sends the report on.
 */
export function reportWriterForm(
  context: WebContext,
  input: { reportId: string; content: ReportContent; values: ReportFormValues; problems: readonly FieldProblem[]; requestId: string; provincial: boolean },
): SafeHtml {
  const text = reportText(context.locale);
  const { values, problems } = input;
  const lines = values.lines.map((line, index) => {
    const status = fieldState(problems, `lines[${index}].status`, `status-${index}`);
    const achieved = fieldState(problems, `lines[${index}].achieved`, `achieved-${index}`);
    const spent = fieldState(problems, `lines[${index}].spent`, `spent-${index}`, `spent-${index}-hint`);
    return html`<fieldset class="card report-line" data-report-line>
  <legend><span class="report-line-number">${index + 1}.</span> ${input.content.lines[index]?.content ?? ''}</legend>
  <input type="hidden" name="item-${index}" value="${line.itemId}">
  <div class="report-line-fields">
    <div class="stack">
      <label for="status-${index}">${text.lineStatus}</label>
      <select id="status-${index}" name="status-${index}"${status.attributes}>
        ${REPORT_LINE_STATUSES.map((option) => html`<option value="${option}"${line.status === option ? html` selected` : ''}>${lineStatusLabel(option, context.locale)}</option>`)}
      </select>
      ${status.messages}
    </div>
    <div class="stack">
      <label for="spent-${index}">${text.spent}</label>
      <input id="spent-${index}" name="spent-${index}" inputmode="numeric" autocomplete="off" class="report-money" value="${line.spent}"${spent.attributes}>
      <small class="muted" id="spent-${index}-hint">${text.spentHint}</small>
      ${spent.messages}
    </div>
  </div>
  <div class="stack">
    <label for="achieved-${index}">${text.achieved}</label>
    <textarea id="achieved-${index}" name="achieved-${index}" rows="3" maxlength="${REPORT_ACHIEVED_MAX}"${achieved.attributes}>${line.achieved}</textarea>
    ${achieved.messages}
  </div>
</fieldset>`;
  });
  const summary = fieldState(problems, 'summary', 'summary');
  return html`<form method="post" action="${reportPath(input.reportId)}/content" class="report-form">
  ${csrfField(context)}
  <input type="hidden" name="requestId" value="${input.requestId}">
  ${
    !input.provincial &&
    html`<h2>${text.linesHeading}</h2>
  <p class="muted">${text.linesIntro}</p>
  ${lines.length === 0 ? html`<p class="card">${text.noLines}</p>` : lines}`
  }
  <div class="stack card">
    <label for="summary">${text.summary}</label>
    <textarea id="summary" name="summary" rows="6" maxlength="${REPORT_SUMMARY_MAX}"${summary.attributes}>${values.summary}</textarea>
    ${summary.messages}
  </div>
  <p class="muted">${input.provincial ? text.provincialSubmitHint : text.submitHint}</p>
  <div class="actions">
    <button type="submit" name="intent" value="save">${text.save}</button>
    <button type="submit" name="intent" value="submit" class="primary">${text.saveAndSubmit}</button>
  </div>
</form>`;
}

/** The report as sent: a table of the lines with the money spent in total, then the remarks. */
export function reportReadOnly(context: WebContext, content: ReportContent, provincial: boolean): SafeHtml {
  const text = reportText(context.locale);
  const total = content.lines.reduce((sum, line) => sum + (line.spent ?? 0), 0);
  const table = html`<h2>${text.linesHeading}</h2>
${
  content.lines.length === 0
    ? html`<p class="card">${text.noLines}</p>`
    : html`<div class="table-wrap"><table class="cards report-lines">
<thead><tr><th scope="col">${text.number}</th><th scope="col">${text.content}</th><th scope="col">${text.lineStatus}</th><th scope="col">${text.achieved}</th><th scope="col" class="num">${text.spent}</th></tr></thead>
<tbody>${content.lines.map(
        (line, index) => html`<tr data-line-status="${line.status}">
  <td data-label="${text.number}">${index + 1}</td>
  <td data-label="${text.content}">${line.content}</td>
  <td data-label="${text.lineStatus}"><span class="badge line-${line.status}">${lineStatusLabel(line.status, context.locale)}</span></td>
  <td data-label="${text.achieved}" class="report-text">${line.achieved || html`<span class="muted">${text.notProvided}</span>`}</td>
  <td data-label="${text.spent}" class="num">${line.spent === null ? html`<span class="muted">${text.notProvided}</span>` : formatVnd(line.spent)}</td>
</tr>`,
      )}</tbody>
<tfoot class="report-totals"><tr><th scope="row" colspan="4">${text.totalSpent}</th><td class="num">${formatVnd(total)}</td></tr></tfoot>
</table></div>`
}`;
  return html`${!provincial && table}
<section class="card">
  <h2>${text.summary}</h2>
  ${content.summary ? html`<p class="report-text">${content.summary}</p>` : html`<p class="muted">${text.summaryEmpty}</p>`}
</section>`;
}
