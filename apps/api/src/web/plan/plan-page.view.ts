import type { OrgUnit, PlanItem } from '@plancycle/domain';
import { formatDueDate } from '@plancycle/notifications';
import type { AuditEventRecord, CycleRecord, PlanOpinionRecord, PlanRecord, PlanVersionRecord, TaskRecord } from '@plancycle/persistence';
import { stageLabel } from '../i18n/common.messages';
import { planText } from '../i18n/plan.messages';
import { taskKindLabel } from '../i18n/tasks.messages';
import type { WebContext } from '../session/web-context';
import { html, type SafeHtml } from '../views/html';
import { csrfField, page } from '../views/layout';
import { downloadsLine } from '../views/downloads';
import { cyclePath, planPath } from '../views/paths';
import { planEditor, rowOfItem } from './plan-editor.view';
import type { PlanFormRow } from './plan-form';
import { compareTable, planTable, type UnitNames } from './plan-table.view';

/** What the person looking at the plan may do now; the workflow still has the last word. */
export interface PlanPermissions {
  edit: boolean;
  appraise: boolean;
  approve: boolean;
  amend: boolean;
}

export interface PlanPageModel {
  cycle: CycleRecord;
  plan: PlanRecord;
  versions: PlanVersionRecord[];
  opinions: PlanOpinionRecord[];
  openTask: TaskRecord | null;
  audit: AuditEventRecord[];
  units: OrgUnit[];
  drafterCode: string;
  focusTasks: ReadonlyArray<{ number: number; title: string }>;
  assignments: PlanItem[];
  can: PlanPermissions;
  /** The version shown read-only (`?version=`); the latest by default. */
  shownVersion: number;
  /** A post that failed: the officer's rows and what was wrong, shown again instead of the saved draft. */
  failedDraft?: { rows: PlanFormRow[]; problems: string[] };
  /** A decision that was refused, with its stable code. */
  refusal?: { code: string; message: string };
  done?: string | null;
}

export function planBasePath(model: Pick<PlanPageModel, 'cycle' | 'plan'>): string {
  return planPath(model.cycle.id, model.plan.kind === 'provincial' ? null : model.plan.unitCode);
}

export function planTitleText(plan: PlanRecord, locale: 'vi' | 'en'): string {
  const text = planText(locale);
  return plan.kind === 'provincial' ? text.provincialPlan : text.unitPlan(plan.unitName);
}

export function planPage(context: WebContext, model: PlanPageModel): string {
  const text = planText(context.locale);
  const base = planBasePath(model);
  const names: UnitNames = new Map(model.units.map((unit) => [unit.code, unit.name]));
  const latest = model.versions[model.versions.length - 1];
  const shown = model.versions.find((version) => version.version === model.shownVersion) ?? latest;
  const issued = [...model.versions].reverse().find((version) => version.documentNumber);
  const title = planTitleText(model.plan, context.locale);
  const done = model.done ? (text as unknown as Record<string, string>)[`done_${model.done}`] : null;
  // The opinions the drafter must take in: the last round's returns on the version before this draft.
  const toAddress = model.can.edit ? model.opinions.filter((opinion) => opinion.version === latest.version - 1 && opinion.decision === 'return') : [];

  return page(context, {
    title,
    section: 'cycles',
    notice: done ?? null,
    body: html`<p class="muted"><a href="${cyclePath(model.cycle.id)}">${text.backToDashboard} ${model.cycle.id}</a></p>
<h1>${title}</h1>
<section class="card" aria-label="${text.stage}">
<dl class="facts">
  <dt>${text.cycle}</dt><dd>${model.cycle.id}</dd>
  <dt>${text.stage}</dt><dd><span class="badge ${model.plan.stage}" id="plan-stage">${stageLabel(model.plan.stage, context.locale)}</span></dd>
  <dt>${text.version}</dt><dd>${model.plan.latestVersion}${model.plan.versionInForce && html` · ${text.versionInForce}: ${model.plan.versionInForce}`}</dd>
  ${issued && html`<dt>${text.number}</dt><dd id="plan-number">${issued.documentNumber}${issued.issuedOn && html` · ${text.issuedOn} ${issued.issuedOn.split('-').reverse().join('/')}`}</dd>`}
  ${model.openTask && html`<dt>${text.waitingFor}</dt><dd>${taskKindLabel(model.openTask.kind, context.locale)} · ${text.dueAt} ${formatDueDate(model.openTask.dueAt, context.locale)}</dd>`}
</dl>
</section>
${model.refusal && html`<p class="error" role="alert" id="refusal">${model.refusal.message} <span class="muted">(${model.refusal.code})</span></p>`}
${toAddress.length > 0 && html`<section class="warning"><h2>${text.opinionsToAddress}</h2>${opinionList(toAddress, model.audit, context)}</section>`}
<h2>${text.appendix}${!model.can.edit && model.versions.length > 1 && html` · ${text.version} ${shown.version}`}</h2>
${
  model.can.edit
    ? planEditor(context, {
        action: `${base}/draft`,
        version: latest.version,
        cycleYear: model.cycle.year,
        rows: model.failedDraft?.rows ?? latest.items.map(rowOfItem),
        units: model.units,
        drafterCode: model.drafterCode,
        focusTasks: model.focusTasks,
        assignments: model.assignments,
        problems: model.failedDraft?.problems ?? [],
      })
    : planTable(shown.items, names, context.locale, title)
}
${downloads(context, base, model.can.edit ? latest.version : shown.version)}
${model.can.edit && importForm(context, base, latest.version)}
${decisionForms(context, model, base, latest.version)}
${versionList(context, model, base)}
<h2>${text.opinionsTitle}</h2>
${model.opinions.length === 0 ? html`<p class="muted">${text.noOpinions}</p>` : opinionList(model.opinions, model.audit, context)}
<h2>${text.historyTitle}</h2>
${history(context, model.audit)}`,
  });
}

/** The plan as files, for the version on the page. */
function downloads(context: WebContext, base: string, version: number): SafeHtml {
  return downloadsLine(context.locale, { docx: `${base}/document/docx?version=${version}`, pdf: `${base}/document/pdf?version=${version}`, xlsx: `${base}/items.xlsx?version=${version}` });
}

/** Rows from an Excel sheet shaped like the appendix, all or none (the csrf field first: it must arrive before the file). */
function importForm(context: WebContext, base: string, version: number): SafeHtml {
  const text = planText(context.locale);
  return html`<details class="card" id="import"><summary>${text.importTitle}</summary>
<form method="post" action="${base}/draft/import" enctype="multipart/form-data" class="stack">
  ${csrfField(context)}<input type="hidden" name="version" value="${version}">
  <p class="muted">${text.importHint}</p>
  <label for="import-file">${text.importFile}</label>
  <input id="import-file" type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
  <div class="actions"><button type="submit">${text.importButton}</button></div>
</form></details>`;
}

function decisionForms(context: WebContext, model: PlanPageModel, base: string, version: number): SafeHtml {
  const text = planText(context.locale);
  const form = (title: string, buttons: SafeHtml, commentLabel: string) => html`<section class="card" aria-labelledby="decide-title">
<h2 id="decide-title">${title}</h2>
<form method="post" action="${base}/decisions" class="stack">
  ${csrfField(context)}<input type="hidden" name="version" value="${version}">
  <label for="comments">${commentLabel}</label>
  <textarea id="comments" name="comments" rows="4" maxlength="5000"></textarea>
  <div class="actions">${buttons}</div>
</form></section>`;
  return html`${
    model.can.appraise &&
    form(text.appraiseTitle, html`<button type="submit" name="action" value="agree" class="primary">${text.agree}</button> <button type="submit" name="action" value="return-appraisal" class="danger">${text.returnToDrafter}</button>`, text.commentsRequired)
  }${
    model.can.approve &&
    form(text.approveTitle, html`<button type="submit" name="action" value="approve" class="primary">${text.approve}</button> <button type="submit" name="action" value="return" class="danger">${text.returnToDrafter}</button>`, text.commentsRequired)
  }${
    model.can.amend &&
    html`<section class="card"><h2>${text.amendTitle}</h2><p class="muted">${text.amendHint}</p>
<form method="post" action="${base}/decisions">${csrfField(context)}<button type="submit" name="action" value="amend">${text.amend}</button></form></section>`
  }`;
}

function versionList(context: WebContext, model: PlanPageModel, base: string): SafeHtml {
  const text = planText(context.locale);
  if (model.versions.length < 2) return html``;
  const states = text as unknown as Record<string, string>;
  const latest = model.versions[model.versions.length - 1].version;
  return html`<h2>${text.versionsTitle}</h2>
<ul class="versions">${model.versions.map(
    (version) => html`<li>${text.version} ${version.version}: ${states[`versionState_${version.state}`] ?? version.state}${version.documentNumber && html` (${version.documentNumber})`}
  · <a href="${base}?version=${version.version}">${text.viewVersion}</a>${version.version > 1 && html` · <a href="${base}/compare?from=${version.version - 1}&amp;to=${version.version}">${text.compare} ${version.version - 1} ↔ ${version.version}</a>`}</li>`,
  )}</ul>
<form method="get" action="${base}/compare" class="filters">
  <div><label for="compare-from">${text.compareFrom}</label><select id="compare-from" name="from">${model.versions.map((v) => html`<option value="${v.version}"${v.version === latest - 1 ? html` selected` : ''}>${v.version}</option>`)}</select></div>
  <div><label for="compare-to">${text.compareTo}</label><select id="compare-to" name="to">${model.versions.map((v) => html`<option value="${v.version}"${v.version === latest ? html` selected` : ''}>${v.version}</option>`)}</select></div>
  <button type="submit">${text.compare}</button>
</form>`;
}

function opinionList(opinions: readonly PlanOpinionRecord[], audit: readonly AuditEventRecord[], context: WebContext): SafeHtml {
  const text = planText(context.locale);
  const nameOf = (requestId: string) => audit.find((event) => event.requestId === requestId)?.actorName ?? '';
  return html`<ul class="opinions">${opinions.map(
    (opinion) => html`<li class="${opinion.decision}"><strong>${opinion.step === 'appraisal' ? text.stepAppraisal : text.stepApproval} · ${opinion.decision === 'agree' ? text.decisionAgree : text.decisionReturn}</strong>
  <span class="muted">· ${text.onVersion(opinion.version)} · ${nameOf(opinion.requestId)} · ${formatDueDate(opinion.decidedAt, context.locale)}</span>
  ${opinion.comments && html`<p>${opinion.comments}</p>`}</li>`,
  )}</ul>`;
}

function history(context: WebContext, audit: readonly AuditEventRecord[]): SafeHtml {
  const text = planText(context.locale);
  if (audit.length === 0) return html`<p class="muted">${text.noHistory}</p>`;
  return html`<ol class="timeline" id="history">${audit.map(
    (event) => html`<li><time datetime="${event.at}">${formatDueDate(event.at, context.locale)}</time>
  <span><strong>${event.actorName ?? text.system}</strong> · ${(text as unknown as Record<string, string>)[`action_${event.action}`] ?? event.action}${event.version !== null && html` (${text.onVersion(event.version)})`}${event.fromStage && event.toStage && html`: ${stageLabel(event.fromStage, context.locale)} → ${stageLabel(event.toStage, context.locale)}`}${event.comment && html`<br><em>${event.comment}</em>`}</span></li>`,
  )}</ol>`;
}

export function comparePage(context: WebContext, model: PlanPageModel, from: PlanVersionRecord, to: PlanVersionRecord): string {
  const text = planText(context.locale);
  const names: UnitNames = new Map(model.units.map((unit) => [unit.code, unit.name]));
  const title = `${text.compareTitle}: ${planTitleText(model.plan, context.locale)}`;
  return page(context, {
    title,
    section: 'cycles',
    body: html`<p class="muted"><a href="${planBasePath(model)}">← ${planTitleText(model.plan, context.locale)}</a></p>
<h1>${text.compareTitle}</h1>
<p>${text.version} ${from.version} ↔ ${text.version} ${to.version}</p>
${compareTable(from.items, to.items, names, context.locale)}
<h2>${text.opinionsTitle}</h2>
${opinionList(model.opinions.filter((opinion) => opinion.version === from.version || opinion.version === to.version), model.audit, context)}`,
  });
}
