import type { RoleAssignment } from '@plancycle/domain';
import type { Response } from 'supertest';
import type { TestStack } from '../../support/stack';
import { signInToWeb } from '../../support/web';
import { createAccount } from './accounts';
import type { Probe } from './matrix-probes';
import { urlencoded } from './fuzz-answers';
import { fillPath, type Route } from './route-table';

/** Whose unit the targets (xã Ia Dom's chain, Gia Lai's province) are, seen from an account. */
export type Scope = 'own unit' | 'other unit' | 'other province';

export interface Identity {
  username: string;
  roles: RoleAssignment[];
  scope: Scope;
}

const role = (name: RoleAssignment['role'], unitCode: string): RoleAssignment => ({ role: name, unitCode });

/**
 * Every role, held on xã Ia Dom's chain (own unit), on another unit of Gia Lai (other unit), and in
 * Đồng Nai (other province); one account holds a role in each province, and one a coordinator role
 * on a unit that is no coordinator: a role held elsewhere must grant nothing here.
 */
export const IDENTITIES: Identity[] = [
  { username: 'authz.admin.gl', roles: [role('admin', 'GL')], scope: 'own unit' },
  { username: 'authz.coordinator.gl', roles: [role('coordinator', 'GL.STTTT')], scope: 'own unit' },
  { username: 'authz.officer.iadom', roles: [role('officer', 'GL.DUCCO.IADOM')], scope: 'own unit' },
  { username: 'authz.leader.iadom', roles: [role('leader_in_charge', 'GL.DUCCO.IADOM')], scope: 'own unit' },
  { username: 'authz.appraiser.ducco', roles: [role('appraiser', 'GL.DUCCO.PVHTT')], scope: 'own unit' },
  { username: 'authz.approver.ducco', roles: [role('approver', 'GL.DUCCO')], scope: 'own unit' },
  { username: 'authz.officer.stttt', roles: [role('officer', 'GL.STTTT')], scope: 'other unit' },
  { username: 'authz.leader.sngv', roles: [role('leader_in_charge', 'GL.SNGV')], scope: 'other unit' },
  { username: 'authz.coordinator.sngv', roles: [role('coordinator', 'GL.SNGV')], scope: 'other unit' },
  { username: 'authz.appraiser.chuprong', roles: [role('appraiser', 'GL.CHUPRONG.PVHTT')], scope: 'other unit' },
  { username: 'authz.approver.gl', roles: [role('approver', 'GL')], scope: 'other unit' },
  { username: 'authz.admin.dn', roles: [role('admin', 'DN')], scope: 'other province' },
  { username: 'authz.coordinator.dn', roles: [role('coordinator', 'DN.SVHTTDL')], scope: 'other province' },
  { username: 'authz.officer.tranbien', roles: [role('officer', 'DN.TRANBIEN')], scope: 'other province' },
  { username: 'authz.leader.tranbien', roles: [role('leader_in_charge', 'DN.TRANBIEN')], scope: 'other province' },
  { username: 'authz.appraiser.tranbien', roles: [role('appraiser', 'DN.TRANBIEN.PVHXH')], scope: 'other province' },
  { username: 'authz.approver.tranbien', roles: [role('approver', 'DN.TRANBIEN')], scope: 'other province' },
  { username: 'authz.coordinator.dn.officer.gl', roles: [role('coordinator', 'DN.SVHTTDL'), role('officer', 'GL.SNGV')], scope: 'other province' },
];

/** Someone at the keyboard: an identity with a bearer token and a web session, or nobody (null). */
export interface Caller {
  identity: Identity | null;
  token?: string;
  cookie?: string;
  csrf?: string;
}

/** Creates the identity's account and signs it in twice: to the API and to the web app. */
export async function signIn(stack: TestStack, identity: Identity): Promise<Caller & { id: string }> {
  const id = await createAccount(stack, identity.username, identity.roles);
  const web = await signInToWeb(stack, identity.username);
  return { id, identity, token: await stack.login(identity.username), cookie: web.cookie, csrf: web.csrf };
}

/** The route's probe as `caller` sends it; `form` overrides the form token or adds a foreign Origin. */
export function sendProbe(stack: TestStack, route: Route, probe: Probe, caller: Caller, form: { csrf?: string | null; origin?: string } = {}): Promise<Response> {
  const path = `${fillPath(route, probe.params ?? {})}${probe.query ? `?${probe.query}` : ''}`;
  let test = stack.http()[route.method.toLowerCase() as 'get' | 'post' | 'put'](path).redirects(0).ok(() => true);
  if (route.area === 'api' && caller.token) test = test.set('Authorization', `Bearer ${caller.token}`);
  if (route.area === 'app' && caller.cookie) test = test.set('Cookie', caller.cookie);
  if (form.origin) test = test.set('Origin', form.origin);
  const csrf = form.csrf === undefined ? caller.csrf : form.csrf;
  const token: Record<string, string> = route.area === 'app' && csrf ? { _csrf: csrf } : {};
  if (probe.upload) {
    for (const [name, value] of Object.entries({ ...probe.upload.fields, ...token })) test = test.field(name, value);
    return test.attach('file', probe.upload.file, 'ke-hoach.xlsx');
  }
  // Read once: a probe that creates something makes up a new name each time it is read.
  const { json, form: fields } = probe;
  if (json !== undefined) return test.send(json as object);
  if (fields || route.method !== 'GET') return test.type('form').send(urlencoded({ ...fields, ...token }));
  return test;
}

/**
 * The web app's way of refusing someone not signed in: off to the sign-in page, with the way back
 * (signing out also ends on the sign-in page, without one).
 */
export const toSignIn = (response: Response) => response.status === 303 && String(response.headers.location).startsWith('/app/login?next=');

/**
 * A refusal for who asks (not for what was sent): 401, 403 or 404, with its code in the JSON. A page
 * refuses with its status and says why in words (a form shown again with its message, or the error
 * page with its code).
 */
export function refusedForWho(route: Route, response: Response): boolean {
  if (route.area === 'app' && toSignIn(response)) return true;
  if (![401, 403, 404].includes(response.status)) return false;
  if (String(response.headers['content-type']).startsWith('text/html')) return route.area === 'app' || route.path.startsWith('/api/actions/');
  const code = (response.body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code !== '';
}

/** Allowed, yet refused as if not: an open route answering 404 only lacks the thing asked for. */
export function blockedForWho(route: Route, response: Response, open: boolean): boolean {
  return refusedForWho(route, response) && !(open && response.status === 404);
}

/** Taken: a 2xx, or a redirect that is not to the sign-in page. */
export const taken = (response: Response) => response.status < 300 || (response.status < 400 && !toSignIn(response));
