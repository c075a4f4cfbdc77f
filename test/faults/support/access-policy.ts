import type { Role, RoleAssignment } from '@plancycle/domain';

/**
 * Who may do what, declared once for the whole app: the authorisation matrix checks every route
 * against it, and fails for a route this table does not list. Targets are Gia Lai's: xã Ia Dom's
 * plan and report, the province's cycle, plan and accounts.
 */

/** The units a grant names, in the chain of the target plan (xã Ia Dom, seed 001). */
export const UNITS = {
  province: 'GL',
  coordinator: 'GL.STTTT',
  drafter: 'GL.DUCCO.IADOM',
  appraiser: 'GL.DUCCO.PVHTT',
  approver: 'GL.DUCCO',
} as const;
type Slot = keyof typeof UNITS;

/** One way of being allowed: a role held on a unit of the chain, or one of the broad cases. */
type Grant = { role: Role; on: Slot } | 'anyone' | 'signed in' | 'province member' | 'any admin' | 'link holder';

const on = (slot: Slot, ...roles: Role[]): Grant[] => roles.map((role) => ({ role, on: slot }));
const anyone: Grant[] = ['anyone'];
const signedIn: Grant[] = ['signed in'];
const member: Grant[] = ['province member'];
const admin = on('province', 'admin');
const drafter = on('drafter', 'officer', 'leader_in_charge');
/** The provincial plan is drafted at the coordinating Sở, by its officer or leader in charge. */
const provincialDrafter = on('coordinator', 'officer', 'leader_in_charge');
const coordinatorOrAdmin = [...on('coordinator', 'coordinator'), ...admin];
/** An email link: its token says whom it is for; a session of anyone else is refused. */
const linkHolder: Grant[] = ['link holder'];

/**
 * Each route's rule, for the request the matrix sends it (its probe): e.g. the unit plan's decision
 * probe is `submit` while the plan is drafted, so only its drafter may; the web app's is `agree`
 * once it waits for appraisal, so only the appraiser may.
 */
export const POLICY: Record<string, Grant[]> = {
  'GET /api/docs/swagger-ui-init.js': anyone,
  'GET /api/docs/docs/swagger-ui-init.js': anyone,
  'GET /api/docs': anyone,
  'GET /api/docs/index.html': anyone,
  'GET /api/docs/LICENSE': anyone,
  'GET /api/docs/': anyone,
  'GET /api/docs/openapi.json': anyone,
  'GET /api/docs-yaml': anyone,
  'GET /api/health': anyone,
  'POST /api/auth/login': anyone,
  'POST /api/auth/logout': signedIn,
  'GET /api/auth/me': signedIn,
  'POST /api/cycles': admin,
  'GET /api/cycles/:id': member,
  'PUT /api/cycles/:id/calendar': admin,
  'GET /api/cycles/:id/escalations': member,
  'POST /api/guidances': admin,
  'GET /api/guidances': member,
  'GET /api/guidances/:id': member,
  'GET /api/cycles/:cycleId/units/:unitCode/plan': member,
  'PUT /api/cycles/:cycleId/units/:unitCode/plan/draft': drafter,
  'POST /api/cycles/:cycleId/units/:unitCode/plan/decisions': drafter,
  'GET /api/cycles/:cycleId/provincial-plan': member,
  'PUT /api/cycles/:cycleId/provincial-plan/draft': provincialDrafter,
  'POST /api/cycles/:cycleId/provincial-plan/decisions': provincialDrafter,
  'GET /api/cycles/:cycleId/audit': member,
  'GET /api/tasks': signedIn,
  'PUT /api/units/:unitCode/staff/:role': [...on('drafter', 'leader_in_charge'), ...admin],
  'GET /api/units/:unitCode/staff': [...on('drafter', 'officer', 'leader_in_charge'), ...coordinatorOrAdmin],
  'GET /api/provinces/:provinceCode/staff': coordinatorOrAdmin,
  'GET /api/provinces/:provinceCode/users': admin,
  'POST /api/provinces/:provinceCode/users': admin,
  'PUT /api/provinces/:provinceCode/users/:username/roles': admin,
  'PUT /api/provinces/:provinceCode/users/:username/active': admin,
  'PUT /api/units/:unitCode/settings': admin,
  'GET /api/actions/:token': linkHolder,
  'POST /api/actions/:token': linkHolder,
  'GET /api/admin/notifications': admin,
  'GET /api/admin/provinces/:provinceCode/mail-settings': admin,
  'PUT /api/admin/provinces/:provinceCode/mail-settings': admin,
  'PUT /api/me/notification-preferences': signedIn,
  'GET /api/work-calendar/:year': signedIn,
  // Days off are the nation's: any province's admin sets them.
  'PUT /api/work-calendar/:year': ['any admin'],
  'GET /api/cycles/:cycleId/reports': member,
  'GET /api/reports/:id': member,
  'PUT /api/reports/:id/content': drafter,
  'POST /api/reports/:id/decisions': drafter,
  'POST /api/cycles/:cycleId/report-requests': coordinatorOrAdmin,
  'GET /api/cycles/:cycleId/units/:unitCode/plan/document/:format': member,
  'GET /api/cycles/:cycleId/provincial-plan/document/:format': member,
  'GET /api/reports/:id/document/:format': member,
  'GET /api/cycles/:cycleId/units/:unitCode/plan/items.xlsx': member,
  'GET /api/cycles/:cycleId/provincial-plan/items.xlsx': member,
  'GET /api/cycles/:cycleId/reports.xlsx': member,
  'GET /api/reports/:id/lines.xlsx': member,
  'POST /api/cycles/:cycleId/units/:unitCode/plan/draft/import': drafter,
  'POST /api/cycles/:cycleId/provincial-plan/draft/import': provincialDrafter,

  'GET /': anyone,
  'GET /app/login': anyone,
  'POST /app/login': anyone,
  'POST /app/logout': signedIn,
  'GET /app/lang/:locale': anyone,
  'GET /app/assets/app.js': anyone,
  'GET /app/assets/app.css': anyone,
  'GET /app': signedIn,
  'GET /app/reports/:id/document/:format': member,
  'GET /app/cycles/:cycleId/units/:unitCode/plan/document/:format': member,
  'GET /app/cycles/:cycleId/provincial-plan/document/:format': member,
  'GET /app/reports/:id/lines.xlsx': member,
  'GET /app/cycles/:cycleId/reports.xlsx': member,
  'GET /app/cycles/:cycleId/units/:unitCode/plan': member,
  'GET /app/cycles/:cycleId/provincial-plan': member,
  'POST /app/cycles/:cycleId/units/:unitCode/plan/draft': drafter,
  'POST /app/cycles/:cycleId/provincial-plan/draft': provincialDrafter,
  'POST /app/cycles/:cycleId/units/:unitCode/plan/decisions': on('appraiser', 'appraiser'),
  'POST /app/cycles/:cycleId/provincial-plan/decisions': provincialDrafter,
  'GET /app/cycles/:cycleId/units/:unitCode/plan/compare': member,
  'GET /app/cycles/:cycleId/provincial-plan/compare': member,
  'GET /app/cycles/:cycleId/units/:unitCode/plan/items.xlsx': member,
  'GET /app/cycles/:cycleId/provincial-plan/items.xlsx': member,
  'POST /app/cycles/:cycleId/units/:unitCode/plan/draft/import': drafter,
  'POST /app/cycles/:cycleId/provincial-plan/draft/import': provincialDrafter,
  'GET /app/cycles/:cycleId/reports': member,
  'GET /app/reports/:id': member,
  'POST /app/reports/:id/content': drafter,
  // The report waits for its review by then: the unit's leader in charge accepts it.
  'POST /app/reports/:id/decision': on('drafter', 'leader_in_charge'),
  'GET /app/cycles': signedIn,
  'GET /app/cycles/:id': member,
  'GET /app/cycles/:id/export.csv': member,
  'GET /app/cycles/:id/progress.json': member,
  'GET /app/admin': admin,
  'GET /app/admin/units': admin,
  'GET /app/admin/units/:code': admin,
  'POST /app/admin/units/:code': admin,
  'GET /app/admin/users': admin,
  'POST /app/admin/users': admin,
  'GET /app/admin/users/:username': admin,
  'POST /app/admin/users/:username/roles': admin,
  'POST /app/admin/users/:username/active': admin,
  'GET /app/admin/calendar': admin,
  'GET /app/admin/calendar/:year': admin,
  'POST /app/admin/calendar/:year': admin,
  'GET /app/admin/cycles/new': admin,
  'POST /app/admin/cycles/new': admin,
};

/** Anyone, signed in or not, may send it (what they may then do is the token's or the form's to say). */
export function isOpen(routeKey: string): boolean {
  const rule = POLICY[routeKey];
  if (!rule) throw new Error(`The policy table does not list ${routeKey}.`);
  return rule.includes('anyone') || rule.includes('link holder');
}

/** Someone sending requests: their roles, and for an email link, whether it is theirs. */
export interface Holder {
  roles: readonly RoleAssignment[];
  /** The link in the probe was sent to them. */
  linkRecipient?: boolean;
}

const inProvince = (unitCode: string) => unitCode === UNITS.province || unitCode.startsWith(`${UNITS.province}.`);

/** Whether the policy lets `holder` (null: nobody signed in) make the route's probe request. */
export function allows(routeKey: string, holder: Holder | null): boolean {
  const rule = POLICY[routeKey];
  if (!rule) throw new Error(`The policy table does not list ${routeKey}.`);
  return rule.some((grant) => {
    if (grant === 'anyone') return true;
    if (grant === 'link holder') return holder === null || holder.linkRecipient === true;
    if (holder === null) return false;
    if (grant === 'signed in') return true;
    if (grant === 'province member') return holder.roles.some((held) => inProvince(held.unitCode));
    if (grant === 'any admin') return holder.roles.some((held) => held.role === 'admin');
    return holder.roles.some((held) => held.role === grant.role && held.unitCode === UNITS[grant.on]);
  });
}
