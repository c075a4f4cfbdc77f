import { getMetadataStorage } from 'class-validator';
import { ROLES, type OrgUnit, type RoleAssignment } from '@plancycle/domain';
import { CreateUserDto } from '../../admin/dtos/create-user.dto';
import { adminText, roleLabel } from '../i18n/admin.messages';
import type { WebContext } from '../session/web-context';
import { flag, html, type SafeHtml } from '../views/html';
import { formRows, one, ticked } from '../forms';
import { unitOptions } from './admin.view';

/** One row of the roles table as shown: a role on a unit, possibly blank or marked for removal. */
export interface RoleRow {
  role: string;
  unit: string;
  remove: boolean;
}

/** Blank rows under the list are how a role is added without a script. */
export const BLANK_ROLE_ROWS = 2;
export const blankRoleRows = (count = BLANK_ROLE_ROWS): RoleRow[] => Array.from({ length: count }, () => ({ role: '', unit: '', remove: false }));

/** The posted rows as shown, and the roles they ask for; a half-filled row is a problem on that row. */
export function roleRowsOf(body: Record<string, unknown>, context: WebContext): { rows: RoleRow[]; roles: RoleAssignment[]; problems: string[] } {
  const text = adminText(context.locale);
  const rows = formRows(body, 'role').map(({ fields }) => ({ role: one(fields.role), unit: one(fields.unit), remove: ticked(fields.remove) }));
  const roles: RoleAssignment[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    if (row.remove || (row.role === '' && row.unit === '')) return;
    if (row.role === '' || row.unit === '') problems.push(text.roleRowIncomplete(index + 1));
    else roles.push({ role: row.role as RoleAssignment['role'], unitCode: row.unit });
  });
  return { rows, roles, problems };
}

export function roleRowsTable(context: WebContext, rows: readonly RoleRow[], units: readonly OrgUnit[]): SafeHtml {
  const text = adminText(context.locale);
  return html`<fieldset class="role-rows"><legend>${text.rolesLegend}</legend>
<p class="muted" id="roles-hint">${text.rolesHint}</p>
<div class="table-wrap"><table class="cards">
<thead><tr><th>${text.roleField}</th><th>${text.roleUnitField}</th><th>${text.remove}</th></tr></thead>
<tbody>${rows.map((row, index) => {
    const id = `role-${index}`;
    const rowLabel = text.row(index + 1);
    return html`<tr>
  <td data-label="${text.roleField}"><label class="visually-hidden" for="${id}-role">${rowLabel}: ${text.roleField}</label>
    <select id="${id}-role" name="role.${index}.role"><option value="">${text.chooseRole}</option>${ROLES.map(
      (role) => html`<option value="${role}"${flag('selected', row.role === role)}>${roleLabel(role, context.locale)}</option>`,
    )}</select></td>
  <td data-label="${text.roleUnitField}"><label class="visually-hidden" for="${id}-unit">${rowLabel}: ${text.roleUnitField}</label>
    <select id="${id}-unit" name="role.${index}.unit">${unitOptions(units, row.unit || null, text.chooseUnit)}</select></td>
  <td data-label="${text.remove}"><label class="check" for="${id}-remove"><input type="checkbox" id="${id}-remove" name="role.${index}.remove" value="true"${flag('checked', row.remove)}> ${text.remove}<span class="visually-hidden"> ${rowLabel}</span></label></td>
</tr>`;
  })}</tbody></table></div></fieldset>`;
}

/**
 * The initial password's bounds, read from the API's own DTO so the hint cannot drift from the
 * rule the server applies.
 */
export function passwordBounds(): { min: number; max: number } {
  const rules = getMetadataStorage().getTargetValidationMetadatas(CreateUserDto, '', true, false).filter((rule) => rule.propertyName === 'password');
  const bound = (name: string) => Number(rules.find((rule) => rule.name === name)?.constraints?.[0]);
  return { min: bound('minLength'), max: bound('maxLength') };
}
