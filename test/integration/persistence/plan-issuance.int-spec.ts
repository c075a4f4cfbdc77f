import { AuditRepository, PlanRepository, giaLaiUnits, type PlanRecord } from '@plancycle/persistence';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';
import { planItems, planWorkflowId, recordPlanTestCycle, type PlanTestCycle } from './plan-test-cycle';

describe('PlanRepository.issueVersion under concurrency and inside a caller\'s transaction', () => {
  let db: PersistenceTestDatabase;
  let plans: PlanRepository;
  let cycle: PlanTestCycle;
  let nextCycle: PlanTestCycle;
  const YEAR = 2031;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    cycle = await recordPlanTestCycle(db.dataSource, YEAR);
    // A second cycle gives every unit a second plan: the issuer's numbers run across both.
    nextCycle = await recordPlanTestCycle(db.dataSource, YEAR + 1);
    plans = new PlanRepository(db.dataSource);
  });
  afterAll(() => db?.drop());

  /** A plan of the unit with version 1 submitted, waiting for its number. */
  const submitted = async (unitCode: string, cycleId = cycle.cycleId): Promise<PlanRecord> => {
    const plan = await plans.openPlan({ cycleId, unitCode, kind: 'unit', workflowId: planWorkflowId(cycleId, unitCode, 'unit') });
    await plans.recordStage({ planId: plan.id, stage: 'drafting', sequence: 1 });
    await plans.saveDraft(plan.id, 1, planItems(YEAR), cycle.users.officer);
    await plans.submitVersion(plan.id, 1, cycle.users.officer);
    return plan;
  };
  const issueByProvince = (planId: string) =>
    plans.issueVersion({ planId, version: 1, issuerCode: 'GL', symbol: 'KH-UBND', issuedOn: `${YEAR}-04-15`, year: YEAR });

  it('gives 50 plans of one issuer approved at the same moment 50 distinct numbers with no gap', async () => {
    const unitCodes = giaLaiUnits()
      .map((unit) => unit.code)
      .slice(0, 25);
    const ready = [
      ...(await Promise.all(unitCodes.map((code) => submitted(code)))),
      ...(await Promise.all(unitCodes.map((code) => submitted(code, nextCycle.cycleId)))),
    ];

    const issued = await Promise.all(ready.map((plan) => issueByProvince(plan.id)));

    const expected = Array.from({ length: 50 }, (_, index) => `${String(index + 1).padStart(2, '0')}/KH-UBND`);
    expect(issued.map((version) => version.documentNumber).sort()).toEqual(expected);
  });

  it('takes one number when the same issuance is delivered twice at once', async () => {
    const plan = await submitted(giaLaiUnits()[25].code);

    const [first, second] = await Promise.all([issueByProvince(plan.id), issueByProvince(plan.id)]);

    expect(first).toEqual({ documentNumber: '51/KH-UBND', issuedOn: `${YEAR}-04-15` });
    expect(second).toEqual(first);
  });

  it('issues, appends the audit event and gives the number back together when the caller\'s transaction fails', async () => {
    const plan = await submitted(giaLaiUnits()[26].code);

    await expect(
      db.dataSource.transaction(async (manager) => {
        await new PlanRepository(manager).issueVersion({ planId: plan.id, version: 1, issuerCode: 'GL', symbol: 'KH-UBND', issuedOn: `${YEAR}-04-16`, year: YEAR });
        await new AuditRepository(manager).append({ cycleId: cycle.cycleId, planId: plan.id, version: 1, action: 'issue', toStage: 'issued' });
        throw new Error('the task could not be closed');
      }),
    ).rejects.toThrow('the task could not be closed');

    expect(await plans.findVersion(plan.id, 1)).toMatchObject({ state: 'submitted', documentNumber: null });
    expect(await new AuditRepository(db.dataSource).listForPlan(plan.id)).toEqual([]);
    await expect(issueByProvince(plan.id)).resolves.toMatchObject({ documentNumber: '52/KH-UBND' });
  });
});
