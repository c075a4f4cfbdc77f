import { PlanOpinionRepository, PlanRepository, type PlanRecord, type RecordPlanOpinionInput } from '@plancycle/persistence';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';
import { planItems, planWorkflowId, recordPlanTestCycle, type PlanTestCycle } from './plan-test-cycle';

describe('PlanOpinionRepository', () => {
  let db: PersistenceTestDatabase;
  let opinions: PlanOpinionRepository;
  let cycle: PlanTestCycle;
  let plan: PlanRecord;
  const YEAR = 2032;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    cycle = await recordPlanTestCycle(db.dataSource, YEAR);
    opinions = new PlanOpinionRepository(db.dataSource);
    const plans = new PlanRepository(db.dataSource);
    const unitCode = 'GL.DUCCO.IADOM';
    plan = await plans.openPlan({ cycleId: cycle.cycleId, unitCode, kind: 'unit', workflowId: planWorkflowId(cycle.cycleId, unitCode, 'unit') });
    await plans.recordStage({ planId: plan.id, stage: 'drafting', sequence: 1 });
    await plans.saveDraft(plan.id, 1, planItems(YEAR), cycle.users.officer);
    await plans.submitVersion(plan.id, 1, cycle.users.officer);
    await plans.returnVersion(plan.id, 1);
  });
  afterAll(() => db?.drop());

  const opinion = (overrides: Partial<RecordPlanOpinionInput>): RecordPlanOpinionInput => ({
    planId: plan.id,
    version: 1,
    step: 'appraisal',
    decision: 'agree',
    comments: '',
    decidedBy: cycle.users.appraiser,
    requestId: 'appraise-1',
    ...overrides,
  });

  it('records a returned round and an agreeing one, each once however often it is delivered, oldest first', async () => {
    const returned = opinion({ decision: 'return', comments: 'Bổ sung kinh phí cho hội nghị.', requestId: 'appraise-1', decidedAt: '2032-02-01T02:00:00.000Z' });
    const agreed = opinion({ version: 2, requestId: 'appraise-2', decidedAt: '2032-02-10T02:00:00.000Z' });

    await expect(opinions.record(returned)).resolves.toBe(true);
    await expect(opinions.record(returned)).resolves.toBe(false);
    await expect(opinions.record(agreed)).resolves.toBe(true);
    await expect(opinions.record({ ...agreed, decision: 'return', comments: 'khác' })).resolves.toBe(false);

    expect((await opinions.listForPlan(plan.id)).map(({ version, step, decision, comments, decidedAt }) => ({ version, step, decision, comments, decidedAt }))).toEqual([
      { version: 1, step: 'appraisal', decision: 'return', comments: 'Bổ sung kinh phí cho hội nghị.', decidedAt: '2032-02-01T02:00:00.000Z' },
      { version: 2, step: 'appraisal', decision: 'agree', comments: '', decidedAt: '2032-02-10T02:00:00.000Z' },
    ]);
  });

  it('knows which version an appraiser agreed to', async () => {
    await expect(opinions.hasAgreeingAppraisal(plan.id, 2)).resolves.toBe(true);
    await expect(opinions.hasAgreeingAppraisal(plan.id, 1)).resolves.toBe(false);
  });

  it('does not count an approver\'s agreement as an appraisal', async () => {
    await opinions.record(opinion({ version: 1, step: 'approval', decidedBy: cycle.users.approver, requestId: 'approve-1' }));

    await expect(opinions.hasAgreeingAppraisal(plan.id, 1)).resolves.toBe(false);
  });

  it('refuses a return without comments, and an opinion on a version that does not exist', async () => {
    await expect(opinions.record(opinion({ decision: 'return', comments: '  ', requestId: 'appraise-x' }))).rejects.toThrow(/plan_opinions_return_comments_check/);
    await expect(opinions.record(opinion({ version: 9, requestId: 'appraise-y' }))).rejects.toThrow(/foreign key/);
    expect(await opinions.listForPlan(plan.id)).toHaveLength(3);
  });
});
