import { Worker } from '@temporalio/worker';
import { cycleIdOf, annualCycleWorkflowId, unitPlanWorkflowId, defaultCycleCalendar, selectParticipants, workCalendar, type CycleCalendar } from '@plancycle/domain';
import { CycleRepository, OrgUnitRepository } from '@plancycle/persistence';
import { closeCycleSignal, cycleRecordedUpdate, type AnnualCycleInput, type annualCycleWorkflow } from '@plancycle/workflows';
import { recordHistoryFixture } from '../support/histories';
import { startTestStack, type TestStack } from '../support/stack';

// The Temporal server is shared by the whole run: this file owns DN's years YEAR..YEAR+9.
const YEAR = new Date().getFullYear() + 15;
describe('annualCycleWorkflow against the real Temporal server', () => {
  let stack: TestStack;
  let cycles: CycleRepository;

  beforeAll(async () => {
    stack = await startTestStack({ api: false });
    cycles = new CycleRepository(stack.dataSource);
  });
  afterAll(() => stack?.stop());

  /** The default calendar of the year, with the cycle closing `closesInMs` from now. */
  const calendarClosingIn = (year: number, closesInMs: number): CycleCalendar => ({
    ...defaultCycleCalendar(year, workCalendar()),
    closesAt: new Date(Date.now() + closesInMs).toISOString(),
  });

  const inputFor = async (year: number, calendar: CycleCalendar): Promise<AnnualCycleInput> => {
    const units = selectParticipants(await new OrgUnitRepository(stack.dataSource).listProvinceUnits('DN'));
    return {
      cycleId: cycleIdOf('DN', year),
      provinceCode: 'DN',
      year,
      calendar,
      participants: units.map((unit) => ({ unitCode: unit.code, unitName: unit.name, kind: unit.kind })),
      startedBy: null,
    };
  };

  const start = (input: AnnualCycleInput) =>
    stack.client.workflow.start<typeof annualCycleWorkflow>('annualCycleWorkflow', {
      workflowId: annualCycleWorkflowId(input.cycleId),
      taskQueue: stack.config.temporal.taskQueue,
      args: [input],
    });

  it('runs to the calendar date it is given: a year squeezed into seconds', async () => {
    const input = await inputFor(YEAR, calendarClosingIn(YEAR, 3_000));

    const result = await (await start(input)).result();

    expect(result).toEqual({ cycleId: `DN-${YEAR}`, stage: 'closed', recorded: true, participantCount: input.participants.length, awaitingGuidance: false });
    const cycle = await cycles.findById(`DN-${YEAR}`);
    expect(cycle?.stage).toBe('closed');
    expect(cycle?.closedAt).not.toBeNull();
    expect(cycle?.units.map((unit) => unit.stage)).toEqual(input.participants.map(() => 'closed'));
    const { searchAttributes } = await stack.client.workflow.getHandle(annualCycleWorkflowId(`DN-${YEAR}`)).describe();
    expect(searchAttributes.PlanCycleStage).toEqual(['closed']);
  });

  it('answers the start update once the cycle and all its units are in the database', async () => {
    const input = await inputFor(YEAR + 1, calendarClosingIn(YEAR + 1, 60 * 60_000));
    const handle = await start(input);

    const progress = await handle.executeUpdate(cycleRecordedUpdate);

    expect(progress).toMatchObject({ cycleId: `DN-${YEAR + 1}`, stage: 'running', recorded: true });
    const cycle = await cycles.findById(`DN-${YEAR + 1}`);
    expect(cycle?.units).toHaveLength(input.participants.length);
    await handle.signal(closeCycleSignal);
    expect((await handle.result()).stage).toBe('closed');
  });

  it('closes early when an admin closes the cycle, and replays its own history deterministically', async () => {
    const input = await inputFor(YEAR + 2, calendarClosingIn(YEAR + 2, 60 * 60_000));
    const handle = await start(input);
    await handle.executeUpdate(cycleRecordedUpdate);

    await handle.signal(closeCycleSignal);
    await handle.result();

    const history = await handle.fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.PLANCYCLE_TEST_WORKFLOW_BUNDLE as string } }, history, handle.workflowId);
    // Per unit: start, started, close signal, completion; plus the provincial plan child and the cycle's own events.
    expect(history.events?.length).toBeLessThan(50 + 6 * input.participants.length);

    await recordHistoryFixture(handle.workflowId, 'annual-cycle.closed-early');
    await recordHistoryFixture(unitPlanWorkflowId(input.cycleId, input.participants[0].unitCode), 'unit-plan.closed');
  });
});
