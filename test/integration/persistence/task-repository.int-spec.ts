import { PlanRepository, TaskRepository, type OpenTaskInput, type PlanRecord } from '@plancycle/persistence';
import { ROLES } from '@plancycle/domain';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';
import { planWorkflowId, recordPlanTestCycle, type PlanTestCycle } from './plan-test-cycle';

describe('TaskRepository', () => {
  let db: PersistenceTestDatabase;
  let tasks: TaskRepository;
  let cycle: PlanTestCycle;
  const planOf: Record<string, PlanRecord> = {};

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    cycle = await recordPlanTestCycle(db.dataSource, 2033);
    tasks = new TaskRepository(db.dataSource);
    const plans = new PlanRepository(db.dataSource);
    for (const unitCode of ['GL.SNGV', 'GL.DUCCO', 'GL.DUCCO.IADOM', 'GL.SCT']) {
      planOf[unitCode] = await plans.openPlan({ cycleId: cycle.cycleId, unitCode, kind: 'unit', workflowId: planWorkflowId(cycle.cycleId, unitCode, 'unit') });
    }
  });
  afterAll(() => db?.drop());

  const task = (unitCode: string, sequence: number, overrides: Partial<OpenTaskInput> = {}): OpenTaskInput => ({
    key: `${planOf[unitCode].workflowId}/${sequence}`,
    planId: planOf[unitCode].id,
    workflowId: planOf[unitCode].workflowId,
    kind: 'draft',
    assigneeUnitCode: unitCode,
    assigneeRole: 'officer',
    dueAt: '2033-02-28T16:59:59.999Z',
    ...overrides,
  });

  it('opens a task once by its key: a retry gets the first one back unchanged', async () => {
    const first = await tasks.open(task('GL.SNGV', 1));
    const retried = await tasks.open(task('GL.SNGV', 1, { dueAt: '2033-12-31T16:59:59.999Z' }));

    expect(retried).toEqual(first);
    expect(first).toMatchObject({
      planId: planOf['GL.SNGV'].id,
      cycleId: cycle.cycleId,
      planUnitCode: 'GL.SNGV',
      planUnitName: 'Sở Ngoại vụ',
      kind: 'draft',
      assigneeRole: 'officer',
      dueAt: '2033-02-28T16:59:59.999Z',
      state: 'open',
      closedAt: null,
    });
    expect(await tasks.findOpenForPlan(planOf['GL.SNGV'].id)).toEqual(first);
  });

  it('refuses a second open task for a plan that is already waiting on one', async () => {
    await expect(tasks.open(task('GL.SNGV', 2))).rejects.toThrow(/tasks_one_open_per_plan_idx/);
  });

  it('closes a task once: the first outcome stays', async () => {
    await expect(tasks.close(task('GL.SNGV', 1).key, 'done')).resolves.toBe(true);
    await expect(tasks.close(task('GL.SNGV', 1).key, 'cancelled')).resolves.toBe(false);

    expect(await tasks.findByKey(task('GL.SNGV', 1).key)).toMatchObject({ state: 'done', closedAt: expect.any(String) });
    expect(await tasks.findOpenForPlan(planOf['GL.SNGV'].id)).toBeNull();
  });

  it('fills the inbox of the assignee units with their open tasks, soonest due first', async () => {
    await tasks.open(task('GL.DUCCO.IADOM', 1, { kind: 'appraise', assigneeUnitCode: 'GL.DUCCO.PVHTT', assigneeRole: 'appraiser', dueAt: '2033-03-10T16:59:59.999Z' }));
    await tasks.open(task('GL.DUCCO', 1, { kind: 'appraise', assigneeUnitCode: 'GL.DUCCO.PVHTT', assigneeRole: 'appraiser', dueAt: '2033-03-05T16:59:59.999Z' }));
    await tasks.open(task('GL.SCT', 1));

    const inbox = await tasks.listOpenForUnits(['GL.DUCCO.PVHTT', 'GL.SNGV']);

    expect(inbox.map(({ planUnitCode, kind, dueAt }) => ({ planUnitCode, kind, dueAt }))).toEqual([
      { planUnitCode: 'GL.DUCCO', kind: 'appraise', dueAt: '2033-03-05T16:59:59.999Z' },
      { planUnitCode: 'GL.DUCCO.IADOM', kind: 'appraise', dueAt: '2033-03-10T16:59:59.999Z' },
    ]);
    expect(await tasks.listOpenForUnits([])).toEqual([]);
  });

  it('accepts every role the domain defines as the assignee, and nothing else', async () => {
    await tasks.close(task('GL.SCT', 1).key, 'cancelled');
    for (const [index, role] of ROLES.entries()) {
      const input = task('GL.SCT', 100 + index, { assigneeRole: role });
      await tasks.open(input);
      await tasks.close(input.key, 'cancelled');
    }

    await expect(tasks.open(task('GL.SCT', 200, { assigneeRole: 'superuser' as never }))).rejects.toThrow(/tasks_assignee_role_check/);
  });
});
