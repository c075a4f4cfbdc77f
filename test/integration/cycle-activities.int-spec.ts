import { MockActivityEnvironment } from '@temporalio/testing';
import { createCycleActivities } from '@plancycle/activities';
import { annualCycleWorkflowId, cycleIdOf, defaultCycleCalendar, unitPlanWorkflowId, workCalendar, type CycleStartedWrite } from '@plancycle/domain';
import { CycleRepository, GuidanceRepository, seedDemo, TaskRepository } from '@plancycle/persistence';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence/persistence-test-database';

// Activities alone, in Temporal's mock activity context, against a real database: what a retry does.
describe('cycle activities', () => {
  let db: PersistenceTestDatabase;
  let cycles: CycleRepository;
  const environment = new MockActivityEnvironment();

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    await seedDemo(db.dataSource);
    cycles = new CycleRepository(db.dataSource);
  });
  afterAll(() => db?.drop());

  const cycleId = cycleIdOf('GL', 2030);
  const started: CycleStartedWrite = {
    id: cycleId,
    provinceCode: 'GL',
    year: 2030,
    workflowId: annualCycleWorkflowId(cycleId),
    stage: 'running',
    calendar: defaultCycleCalendar(2030, workCalendar()),
    startedBy: null,
    sequence: 1,
    units: [{ unitCode: 'GL.SNGV', workflowId: unitPlanWorkflowId(cycleId, 'GL.SNGV') }],
  };
  const unitWrite = (stage: 'drafting' | 'closed', sequence: number) => ({
    cycleId,
    unitCode: 'GL.SNGV',
    workflowId: unitPlanWorkflowId(cycleId, 'GL.SNGV'),
    stage,
    sequence,
  });

  it('records the start once, however often Temporal retries it', async () => {
    const activities = createCycleActivities(cycles, new GuidanceRepository(db.dataSource), new TaskRepository(db.dataSource));

    await environment.run(activities.recordCycleStarted, started);
    await environment.run(activities.recordUnitStage, unitWrite('drafting', 1));
    await environment.run(activities.recordCycleStarted, started); // a retry after a lost answer

    const cycle = await cycles.findById(cycleId);
    expect(cycle?.units.map((unit) => [unit.unitCode, unit.stage])).toEqual([['GL.SNGV', 'drafting']]);
  });

  it('ignores a late write that an earlier attempt delivered after a newer one', async () => {
    const activities = createCycleActivities(cycles, new GuidanceRepository(db.dataSource), new TaskRepository(db.dataSource));

    await environment.run(activities.recordUnitStage, unitWrite('closed', 2));
    await environment.run(activities.recordUnitStage, unitWrite('drafting', 1));

    expect((await cycles.findById(cycleId))?.units[0].stage).toBe('closed');
  });
});
