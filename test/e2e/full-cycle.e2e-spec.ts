import { annualCycleWorkflowId, provincialPlanWorkflowId, unitPlanWorkflowId } from '@plancycle/domain';
import { hashPassword, UserRepository } from '@plancycle/persistence';
import { eventually } from '../support/eventually';
import { recordHistoryFixture } from '../support/histories';
import { recordGuidanceFor } from '../support/guidance';
import { ladderInSeconds } from '../support/ladders';
import { issueProvincialPlan } from '../support/provincial-plan';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';
import { CycleBot } from '../faults/support/cycle-bot';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 60;
const CYCLE = `GL-${YEAR}`;
/** Ten departments of Gia Lai: nine do everything in time, Sở Ngoại vụ does nothing at all. */
const ON_TIME = ['SVHTTDL', 'SCT', 'SKHDT', 'STC', 'CAT', 'BCHQS', 'BDBP', 'BQLKKT', 'HQ'].map((code) => `GL.${code}`);
const LATE = 'GL.SNGV';
const LADDER = ladderInSeconds(3, 2);

/**
 * A whole year on a compressed calendar (every deadline seconds apart) for a province of ten
 * units: plans, four quarterly reports, the annual reports, the coordinator's aggregation, the
 * province's approval and the close. Officials act from their inbox through the API, as a bot
 * that checks every 200 ms; nobody at Sở Ngoại vụ ever acts.
 */
describe('a whole annual cycle on a compressed calendar', () => {
  let stack: TestStack;
  const tokens = new Map<string, string>();
  let bot: CycleBot | null = null;

  beforeAll(async () => {
    stack = await startTestStack();
    const users = new UserRepository(stack.dataSource);
    const passwordHash = await hashPassword('plancycle');
    for (const unitCode of ON_TIME) {
      const code = unitCode.slice(3).toLowerCase();
      await users.upsertUser({ username: `cb.${code}`, fullName: `Cán bộ ${code}`, email: `cb.${code}@plancycle.local`, passwordHash, roles: [{ role: 'officer', unitCode }] });
      await users.upsertUser({
        username: `ld.${code}`,
        fullName: `Lãnh đạo ${code}`,
        email: `ld.${code}@plancycle.local`,
        passwordHash,
        roles: [
          { role: 'leader_in_charge', unitCode },
          { role: 'approver', unitCode },
        ],
      });
    }
    for (const username of ['admin.gl', 'dieuphoi.gl', 'lanhdao.tinh', ...ON_TIME.flatMap((unit) => [`cb.${unit.slice(3).toLowerCase()}`, `ld.${unit.slice(3).toLowerCase()}`])]) {
      tokens.set(username, await stack.login(username));
    }
  });
  afterAll(async () => {
    await bot?.stop();
    await stack?.client.workflow.getHandle(annualCycleWorkflowId(CYCLE)).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  const as = (username: string) => requestsAs(stack, tokens.get(username) as string);

  it('runs a year by itself: reports arrive, the late unit climbs every rung and is listed missing, the cycle closes', async () => {
    const t0 = Date.now();
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const today = at(0).slice(0, 10);
    const window = (opens: number, unitDue: number, coordinatorDue: number, provinceDue: number) => ({
      periodStart: today,
      periodEnd: today,
      opensAt: at(opens),
      unitDue: at(unitDue),
      coordinatorDue: at(coordinatorDue),
      provinceDue: at(provinceDue),
    });
    const calendar = {
      provincialPlanDue: at(15),
      unitPlanDraftDue: at(22),
      appraisalDue: at(24),
      unitPlanIssueDue: at(30),
      quarterlyReports: [window(30, 40, 45, 46), window(46, 56, 61, 62), window(62, 72, 77, 78), window(80, 90, 95, 96)],
      annualReport: { ...window(72, 84, 94, 104), ministryDue: at(106) },
      closesAt: at(240),
    };
    await as('admin.gl').post('/api/cycles', { provinceCode: 'GL', year: YEAR, participatingUnitCodes: [...ON_TIME, LATE], calendar, escalationLadder: LADDER }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    await issueProvincialPlan(stack.client, stack.dataSource, CYCLE);
    bot = new CycleBot(stack, CYCLE, new Map([...tokens].filter(([username]) => username !== 'admin.gl')), tokens.get('admin.gl') as string);
    bot.start();

    await eventually(async () => expect((await as('admin.gl').get(`/api/cycles/${CYCLE}`).expect(200)).body.stage).toBe('closed'), { timeoutMs: 180_000, intervalMs: 1000 });
    await bot.stop();
    expect(bot.errors).toEqual([]);

    // Every unit's four quarterly reports and its annual report arrived, accepted by its leader.
    const reports = (await as('admin.gl').get(`/api/cycles/${CYCLE}/reports`).expect(200)).body as Array<{ unitCode: string; kind: string; quarter: number | null; stage: string; late: boolean; aggregate: { missingUnitCodes: string[]; unitsReported: number } | null; sentAt: string | null }>;
    for (const unit of ON_TIME) {
      const own = reports.filter((report) => report.unitCode === unit);
      expect(own.map((report) => [report.kind, report.quarter, report.stage, report.late])).toEqual(
        expect.arrayContaining([
          ['quarterly', 1, 'accepted', false],
          ['quarterly', 2, 'accepted', false],
          ['quarterly', 3, 'accepted', false],
          ['annual', null, 'accepted', false],
        ]),
      );
    }
    // The aggregation opened at the annual deadline, listing the missing unit; approved and sent.
    const provincial = reports.find((report) => report.kind === 'provincial');
    expect(provincial).toMatchObject({ stage: 'accepted', aggregate: { missingUnitCodes: [LATE], unitsReported: ON_TIME.length } });
    expect(provincial?.sentAt).not.toBeNull();

    // On-time units heard no escalation; the late one climbed every rung of its drafting task.
    const escalations = (await as('admin.gl').get(`/api/cycles/${CYCLE}/escalations`).expect(200)).body as Array<{ taskKey: string; step: string; kind: string }>;
    const ofUnit = (unit: string) => escalations.filter((row) => row.taskKey.startsWith(`${unitPlanWorkflowId(CYCLE, unit)}/`));
    for (const unit of ON_TIME) expect(ofUnit(unit).filter((row) => row.kind === 'escalation')).toEqual([]);
    const lateDraft = ofUnit(LATE).filter((row) => row.taskKey === `${unitPlanWorkflowId(CYCLE, LATE)}/task/1`);
    expect(lateDraft.map((row) => row.step)).toEqual(['D-3s', 'overdue', '+2s', '+4s']);

    // Closed: nothing is left in anybody's inbox.
    expect((await stack.dataSource.query(`SELECT count(*)::int AS open FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = $1 AND t.state = 'open'`, [CYCLE]))[0].open).toBe(0);

    // Year-long workflows keep small histories: the largest of the cycle stays far below 10,000 events.
    const workflowIds = [
      annualCycleWorkflowId(CYCLE),
      provincialPlanWorkflowId(CYCLE),
      `${annualCycleWorkflowId(CYCLE)}/provincial-report`,
      ...[...ON_TIME, LATE].flatMap((unit) => [unitPlanWorkflowId(CYCLE, unit), ...['q1', 'q2', 'q3', 'annual'].map((id) => `${unitPlanWorkflowId(CYCLE, unit)}/report/${id}`)]),
    ];
    const sizes = await Promise.all(workflowIds.map(async (id) => (await stack.client.workflow.getHandle(id).fetchHistory()).events?.length ?? 0));
    const largest = Math.max(...sizes);
    console.log(`Full cycle: ${workflowIds.length} workflows, largest history ${largest} events, total ${sizes.reduce((a, b) => a + b, 0)}, ${Math.round((Date.now() - t0) / 1000)} s`);
    expect(largest).toBeLessThan(10_000);

    await recordHistoryFixture(annualCycleWorkflowId(CYCLE), 'annual-cycle.full-year');
    await recordHistoryFixture(unitPlanWorkflowId(CYCLE, ON_TIME[0]), 'unit-plan.full-year');
    await recordHistoryFixture(`${unitPlanWorkflowId(CYCLE, ON_TIME[0])}/report/q1`, 'report.quarterly');
    await recordHistoryFixture(`${annualCycleWorkflowId(CYCLE)}/provincial-report`, 'report.provincial');
  }, 300_000);
});
