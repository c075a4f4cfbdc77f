import type { OrgUnit } from '@plancycle/domain';
import { adminText } from '../i18n/admin.messages';
import type { WebContext } from '../session/web-context';
import { html, type SafeHtml } from '../views/html';
import { page } from '../views/layout';
import { scopedPath, type AdminScope } from './admin-scope';

export type AdminPageName = 'home' | 'units' | 'users' | 'calendar' | 'cycle-start';

/** Every admin page: the admin menu, the province selector when there is a choice, then the page. */
export function adminPage(
  context: WebContext,
  scope: AdminScope,
  options: { title: string; current: AdminPageName; body: SafeHtml; notice?: string | null },
): string {
  const text = adminText(context.locale);
  const link = (name: AdminPageName, path: string, label: string) =>
    html`<a href="${scopedPath(scope, path)}"${name === options.current ? html` aria-current="page"` : ''}>${label}</a>`;
  return page(context, {
    title: options.title,
    section: 'admin',
    notice: options.notice,
    body: html`<nav class="admin-nav" aria-label="${text.pagesLabel}">
  ${link('home', '/app/admin', text.title)}
  ${link('units', '/app/admin/units', text.navUnits)}
  ${link('users', '/app/admin/users', text.navUsers)}
  ${link('calendar', '/app/admin/calendar', text.navCalendar)}
  ${link('cycle-start', '/app/admin/cycles/new', text.navCycleStart)}
</nav>
${scope.provinces.length > 1 && provinceSelector(context, scope)}
${options.body}`,
  });
}

function provinceSelector(context: WebContext, scope: AdminScope): SafeHtml {
  const text = adminText(context.locale);
  const path = context.path.split('?')[0];
  return html`<form method="get" action="${path}" class="filters">
  <div><label for="admin-province">${text.province}</label>
  <select id="admin-province" name="province">${scope.provinces.map(
    (province) => html`<option value="${province.code}"${province.code === scope.province.code ? html` selected` : ''}>${province.name}</option>`,
  )}</select></div>
  <button type="submit">${text.choose}</button>
</form>`;
}

/** The refusal of a form, above it: what to fix, in the service's own Vietnamese words. */
export function problemsBox(context: WebContext, messages: readonly string[]): SafeHtml | false {
  if (messages.length === 0) return false;
  const text = adminText(context.locale);
  return html`<div class="error" role="alert" id="form-problems">
  <p><strong>${text.notSaved}</strong></p>
  <ul>${messages.map((message) => html`<li>${message}</li>`)}</ul>
</div>`;
}

/** Options of a unit select, the province's units by name. */
export function unitOptions(units: readonly OrgUnit[], selected: string | null, empty: string | null): SafeHtml {
  const sorted = [...units].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return html`${empty !== null && html`<option value=""${selected ? '' : html` selected`}>${empty}</option>`}${sorted.map(
    (unit) => html`<option value="${unit.code}"${unit.code === selected ? html` selected` : ''}>${unit.name}</option>`,
  )}`;
}

/** The hidden field that keeps the chosen province on a post. */
export function provinceField(scope: AdminScope): SafeHtml {
  return html`<input type="hidden" name="province" value="${scope.province.code}">`;
}

/** `?done=…` after a redirect, as the notice above the page. */
export function doneNotice(context: WebContext, done: unknown): string | null {
  const text = adminText(context.locale);
  const notices: Record<string, string> = {
    saved: text.doneSaved,
    created: text.doneCreated,
    roles: text.doneRoles,
    activated: text.doneActivated,
    deactivated: text.doneDeactivated,
  };
  return typeof done === 'string' && Object.hasOwn(notices, done) ? notices[done] : null;
}
