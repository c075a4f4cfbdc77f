import { randomUUID } from 'node:crypto';
import { formatVnd } from '@plancycle/domain';
import { formatDueDate } from '@plancycle/notifications';
import type { AuditEventRecord } from '@plancycle/persistence';
import { reportActionLabel, reportKindLabel, reportPeriodLabel, reportStageLabel, reportText } from '../i18n/reports.messages';
import { taskKindLabel } from '../i18n/tasks.messages';
import type { WebContext } from '../session/web-context';
import { html, type SafeHtml } from '../views/html';
import { csrfField, page } from '../views/layout';
import { downloadsLine } from '../views/downloads';
import { reportPath, reportsListPath } from '../views/paths';
import { aggregationSection } from './aggregation.view';
import { formValuesOf, type FieldProblem, type ReportFormValues } from './report-form';
import { reportReadOnly, reportWriterForm } from './report-lines.view';
import type { ReportPageData } from './report-page.service';

/** What a post leaves on the page it re-renders: the refusal, and what the user typed. */
export interface ReportPageState {
  notice?: string | null;
  alert?: { lead: string | null; problems: readonly FieldProblem[] } | null;
  form?: ReportFormValues;
  comments?: string;
  /** The reviewer's reasons were required and missing. */
  commentsProblem?: string;
}

export function reportPage(context: WebContext, data: ReportPageData, state: ReportPageState = {}): string {
  const text = reportText(context.locale);
  const { report } = data;
  const provincial = report.kind === 'provincial';
  const title = `${reportKindLabel(report.kind, context.locale)} · ${report.unitName}`;
  const lastEvent = data.history.at(-1);
  const returned = report.stage === 'writing' && lastEvent?.action === 'report_return' ? lastEvent : null;
  const problems = state.alert?.problems ?? [];

  const body = html`<p class="muted"><a href="${reportsListPath(report.cycleId)}">← ${text.backToList(report.cycleId)}</a></p>
<h1>${title}</h1>
${facts(context, data)}
${downloadsLine(context.locale, { docx: `${reportPath(report.id)}/document/docx`, pdf: `${reportPath(report.id)}/document/pdf`, xlsx: `${reportPath(report.id)}/lines.xlsx` })}
${
  state.alert &&
  html`<div class="error" role="alert" id="report-problems">
  ${state.alert.lead && html`<p>${state.alert.lead}</p>`}
  ${problems.length > 0 && html`<ul>${problems.map((problem) => html`<li>${problem.message}</li>`)}</ul>`}
</div>`
}
${returned?.comment && html`<div class="warning"><p>${text.lastReturn}</p><p class="report-text">${returned.comment}</p></div>`}
${data.aggregation && aggregationSection(context, data.aggregation)}
${
  data.canWrite
    ? reportWriterForm(context, {
        reportId: report.id,
        content: report.content,
        values: state.form ?? formValuesOf(report.content, formatVnd),
        problems,
        requestId: randomUUID(),
        provincial,
      })
    : html`${statusNote(context, data)}${reportReadOnly(context, report.content, provincial)}`
}
${data.canReview && reviewForm(context, data, state.comments ?? '', state.commentsProblem ?? null)}
${history(context, data.history)}`;

  return page(context, { title, section: 'cycles', notice: state.notice, body });
}

function facts(context: WebContext, data: ReportPageData): SafeHtml {
  const text = reportText(context.locale);
  const { report, cycle } = data;
  const when = (iso: string | null) => (iso ? formatDueDate(iso, context.locale) : null);
  const fact = (label: string, value: SafeHtml | string | null) => value && html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const stageClass = report.stage === 'accepted' ? 'accepted' : report.late ? 'late' : '';
  return html`<dl class="report-facts card">
  ${fact(text.unit, report.unitName)}
  ${fact(text.period, reportPeriodLabel(report, cycle.year, context.locale))}
  ${fact(text.stage, html`<span class="badge ${stageClass}" id="report-stage">${reportStageLabel(report.stage, report.kind, context.locale)}</span>`)}
  ${fact(text.due, html`${formatDueDate(report.dueAt, context.locale)} ${report.late ? html`<span class="badge late">${text.late}</span>` : report.submittedAt && html`<span class="badge on-time">${text.onTime}</span>`}`)}
  ${fact(text.submittedAt, when(report.submittedAt))}
  ${fact(text.acceptedAt, when(report.acceptedAt))}
  ${fact(text.sentAt, when(report.sentAt))}
  ${report.openTask && fact(text.waitingOn, text.waitingTask(taskKindLabel(report.openTask.kind, context.locale), formatDueDate(report.openTask.dueAt, context.locale)))}
</dl>`;
}

/** Why there is no form: the report waits on someone else, or is settled. */
function statusNote(context: WebContext, data: ReportPageData): SafeHtml | false {
  const text = reportText(context.locale);
  const { report } = data;
  if (report.stage === 'accepted') return html`<p class="notice">${text.acceptedNote}</p>`;
  if (report.stage === 'review' && !data.canReview) return html`<p class="muted">${report.kind === 'provincial' ? text.waitingApproval : text.waitingReview}</p>`;
  return false;
}

/** The reviewer's decision: accept (approve, for the province's report) or return with reasons. */
function reviewForm(context: WebContext, data: ReportPageData, comments: string, problem: string | null): SafeHtml {
  const text = reportText(context.locale);
  const provincial = data.report.kind === 'provincial';
  return html`<section class="card report-review" aria-labelledby="review-heading">
  <h2 id="review-heading">${provincial ? text.approveHeading : text.reviewHeading}</h2>
  <form method="post" action="${reportPath(data.report.id)}/decision" class="stack">
    ${csrfField(context)}
    <input type="hidden" name="requestId" value="${randomUUID()}">
    <label for="comments">${text.reasons}</label>
    <textarea id="comments" name="comments" rows="4" maxlength="5000"${problem ? html` aria-invalid="true" aria-describedby="comments-hint comments-error"` : html` aria-describedby="comments-hint"`}>${comments}</textarea>
    <small class="muted" id="comments-hint">${text.reasonsHint}</small>
    ${problem && html`<p class="field-error" id="comments-error">${problem}</p>`}
    <div class="actions">
      <button type="submit" name="action" value="accept" class="primary">${provincial ? text.approve : text.accept}</button>
      <button type="submit" name="action" value="return" class="danger">${text.return}</button>
    </div>
  </form>
</section>`;
}

/** Every decision on the report, oldest first, with the reasons of each return. */
function history(context: WebContext, events: readonly AuditEventRecord[]): SafeHtml {
  const text = reportText(context.locale);
  return html`<section aria-labelledby="history-heading">
  <h2 id="history-heading">${text.historyHeading}</h2>
  ${
    events.length === 0
      ? html`<p class="muted">${text.noHistory}</p>`
      : html`<ol class="timeline report-history">${events.map(
          (event) => html`<li class="${event.action}" data-action="${event.action}">
    <time datetime="${event.at}">${formatDueDate(event.at, context.locale)}</time>
    <div><strong>${reportActionLabel(event.action, context.locale)}</strong>${event.actorName ? html` · ${event.actorName}` : event.actor === null && html` · ${text.system}`}
    ${event.action === 'report_return' && event.comment && html`<p class="report-text report-reasons">${event.comment}</p>`}</div>
  </li>`,
        )}</ol>`
  }
</section>`;
}
