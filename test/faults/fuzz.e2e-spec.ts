import fc from 'fast-check';
import { borderConferenceItem } from '../support/plan-fixtures';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';
import { signInToWeb } from '../support/web';
import { isOpen } from './support/access-policy';
import { createAccount } from './support/accounts';
import { prepareCycle, IA_DOM, type CycleFixture } from './support/cycle-fixture';
import { reportFigures } from './support/figures';
import { apiInputs } from './support/fuzz-api-inputs';
import { checkAnswer, send } from './support/fuzz-answers';
import { fuzzRequests, type Caller, type RouteInputs } from './support/fuzz-requests';
import { webInputs } from './support/fuzz-web-inputs';
import { hostileText, HTML_MARKER_HEADS, HTML_MARKERS } from './support/hostile';
import { routeTable, type Route } from './support/route-table';
import { scaled } from './support/scale';
import { changedTables, rowsWritten, settledTableState, tableState, type TableState } from './support/table-state';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 2;
/** Requests per route: by the signed-in fuzz user (who holds every role) and by nobody. */
const RUNS = { signedIn: scaled(4, 40), anonymous: scaled(1, 20) };
/** Hostile texts saved into a plan and a report, read back and shown. */
const STORED_RUNS = scaled(10, 100);
/** Set PLANCYCLE_FUZZ_SEED to replay a run; fast-check prints the seed and path of any failure. */
const SEED = Number(process.env.PLANCYCLE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Failed sign-ins are counted on purpose (the login rate limit): a refused sign-in writes that row. */
const COUNTED_BY_DESIGN = ['sign_in_failures'];

/** Roles on every unit of xã Ia Dom's chain and the province's: every check but the input's passes. */
const EVERY_ROLE = [
  { role: 'admin', unitCode: 'GL' },
  { role: 'approver', unitCode: 'GL' },
  { role: 'coordinator', unitCode: 'GL.STTTT' },
  { role: 'officer', unitCode: 'GL.STTTT' },
  { role: 'officer', unitCode: 'GL.DUCCO.IADOM' },
  { role: 'leader_in_charge', unitCode: 'GL.DUCCO.IADOM' },
  { role: 'appraiser', unitCode: 'GL.DUCCO.PVHTT' },
  { role: 'approver', unitCode: 'GL.DUCCO' },
] as const;

/** The text as UTF-8 can carry it: an unpaired surrogate becomes U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Each route and caller its own stream of inputs, all derived from SEED (one seed for all would repeat one path everywhere). */
function seedFor(name: string): number {
  let hash = SEED;
  for (const character of name) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619);
  return (hash >>> 0) % 2 ** 31;
}

describe('bad input: every route refuses what it cannot take, with a 4xx and a message, and writes nothing', () => {
  let stack: TestStack;
  let fixture: CycleFixture;
  let routes: Route[];
  let inputs: Record<string, RouteInputs>;
  let callers: Caller[];

  beforeAll(async () => {
    stack = await startTestStack();
    fixture = await prepareCycle(stack, YEAR);
    await createAccount(stack, 'fuzz.every.role', EVERY_ROLE);
    const web = await signInToWeb(stack, 'fuzz.every.role');
    const otherSession = await signInToWeb(stack, 'canbo.iadom');
    callers = [
      { name: 'signed in', token: await stack.login('fuzz.every.role'), cookie: web.cookie, csrf: web.csrf, otherCsrf: otherSession.csrf },
      { name: 'anonymous' },
    ];
    routes = routeTable(stack);
    const targets = { cycleId: fixture.cycleId, year: YEAR, draftVersion: fixture.draftVersion, provincialVersion: fixture.provincialVersion, reportId: fixture.reportId, username: 'canbo.songoaivu' };
    inputs = { ...apiInputs(targets), ...webInputs(targets) };
  }, 180_000);
  afterAll(async () => {
    await fixture?.stop().catch(() => undefined);
    await stack?.stop();
  });

  it('knows how to break every route of the app, API and web alike', () => {
    const unknown = routes.filter((route) => !inputs[route.key]).map((route) => route.key);
    const gone = Object.keys(inputs).filter((key) => !routes.some((route) => route.key === key));
    expect({ unknown, gone }).toEqual({ unknown: [], gone: [] });
    expect(routes.filter((route) => route.area === 'api').length).toBeGreaterThan(40);
    expect(routes.filter((route) => route.area === 'app').length).toBeGreaterThan(40);
  });

  /** Hostile text that is also valid input: it must be stored as sent and come back escaped on the pages. */
  let storedIntact = 0;
  it('stores hostile but valid text exactly as sent, and shows it escaped on the plan and report pages', async () => {
    const [signedIn] = callers;
    const api = requestsAs(stack, signedIn.token!);
    const plan = `/api/cycles/${fixture.cycleId}/units/${IA_DOM}/plan`;
    const report = `/api/reports/${fixture.reportId}`;
    const pages = [`/app/cycles/${fixture.cycleId}/units/${IA_DOM}/plan`, `/app/reports/${fixture.reportId}`];
    const storable = fc.oneof(hostileText, fc.constantFrom(...HTML_MARKERS)).filter((text) => text.trim() !== '' && text.length <= 2000 && !text.includes('\u0000'));
    await fc.assert(
      fc.asyncProperty(storable, async (text) => {
        await api.put(`${plan}/draft`, { version: fixture.draftVersion, items: [borderConferenceItem(YEAR, { content: text })] }).expect(200);
        await api.put(`${report}/content`, { summary: text, lines: [{ itemId: 'item-1', status: 'in_progress', achieved: text, spent: null }] }).expect(200);
        const items = (await api.get(plan).expect(200)).body.versions.at(-1).items as Array<{ content: string }>;
        const content = (await api.get(report).expect(200)).body.content as { summary: string; lines: Array<{ achieved: string }> };
        // UTF-8 cannot hold an unpaired surrogate: it is kept as U+FFFD; everything else as sent (the report trims).
        expect([items[0].content, content.summary, content.lines[0].achieved]).toEqual([wellFormed(text), wellFormed(text.trim()), wellFormed(text.trim())]);
        for (const page of pages) {
          const html = (await stack.http().get(page).set('Cookie', signedIn.cookie!).expect(200)).text;
          expect(HTML_MARKER_HEADS.filter((head) => html.includes(head))).toEqual([]);
        }
        storedIntact += 1;
      }),
      { numRuns: STORED_RUNS, seed: seedFor('stored text') },
    );
  });

  it(
    'answers malformed, oversized, wrongly typed and hostile requests with a 4xx and a message, and writes no row',
    async () => {
      console.log(`bad input: fast-check seed ${SEED} (PLANCYCLE_FUZZ_SEED=${SEED} replays this run)`);
      const before: TableState = await settledTableState(stack.dataSource, { ignore: COUNTED_BY_DESIGN });
      let tried = 0;
      let refused = 0;
      let serverErrors = 0;
      for (const route of routes) {
        for (const caller of callers) {
          const runs = caller.name === 'anonymous' ? RUNS.anonymous : RUNS.signedIn;
          await fc.assert(
            fc.asyncProperty(fuzzRequests(route, inputs[route.key], caller, isOpen(route.key)), async (request) => {
              const response = await send(stack, request);
              tried += 1;
              if (response.status >= 500) serverErrors += 1;
              if (checkAnswer(route, request, response).refused) refused += 1;
            }),
            { numRuns: runs, seed: seedFor(`${caller.name} ${route.key}`) },
          );
        }
        const changed = changedTables(before, await tableState(stack.dataSource, { ignore: COUNTED_BY_DESIGN }));
        expect({ route: route.key, changed }).toEqual({ route: route.key, changed: [] });
      }
      const written = rowsWritten(before, await tableState(stack.dataSource, { ignore: COUNTED_BY_DESIGN }));
      expect(written).toBe(0);
      reportFigures('bad input', { endpoints: routes.length, 'inputs tried': tried, refused, '5xx': serverErrors, 'rows written': written, 'hostile texts stored intact': storedIntact });
    },
    scaled(240_000, 1_800_000),
  );
});
