import { ORG_UNIT_KINDS, type OrgUnit, type UnitSettings } from '@plancycle/domain';
import { adminText, unitKindLabel } from '../i18n/admin.messages';
import type { WebContext } from '../session/web-context';
import { flag, html } from '../views/html';
import { csrfField } from '../views/layout';
import { scopedPath, type AdminScope } from './admin-scope';
import { adminPage, problemsBox, provinceField, unitOptions } from './admin.view';

/** The province's units as a tree: each unit under its parent, siblings by kind then name. */
export function unitTree(units: readonly OrgUnit[]): Array<{ unit: OrgUnit; depth: number }> {
  const codes = new Set(units.map((unit) => unit.code));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentCode !== null && codes.has(unit.parentCode) ? unit.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const order = (a: OrgUnit, b: OrgUnit) => ORG_UNIT_KINDS.indexOf(a.kind) - ORG_UNIT_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'vi');
  const rows: Array<{ unit: OrgUnit; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const unit of [...(children.get(parent) ?? [])].sort(order)) {
      if (seen.has(unit.code)) continue; // a loop in bad data must not hang the page
      seen.add(unit.code);
      rows.push({ unit, depth });
      visit(unit.code, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

export function unitsPage(context: WebContext, scope: AdminScope, units: readonly OrgUnit[], notice: string | null): string {
  const text = adminText(context.locale);
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  const nameOf = (code: string | null, fallback: string) => (code === null ? fallback : (names.get(code) ?? code));
  return adminPage(context, scope, {
    title: text.unitsTitle(scope.province.name),
    current: 'units',
    notice,
    body: html`<h1>${text.unitsTitle(scope.province.name)}</h1>
<p class="muted">${text.unitsIntro}</p>
<div class="table-wrap"><table class="cards units" id="units">
<thead><tr><th>${text.colUnit}</th><th>${text.colKind}</th><th>${text.colNeedsAppraisal}</th><th>${text.colAppraiser}</th><th>${text.colApprover}</th><th>${text.colEscalation}</th><th>${text.colParticipates}</th><th>${text.colSymbol}</th><th>${text.colActions}</th></tr></thead>
<tbody>${unitTree(units).map(
      ({ unit, depth }) => html`<tr id="unit-${unit.code}" data-unit="${unit.code}">
  <td data-label="${text.colUnit}" class="unit-name depth-${Math.min(depth, 4)}">${unit.name}<br><small class="muted">${unit.code}</small></td>
  <td data-label="${text.colKind}">${unitKindLabel(unit.kind, context.locale)}</td>
  <td data-label="${text.colNeedsAppraisal}">${unit.settings.needsAppraisal ? text.yes : text.no}</td>
  <td data-label="${text.colAppraiser}" data-field="appraiser">${nameOf(unit.settings.appraiserUnitCode, unit.settings.needsAppraisal ? text.noAppraiser : text.none)}</td>
  <td data-label="${text.colApprover}" data-field="approver">${nameOf(unit.settings.approverUnitCode, text.ownLeader)}</td>
  <td data-label="${text.colEscalation}" data-field="escalation">${nameOf(unit.settings.escalationUnitCode, text.defaultCoordinator)}</td>
  <td data-label="${text.colParticipates}">${unit.settings.participatesByDefault ? text.yes : text.no}</td>
  <td data-label="${text.colSymbol}">${unit.settings.documentSymbol ?? text.none}</td>
  <td data-label="${text.colActions}"><a href="${scopedPath(scope, `/app/admin/units/${encodeURIComponent(unit.code)}`)}">${text.edit}<span class="visually-hidden"> ${unit.name}</span></a></td>
</tr>`,
    )}</tbody></table></div>`,
  });
}

/** What the form shows: the unit's settings, or what was posted when it was refused. */
export type UnitFormValues = Omit<UnitSettings, 'documentSymbol'> & { documentSymbol: string };

export function unitFormPage(
  context: WebContext,
  scope: AdminScope,
  unit: OrgUnit,
  units: readonly OrgUnit[],
  values: UnitFormValues,
  problems: readonly string[],
): string {
  const text = adminText(context.locale);
  const others = units.filter((candidate) => candidate.code !== unit.code);
  const invalid = problems.length > 0 ? html` aria-describedby="form-problems"` : '';
  const select = (name: keyof UnitSettings, label: string, empty: string, candidates: readonly OrgUnit[]) => html`<label for="${name}">${label}</label>
  <select id="${name}" name="${name}"${invalid}>${unitOptions(candidates, values[name] as string | null, empty)}</select>`;
  const checkbox = (name: keyof UnitSettings, label: string) =>
    html`<label class="check" for="${name}"><input type="checkbox" id="${name}" name="${name}" value="true"${flag('checked', values[name] === true)}> ${label}</label>`;
  return adminPage(context, scope, {
    title: text.unitTitle(unit.name),
    current: 'units',
    body: html`<h1>${text.unitTitle(unit.name)}</h1>
<p class="muted">${unit.code} · ${unitKindLabel(unit.kind, context.locale)}</p>
${problemsBox(context, problems)}
<form method="post" action="/app/admin/units/${encodeURIComponent(unit.code)}" class="card stack admin-form">
  ${csrfField(context)}${provinceField(scope)}
  ${checkbox('needsAppraisal', text.fieldNeedsAppraisal)}
  ${select('appraiserUnitCode', text.fieldAppraiser, text.none, others)}
  ${select('approverUnitCode', text.fieldApprover, text.ownLeader, others)}
  ${select('escalationUnitCode', text.fieldEscalation, text.defaultCoordinator, others)}
  ${checkbox('participatesByDefault', text.fieldParticipates)}
  <label for="documentSymbol">${text.fieldSymbol}</label>
  <input id="documentSymbol" name="documentSymbol" value="${values.documentSymbol}" maxlength="50" aria-describedby="documentSymbol-hint">
  <small id="documentSymbol-hint" class="muted">${text.symbolHint}</small>
  <div class="actions"><button type="submit" class="primary">${text.save}</button> <a class="button" href="${scopedPath(scope, '/app/admin/units')}">${text.backToList}</a></div>
</form>`,
  });
}
