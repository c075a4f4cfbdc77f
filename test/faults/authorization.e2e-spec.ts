import { ROLES } from '@plancycle/domain';
import { planItemsWorkbook } from '@plancycle/documents';
import { signActionToken } from '@plancycle/notifications';
import { GuidanceRepository, OrgUnitRepository } from '@plancycle/persistence';
import { scryptSync } from 'node:crypto';
import type { Response } from 'supertest';
import { borderConferenceItem } from '../support/plan-fixtures';
import { startTestStack, type TestStack } from '../support/stack';
import { signInToWeb } from '../support/web';
import { allows, isOpen, POLICY } from './support/access-policy';
import { createAccount } from './support/accounts';
import { prepareCycle, IA_DOM, type CycleFixture } from './support/cycle-fixture';
import { reportFigures } from './support/figures';
import { blockedForWho, IDENTITIES, refusedForWho, sendProbe, signIn, taken, type Caller } from './support/matrix';
import { probes, type Probe } from './support/matrix-probes';
import { routeTable, type Route } from './support/route-table';
import { checkLinkRefusals, checkTokenRefusals } from './support/token-checks';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 3;
/** The officer of the matrix is the one the probe's email link was sent to. */
const LINK_RECIPIENT = 'authz.officer.iadom';

describe('authorisation: every route, every role, on its own unit, another unit and another province', () => {
  let stack: TestStack;
  let fixture: CycleFixture;
  let routes: Route[];
  let table: Record<string, Probe>;
  let callers: Array<Caller & { id: string }>;
  const nobody: Caller = { identity: null };
  const callerNamed = (username: string) => callers.find((caller) => caller.identity?.username === username)!;

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await prepareCycle(stack, YEAR);
    callers = [];
    for (const identity of IDENTITIES) callers.push(await signIn(stack, identity));
    routes = routeTable(stack);

    const admin = await stack.login('admin.gl');
    const plan = (await stack.http().get(`/api/cycles/${fixture.cycleId}/units/${IA_DOM}/plan`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
    const units = await new OrgUnitRepository(stack.dataSource).listProvinceUnits('GL');
    let created = 0;
    table = probes({
      cycleId: fixture.cycleId,
      year: YEAR,
      reportId: fixture.reportId,
      guidanceId: (await new GuidanceRepository(stack.dataSource).listForProvince('GL', YEAR))[0].id,
      linkToken: signActionToken({ userId: callerNamed(LINK_RECIPIENT).id, taskId: plan.openTask.id, action: 'open', version: 2, expiresAt: new Date(Date.now() + 24 * 3600_000) }, stack.config.api.linkSecret),
      workbook: await planItemsWorkbook({ title: 'Phụ lục', unitName: 'xã Ia Dom', year: YEAR, items: [borderConferenceItem(YEAR)], unitNames: new Map(units.map((unit) => [unit.code, unit.name])) }),
      newUsername: () => `authz.moi.${(created += 1)}`,
    });
  }, 240_000);
  afterAll(async () => {
    await fixture?.stop().catch(() => undefined);
    await stack?.stop();
  });

  const holder = (caller: Caller) => (caller.identity ? { roles: caller.identity.roles, linkRecipient: caller.identity.username === LINK_RECIPIENT } : null);

  it('has a rule for every route of the app, and none for a route it does not have', () => {
    const unlisted = routes.filter((route) => !POLICY[route.key] || !table[route.key]).map((route) => route.key);
    const stale = [...Object.keys(POLICY), ...Object.keys(table)].filter((key) => !routes.some((route) => route.key === key));
    expect({ unlisted, stale }).toEqual({ unlisted: [], stale: [] });
  });

  it(
    'refuses what the policy does not allow with 401, 403 or 404 and a code, and lets through what it allows',
    async () => {
      const everyone = [nobody, ...callers];
      const unauthorised: string[] = [];
      const wronglyRefused: string[] = [];
      const blocked: string[] = [];
      const headerless: string[] = [];
      let tried = 0;
      let refused = 0;
      let letThrough = 0;
      const judge = (route: Route, caller: Caller, response: Response) => {
        tried += 1;
        const cell = `${route.key} as ${caller.identity?.username ?? 'nobody'} (${caller.identity?.scope ?? 'not signed in'}) → ${response.status} ${String(response.body?.code ?? '')}`;
        if (response.headers['x-content-type-options'] !== 'nosniff' || response.headers['x-powered-by'] !== undefined) headerless.push(cell);
        if (allows(route.key, holder(caller))) {
          if (blockedForWho(route, response, isOpen(route.key))) blocked.push(cell);
          else letThrough += 1;
        } else if (taken(response)) unauthorised.push(cell);
        else if (refusedForWho(route, response)) refused += 1;
        else wronglyRefused.push(cell);
      };
      const logouts = routes.filter((route) => route.path === '/api/auth/logout' || route.path === '/app/logout');
      const steps = routes.filter((route) => table[route.key].step !== undefined).sort((a, b) => table[a.key].step! - table[b.key].step!);

      for (const route of routes.filter((candidate) => !logouts.includes(candidate) && !steps.includes(candidate))) {
        for (const caller of everyone) judge(route, caller, await sendProbe(stack, route, table[route.key], caller));
      }
      // Signing out revokes the session it is sent with: each caller signs in afresh for it, and
      // the token or cookie signed out of must be refused from then on.
      for (const route of logouts) {
        for (const caller of everyone) {
          const fresh = caller.identity ? { ...caller, token: await stack.login(caller.identity.username), ...(await signInToWeb(stack, caller.identity.username)) } : nobody;
          const response = await sendProbe(stack, route, table[route.key], fresh);
          judge(route, caller, response);
          if (!caller.identity || !taken(response)) continue;
          const reused = route.area === 'api' ? await stack.http().get('/api/auth/me').set('Authorization', `Bearer ${fresh.token}`) : await stack.http().get('/app').set('Cookie', fresh.cookie!).redirects(0);
          if (route.area === 'api' ? reused.status !== 401 : !String(reused.headers.location).startsWith('/app/login')) unauthorised.push(`${route.key}: a signed-out session of ${caller.identity.username} still works`);
        }
      }
      // Decisions move a plan or report on: everyone the policy refuses tries first, then the first
      // caller it allows takes the step, leaving the state the next step's probe expects.
      for (const route of steps) {
        for (const caller of everyone.filter((candidate) => !allows(route.key, holder(candidate)))) judge(route, caller, await sendProbe(stack, route, table[route.key], caller));
        const allowed = everyone.find((candidate) => allows(route.key, holder(candidate)))!;
        const response = await sendProbe(stack, route, table[route.key], allowed);
        judge(route, allowed, response);
        expect({ step: route.key, status: response.status, taken: taken(response) }).toEqual({ step: route.key, status: response.status, taken: true });
      }

      expect({ unauthorised, wronglyRefused, blocked, headerless }).toEqual({ unauthorised: [], wronglyRefused: [], blocked: [], headerless: [] });
      reportFigures('authorisation', {
        endpoints: routes.length,
        roles: ROLES.length,
        accounts: callers.length,
        'requests tried': tried,
        refused,
        'let through': letThrough,
        'unauthorised successes': unauthorised.length,
      });
    },
    300_000,
  );

  it('refuses forged, unsigned, expired, signed-out and deactivated tokens, as a bearer token and as the web session', async () => {
    const results = await checkTokenRefusals(stack, callerNamed('authz.officer.iadom'));
    expect(results.filter((result) => !result.refused)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(24);
  });

  it('refuses email links that are forged, expired, someone else’s, for an old version or a closed account, and a link used before', async () => {
    // The matrix's last plan step left xã Ia Dom's version 2 waiting for its approver.
    const plan = (await stack.http().get(`/api/cycles/${fixture.cycleId}/units/${IA_DOM}/plan`).set('Authorization', `Bearer ${callerNamed('authz.admin.gl').token}`).expect(200)).body;
    expect([plan.plan.stage, plan.openTask.kind]).toEqual(['approval', 'approve']);
    const results = await checkLinkRefusals(stack, { id: plan.openTask.id, version: 2 }, callerNamed('authz.approver.ducco'), callerNamed('authz.officer.iadom'));
    expect(results.map(({ link, status, code }) => [link, status, code ?? 'decided'])).toEqual([
      ['forged', 400, 'LINK_INVALID'],
      ['expired', 410, 'LINK_EXPIRED'],
      ['someone else’s, while signed in', 403, 'LINK_OTHER_USER'],
      ['for an older version', 409, 'LINK_STALE_VERSION'],
      ['of a closed account', 403, 'LINK_USER_INACTIVE'],
      ['genuine', 200, 'decided'],
      ['genuine, used again', 409, 'LINK_USED'],
    ]);
  });

  it('refuses every form of the web app posted without the session’s form token, with another session’s, or from another site', async () => {
    const forms = routes.filter((route) => route.area === 'app' && route.method === 'POST');
    const accepted: string[] = [];
    for (const route of forms) {
      const caller = callers.find((candidate) => allows(route.key, holder(candidate)))!;
      const other = callers.find((candidate) => candidate !== caller)!;
      // The sign-in form has no session yet, so no form token: only its Origin is checked.
      const variants = route.path === '/app/login' ? [{ origin: 'https://evil.example' }] : [{ csrf: null }, { csrf: other.csrf }, { origin: 'https://evil.example' }];
      for (const variant of variants) {
        const response = await sendProbe(stack, route, table[route.key], caller, variant);
        if (response.status !== 403 || !response.text.includes('<code>WEB_FORM_REFUSED</code>')) accepted.push(`${route.key} ${JSON.stringify(variant)} → ${response.status}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(forms.length).toBeGreaterThan(15);
  });

  it('keeps the session cookie from page scripts and other sites’ requests: HttpOnly, SameSite=Lax', async () => {
    const response = await stack.http().post('/app/login').type('form').send({ username: 'authz.officer.iadom', password: 'plancycle', next: '/app' }).expect(303);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^pc_session=[^;]+;/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Lax(;|$)/);
    await stack.http().get('/api/tasks').set('Cookie', cookie.split(';')[0]).expect(401);
  });

  it('stores passwords as scrypt with a salt of their own, and the stored key is what N = 16384 derives', async () => {
    const rows = (await stack.dataSource.query(`SELECT password_hash AS hash FROM users WHERE username IN ('admin.gl', 'canbo.iadom', 'authz.officer.iadom')`)) as Array<{ hash: string }>;
    const salts = rows.map(({ hash }) => {
      const [scheme, saltText, keyText] = hash.split('$');
      const [salt, key] = [Buffer.from(saltText, 'base64'), Buffer.from(keyText, 'base64')];
      expect([scheme, salt.length, key.length]).toEqual(['scrypt', 16, 64]);
      // The work factor is not in the stored form: deriving the key again is what shows it.
      expect(scryptSync('plancycle', salt, 64, { N: 16384, r: 8, p: 1 }).equals(key)).toBe(true);
      expect(scryptSync('plancycle', salt, 64, { N: 1024, r: 8, p: 1 }).equals(key)).toBe(false);
      return saltText;
    });
    expect(new Set(salts).size).toBe(3);
  });

  it('stops password guessing after five wrong passwords for an account, on the API and the sign-in page, but not for other accounts', async () => {
    await createAccount(stack, 'authz.guessed', [{ role: 'officer', unitCode: 'GL.SNGV' }]);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await stack.http().post('/api/auth/login').send({ username: 'authz.guessed', password: `sai-${attempt}` });
      expect([wrong.status, wrong.body.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    }
    const api = await stack.http().post('/api/auth/login').send({ username: 'authz.guessed', password: 'plancycle' });
    expect([api.status, api.body.code]).toEqual([429, 'AUTH_TOO_MANY_ATTEMPTS']);
    expect(api.body.message).toMatch(/thử lại sau \d+ phút/);
    const page = await stack.http().post('/app/login').type('form').send({ username: 'authz.guessed', password: 'plancycle' });
    expect(page.status).toBe(429);
    expect(page.headers['set-cookie']).toBeUndefined();
    await stack.http().post('/api/auth/login').send({ username: 'authz.officer.iadom', password: 'plancycle' }).expect(200);
  });

  it('answers the API with security headers: no sniffing, no framing, no caching, a content policy, no X-Powered-By', async () => {
    const token = callerNamed('authz.officer.iadom').token!;
    const answers = [
      await stack.http().get('/api/health'),
      await stack.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`),
      await stack.http().get('/api/khong-co'),
      await stack.http().post('/api/auth/login').send({ username: 'khong.co', password: 'sai' }),
    ];
    for (const answer of answers) {
      expect(answer.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': expect.stringMatching(/^(DENY|SAMEORIGIN)$/), 'cache-control': 'no-store' });
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
      expect(answer.headers['x-powered-by']).toBeUndefined();
    }
  });
});
