import { annualCycleWorkflowId, unitPlanWorkflowId } from '@plancycle/domain';
import { demoEmail, TaskRepository } from '@plancycle/persistence';
import { eventually } from '../support/eventually';
import { recordHistoryFixture } from '../support/histories';
import { recordGuidanceFor } from '../support/guidance';
import { borderConferenceItem } from '../support/plan-fixtures';
import { ladderInSeconds } from '../support/ladders';
import { actionLinksOf } from '../support/mail-links';
import { issueProvincialPlan } from '../support/provincial-plan';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';

// The Temporal server is shared by the whole run: this file owns GL's years YEAR to YEAR + 2.
const YEAR = new Date().getFullYear() + 52;
const IA_DOM = 'GL.DUCCO.IADOM';
const SNGV = 'GL.SNGV';

/** A ladder in seconds, so a test sees every rung climb in under a minute. */
const LADDER = ladderInSeconds(10, 4);
const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

interface EscalationView {
  taskKey: string;
  step: string;
  kind: string;
  dueAt: string;
  recipientUserIds: string[];
}

/**
 * Deadlines that run by themselves: a compressed calendar and a ladder in seconds, over the real
 * Temporal server, PostgreSQL and SMTP. Timers are the workflow's own; nothing polls.
 */
describe('reminders and escalations of plan tasks', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const as = (username: string) => requestsAs(stack, tokens[username]);

  beforeAll(async () => {
    stack = await startTestStack();
    for (const username of ['admin.gl', 'canbo.iadom']) tokens[username] = await stack.login(username);
  });
  afterAll(async () => {
    for (const year of [YEAR, YEAR + 1, YEAR + 2]) {
      await stack?.client.workflow.getHandle(annualCycleWorkflowId(`GL-${year}`)).terminate('end of test').catch(() => undefined);
    }
    await stack?.stop();
  });

  const startCycle = async (year: number, calendar: Record<string, unknown>) => {
    await as('admin.gl').post('/api/cycles', { provinceCode: 'GL', year, participatingUnitCodes: [IA_DOM, SNGV], calendar, escalationLadder: LADDER }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', year);
    await issueProvincialPlan(stack.client, stack.dataSource, `GL-${year}`);
  };
  const escalations = async (year: number) => (await as('admin.gl').get(`/api/cycles/GL-${year}/escalations`).expect(200)).body as EscalationView[];
  const mailTo = (username: string, subject: RegExp) =>
    stack.mail.messages().filter((m) => m.envelope.to.includes(demoEmail(username)) && subject.test(m.subject));

  it('leaves a unit that submits in time alone, and climbs every rung for a unit that does not', async () => {
    const due = at(25);
    await startCycle(YEAR, { provincialPlanDue: due, unitPlanDraftDue: due, appraisalDue: at(900), unitPlanIssueDue: at(1200) });
    const iaDomPlan = `/api/cycles/GL-${YEAR}/units/${IA_DOM}/plan`;
    await eventually(() => as('canbo.iadom').get(iaDomPlan).expect(200));
    await as('canbo.iadom').put(`${iaDomPlan}/draft`, { version: 1, items: [borderConferenceItem(YEAR)] }).expect(200);
    await as('canbo.iadom').post(`${iaDomPlan}/decisions`, { action: 'submit', version: 1 }).expect(200);

    const fired = await eventually(
      async () => {
        const rows = await escalations(YEAR);
        expect(rows.filter((row) => row.taskKey.includes(SNGV)).map((row) => row.step)).toEqual(['D-10s', 'overdue', '+4s', '+8s']);
        return rows;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(fired.filter((row) => row.taskKey.includes(IA_DOM))).toEqual([]);
    // The office rung is recorded even though nobody holds a role at the office in the demo data.
    expect(fired.find((row) => row.step === '+8s')?.recipientUserIds).toEqual([]);

    await eventually(() => {
      expect(mailTo('canbo.songoaivu', /Nhắc việc/i)).toHaveLength(1);
      expect(mailTo('lanhdao.songoaivu', /Quá hạn/i)).toHaveLength(1);
      expect(mailTo('dieuphoi.gl', /Quá hạn/i)).toHaveLength(1);
    });
    expect(mailTo('canbo.iadom', /Nhắc việc|Quá hạn/i)).toEqual([]);
    // The coordinator may look at the late unit's task, not decide it.
    const links = actionLinksOf(mailTo('dieuphoi.gl', /Quá hạn/i)[0], stack.config.api.linkSecret);
    expect(Object.keys(links)).toEqual(['open']);
    const page = await stack.http().get(links.open!.path).expect(200);
    expect(page.text).not.toContain('Chọn thao tác');
  }, 120_000);

  it('moves the timers of running tasks when an admin changes a deadline mid-cycle', async () => {
    const year = YEAR + 1;
    await startCycle(year, { provincialPlanDue: at(600), unitPlanDraftDue: at(600), appraisalDue: at(900), unitPlanIssueDue: at(1200) });
    const plan = `/api/cycles/GL-${year}/units/${SNGV}/plan`;
    const openTask = async () => (await as('admin.gl').get(plan).expect(200)).body.openTask as { key: string; dueAt: string };
    await eventually(async () => expect(await openTask()).toBeTruthy());

    const refused = await as('admin.gl').put(`/api/cycles/GL-${year}/calendar`, { calendar: { unitPlanDraftDue: at(5), appraisalDue: at(2) } });
    expect([refused.status, refused.body.code]).toEqual([400, 'CYCLE_CALENDAR_INVALID']);
    expect((await openTask()).dueAt).toBe((await as('admin.gl').get(`/api/cycles/GL-${year}`).expect(200)).body.calendar.unitPlanDraftDue);

    // Far enough ahead that the D-10s reminder is still to come once the change has gone through.
    const newDue = at(25);
    // The provincial plan (issued already) shares the date's order constraint: both move.
    const changed = await as('admin.gl').put(`/api/cycles/GL-${year}/calendar`, { calendar: { provincialPlanDue: newDue, unitPlanDraftDue: newDue } }).expect(200);
    expect(changed.body.calendar.unitPlanDraftDue).toBe(newDue);
    await eventually(async () => expect((await openTask()).dueAt).toBe(newDue));

    const rows = await eventually(
      async () => {
        const fired = (await escalations(year)).filter((row) => row.taskKey.includes(SNGV));
        expect(fired.map((row) => row.step)).toEqual(expect.arrayContaining(['D-10s', 'overdue']));
        return fired;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(rows.find((row) => row.step === 'overdue')?.dueAt).toBe(newDue);
    const task = await new TaskRepository(stack.dataSource).findByKey(rows[0].taskKey);
    expect(task?.dueAt).toBe(newDue);
    await recordHistoryFixture(annualCycleWorkflowId(`GL-${year}`), 'annual-cycle.calendar-changed');
    await recordHistoryFixture(unitPlanWorkflowId(`GL-${year}`, SNGV), 'unit-plan.escalated');
  }, 120_000);

  it('moves an open report’s deadline and its rungs too', async () => {
    const year = YEAR + 2;
    const calendar = { provincialPlanDue: at(600), unitPlanDraftDue: at(600), appraisalDue: at(900), unitPlanIssueDue: at(1200), quarterlyReports: [{ opensAt: at(2), unitDue: at(600) }] };
    await startCycle(year, calendar);
    const reportOf = async () => ((await as('admin.gl').get(`/api/cycles/GL-${year}/reports?unitCode=${SNGV}`).expect(200)).body as Array<{ id: string; dueAt: string; quarter: number }>)[0];
    const report = await eventually(async () => {
      const found = await reportOf();
      expect(found).toMatchObject({ quarter: 1 });
      return found;
    });

    const newDue = at(12);
    await as('admin.gl').put(`/api/cycles/GL-${year}/calendar`, { calendar: { quarterlyReports: [{ unitDue: newDue }] } }).expect(200);
    await eventually(async () => expect((await reportOf()).dueAt).toBe(newDue));
    const fired = await eventually(
      async () => {
        const rows = (await escalations(year)).filter((row) => row.taskKey.startsWith(`${unitPlanWorkflowId(`GL-${year}`, SNGV)}/report/q1/`));
        expect(rows.map((row) => row.step)).toEqual(expect.arrayContaining(['overdue']));
        return rows;
      },
      { timeoutMs: 40_000, intervalMs: 500 },
    );
    expect(fired.find((row) => row.step === 'overdue')?.dueAt).toBe(newDue);
    expect(report.id).toBe((await reportOf()).id);
    await recordHistoryFixture(unitPlanWorkflowId(`GL-${year}`, SNGV), 'unit-plan.report-calendar');
    await recordHistoryFixture(`${unitPlanWorkflowId(`GL-${year}`, SNGV)}/report/q1`, 'report.rescheduled');
  }, 120_000);
});
