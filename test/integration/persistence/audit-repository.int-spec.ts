import { AuditRepository, PlanRepository, type PlanRecord } from '@plancycle/persistence';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';
import { planWorkflowId, recordPlanTestCycle, type PlanTestCycle } from './plan-test-cycle';

describe('AuditRepository', () => {
  let db: PersistenceTestDatabase;
  let audit: AuditRepository;
  let cycle: PlanTestCycle;
  let plan: PlanRecord;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    cycle = await recordPlanTestCycle(db.dataSource, 2034);
    audit = new AuditRepository(db.dataSource);
    plan = await new PlanRepository(db.dataSource).openPlan({
      cycleId: cycle.cycleId,
      unitCode: 'GL.SNGV',
      kind: 'unit',
      workflowId: planWorkflowId(cycle.cycleId, 'GL.SNGV', 'unit'),
    });
  });
  afterAll(() => db?.drop());

  it('appends each transition once by its request id and reads it back per plan and per cycle, in order', async () => {
    await expect(audit.append({ cycleId: cycle.cycleId, action: 'start', toStage: 'running', actor: cycle.users.admin, requestId: 'cycle-start' })).resolves.toBe(true);
    const submit = {
      cycleId: cycle.cycleId,
      planId: plan.id,
      version: 1,
      actor: cycle.users.officer,
      action: 'submit',
      fromStage: 'drafting',
      toStage: 'approval',
      requestId: 'submit-1',
    };
    await expect(audit.append(submit)).resolves.toBe(true);
    await expect(audit.append(submit)).resolves.toBe(false);
    await expect(audit.append({ cycleId: cycle.cycleId, planId: plan.id, version: 1, action: 'return', comment: 'Thiếu kinh phí.', fromStage: 'approval', toStage: 'drafting' })).resolves.toBe(true);

    const forPlan = await audit.listForPlan(plan.id);
    expect(forPlan.map(({ action, version, actorName, fromStage, toStage, comment }) => ({ action, version, actorName, fromStage, toStage, comment }))).toEqual([
      { action: 'submit', version: 1, actorName: 'Phạm Thị Lan', fromStage: 'drafting', toStage: 'approval', comment: null },
      { action: 'return', version: 1, actorName: null, fromStage: 'approval', toStage: 'drafting', comment: 'Thiếu kinh phí.' },
    ]);
    expect((await audit.listForCycle(cycle.cycleId)).map((event) => event.action)).toEqual(['start', 'submit', 'return']);
    expect(Number.isNaN(Date.parse(forPlan[0].at))).toBe(false);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the trail, and the trail stays as it was', async () => {
    const before = await audit.listForCycle(cycle.cycleId);

    await expect(db.dataSource.query(`UPDATE audit_events SET comment = 'sửa lại'`)).rejects.toThrow(/audit_events is append-only: UPDATE is refused/);
    await expect(db.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/audit_events is append-only: DELETE is refused/);
    await expect(db.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/audit_events is append-only: TRUNCATE is refused/);

    expect(await audit.listForCycle(cycle.cycleId)).toEqual(before);
  });

  it('refuses a version without its plan', async () => {
    await expect(audit.append({ cycleId: cycle.cycleId, version: 1, action: 'submit' })).rejects.toThrow(/audit_events_version_check/);
  });
});
