import type { OrgUnit } from '@plancycle/domain';
import type { UserView } from '../../admin/user.presenter';
import { adminText, roleLabel } from '../i18n/admin.messages';
import type { WebContext } from '../session/web-context';
import { html } from '../views/html';
import { csrfField } from '../views/layout';
import { scopedPath, type AdminScope } from './admin-scope';
import { adminPage, problemsBox, provinceField } from './admin.view';
import { passwordBounds, roleRowsTable, type RoleRow } from './role-rows';

export interface NewUserValues {
  username: string;
  fullName: string;
  email: string;
  roles: RoleRow[];
}

const userPath = (username: string) => `/app/admin/users/${encodeURIComponent(username)}`;

export function usersPage(
  context: WebContext,
  scope: AdminScope,
  data: { users: readonly UserView[]; units: readonly OrgUnit[]; form: NewUserValues; problems: readonly string[]; notice: string | null },
): string {
  const text = adminText(context.locale);
  const { min, max } = passwordBounds();
  const { form } = data;
  return adminPage(context, scope, {
    title: text.usersTitle(scope.province.name),
    current: 'users',
    notice: data.notice,
    body: html`<h1>${text.usersTitle(scope.province.name)}</h1>
<p class="muted">${text.usersIntro}</p>
${problemsBox(context, data.problems)}
${
  data.users.length === 0
    ? html`<p class="card">${text.noUsers}</p>`
    : html`<div class="table-wrap"><table class="cards" id="users">
<thead><tr><th>${text.colUsername}</th><th>${text.colFullName}</th><th>${text.colEmail}</th><th>${text.colRoles}</th><th>${text.colStatus}</th><th>${text.colActions}</th></tr></thead>
<tbody>${data.users.map(
        (user) => html`<tr id="user-${user.username}" data-username="${user.username}">
  <td data-label="${text.colUsername}"><code>${user.username}</code></td>
  <td data-label="${text.colFullName}">${user.fullName}</td>
  <td data-label="${text.colEmail}">${user.email}</td>
  <td data-label="${text.colRoles}"><ul class="plain">${user.roles.map((role) => html`<li>${roleLabel(role.role, context.locale)} · ${role.unitName}</li>`)}</ul></td>
  <td data-label="${text.colStatus}"><span class="badge ${user.active ? 'on-time' : 'late'}">${user.active ? text.active : text.inactive}</span></td>
  <td data-label="${text.colActions}"><div class="row">
    <a href="${scopedPath(scope, userPath(user.username))}">${text.editRoles}<span class="visually-hidden"> ${user.username}</span></a>
    ${
      // The service refuses locking oneself out; no button for it.
      user.id !== context.user.id &&
      html`<form method="post" action="${userPath(user.username)}/active" class="inline">${csrfField(context)}${provinceField(scope)}
      <input type="hidden" name="active" value="${user.active ? 'false' : 'true'}">
      <button type="submit"${user.active ? html` class="danger"` : ''}>${user.active ? text.deactivate : text.activate}<span class="visually-hidden"> ${user.username}</span></button>
    </form>`
    }
  </div></td>
</tr>`,
      )}</tbody></table></div>`
}
<h2 id="create">${text.createTitle}</h2>
<form method="post" action="/app/admin/users" class="card stack admin-form" aria-labelledby="create">
  ${csrfField(context)}${provinceField(scope)}
  <label for="username">${text.colUsername}</label>
  <input id="username" name="username" value="${form.username}" required maxlength="50" pattern="[a-z0-9._\\-]{3,50}" autocomplete="off" aria-describedby="username-hint">
  <small id="username-hint" class="muted">${text.usernameRule}</small>
  <label for="fullName">${text.colFullName}</label>
  <input id="fullName" name="fullName" value="${form.fullName}" required maxlength="200" autocomplete="off">
  <label for="email">${text.colEmail}</label>
  <input id="email" name="email" type="email" value="${form.email}" required autocomplete="off">
  <label for="password">${text.passwordField}</label>
  <input id="password" name="password" type="password" required minlength="${min}" maxlength="${max}" autocomplete="new-password" aria-describedby="password-hint">
  <small id="password-hint" class="muted">${text.passwordRule(min, max)}</small>
  ${roleRowsTable(context, form.roles, data.units)}
  <div class="actions"><button type="submit" class="primary">${text.createTitle}</button></div>
</form>`,
  });
}

export function rolesPage(
  context: WebContext,
  scope: AdminScope,
  data: { user: UserView; units: readonly OrgUnit[]; rows: readonly RoleRow[]; problems: readonly string[] },
): string {
  const text = adminText(context.locale);
  const title = text.rolesTitle(`${data.user.fullName} (${data.user.username})`);
  return adminPage(context, scope, {
    title,
    current: 'users',
    body: html`<h1>${title}</h1>
<p class="muted">${text.rolesIntro}</p>
${problemsBox(context, data.problems)}
<form method="post" action="${userPath(data.user.username)}/roles" class="card stack">
  ${csrfField(context)}${provinceField(scope)}
  ${roleRowsTable(context, data.rows, data.units)}
  <div class="actions"><button type="submit" class="primary">${text.save}</button> <a class="button" href="${scopedPath(scope, '/app/admin/users')}">${text.backToList}</a></div>
</form>`,
  });
}
