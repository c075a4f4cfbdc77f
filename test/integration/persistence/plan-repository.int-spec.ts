import { PlanRepository, type PlanRecord } from '@plancycle/persistence';
import { PLAN_STAGES } from '@plancycle/domain';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';
import { planItems, planWorkflowId, recordPlanTestCycle, type PlanTestCycle } from './plan-test-cycle';

describe('PlanRepository', () => {
  let db: PersistenceTestDatabase;
  let plans: PlanRepository;
  let cycle: PlanTestCycle;
  let plan: PlanRecord;
  const YEAR = 2030;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    cycle = await recordPlanTestCycle(db.dataSource, YEAR);
    plans = new PlanRepository(db.dataSource);
  });
  afterAll(() => db?.drop());

  const open = (unitCode: string, kind: PlanRecord['kind'] = 'unit') =>
    plans.openPlan({ cycleId: cycle.cycleId, unitCode, kind, workflowId: planWorkflowId(cycle.cycleId, unitCode, kind) });
  const versionOf = async (version: number) => plans.findVersion(plan.id, version);
  let sequence = 0;
  const moveTo = (stage: PlanRecord['stage']) => plans.recordStage({ planId: plan.id, stage, sequence: ++sequence });
  const issue = (version: number, issuedOn = `${YEAR}-03-09`) =>
    plans.issueVersion({ planId: plan.id, version, issuerCode: 'GL.SNGV', symbol: 'KH-SNgV', issuedOn, year: Number(issuedOn.slice(0, 4)) });

  it('opens a unit\'s plan once, with an empty draft version 1, however often it is opened', async () => {
    const [first, second] = await Promise.all([open('GL.SNGV'), open('GL.SNGV')]);
    plan = await open('GL.SNGV');

    expect(second).toEqual(first);
    expect(plan).toMatchObject({ id: first.id, cycleId: 'GL-2030', unitCode: 'GL.SNGV', unitName: 'Sở Ngoại vụ', kind: 'unit' });
    expect(plan).toMatchObject({ stage: 'pending', versionInForce: null, latestVersion: 1 });
    expect(await plans.listVersions(plan.id)).toMatchObject([{ version: 1, state: 'draft', items: [], documentNumber: null, issuedOn: null }]);
    expect(await plans.findForUnit(cycle.cycleId, 'GL.SNGV', 'unit')).toEqual(plan);
    expect(await plans.findById(plan.id)).toEqual(plan);
    expect(await plans.findById('not-a-uuid')).toBeNull();
  });

  it('lists the provincial plan first, then the units\' plans by code, with their names', async () => {
    await open('GL', 'provincial');
    await open('GL.DUCCO');

    expect((await plans.listForCycle(cycle.cycleId)).map(({ unitCode, unitName, kind }) => ({ unitCode, unitName, kind }))).toEqual([
      { unitCode: 'GL', unitName: 'Ủy ban nhân dân tỉnh Gia Lai', kind: 'provincial' },
      { unitCode: 'GL.DUCCO', unitName: 'Ủy ban nhân dân huyện Đức Cơ', kind: 'unit' },
      { unitCode: 'GL.SNGV', unitName: 'Sở Ngoại vụ', kind: 'unit' },
    ]);
  });

  it('applies a newer stage and ignores a stale or repeated one, and accepts every stage the domain defines', async () => {
    const other = await open('GL.DUCCO');
    for (const [index, stage] of PLAN_STAGES.entries()) {
      await expect(plans.recordStage({ planId: other.id, stage, sequence: index + 1 })).resolves.toBe(true);
    }
    await expect(plans.recordStage({ planId: other.id, stage: 'drafting', sequence: 2 })).resolves.toBe(false);
    await expect(plans.recordStage({ planId: other.id, stage: 'drafting', sequence: PLAN_STAGES.length })).resolves.toBe(false);

    expect((await plans.findById(other.id))?.stage).toBe('issued');
  });

  it('refuses to save a draft while the plan is not in drafting, and writes nothing', async () => {
    await expect(plans.saveDraft(plan.id, 1, planItems(YEAR), cycle.users.officer)).resolves.toBe(false);

    expect((await versionOf(1))?.items).toEqual([]);
  });

  it('saves a draft any number of times, keeping the last items and who saved them', async () => {
    await moveTo('drafting');
    for (const count of [1, 3, 2]) {
      await expect(plans.saveDraft(plan.id, 1, planItems(YEAR, count), cycle.users.officer)).resolves.toBe(true);
    }

    expect(await versionOf(1)).toMatchObject({ state: 'draft', items: planItems(YEAR, 2), updatedBy: cycle.users.officer });
  });

  it('freezes a submitted version: saving it again is refused and nothing changes', async () => {
    await expect(plans.submitVersion(plan.id, 1, cycle.users.officer)).resolves.toBe(true);
    const submitted = await versionOf(1);

    await expect(plans.submitVersion(plan.id, 1, cycle.users.officer)).resolves.toBe(false);
    await expect(plans.saveDraft(plan.id, 1, planItems(YEAR, 5), cycle.users.officer)).resolves.toBe(false);

    expect(submitted).toMatchObject({ state: 'submitted', items: planItems(YEAR, 2), submittedBy: cycle.users.officer });
    expect(submitted?.submittedAt).not.toBeNull();
    expect(await versionOf(1)).toEqual(submitted);
  });

  it('returns a submitted version as version 2 with the same items, once however often the return is delivered', async () => {
    await expect(plans.returnVersion(plan.id, 1)).resolves.toBe(2);
    await expect(plans.returnVersion(plan.id, 1)).resolves.toBe(2);

    expect((await plans.listVersions(plan.id)).map(({ version, state, items }) => ({ version, state, items }))).toEqual([
      { version: 1, state: 'returned', items: planItems(YEAR, 2) },
      { version: 2, state: 'draft', items: planItems(YEAR, 2) },
    ]);
    expect((await plans.findById(plan.id))?.latestVersion).toBe(2);
    await expect(plans.returnVersion(plan.id, 2)).resolves.toBeNull(); // a draft is not returned
  });

  it('refuses to issue a version that was not submitted, and takes no number for it', async () => {
    await expect(issue(2)).rejects.toThrow(/only a submitted or approved version can be issued/);
  });

  it('issues with the issuer\'s first number of the year and the date, and gives the same number when issued again', async () => {
    await plans.saveDraft(plan.id, 2, planItems(YEAR, 3), cycle.users.officer);
    await plans.submitVersion(plan.id, 2, cycle.users.officer);

    await expect(issue(2)).resolves.toEqual({ documentNumber: '01/KH-SNgV', issuedOn: `${YEAR}-03-09` });
    await expect(issue(2, `${YEAR}-03-10`)).resolves.toEqual({ documentNumber: '01/KH-SNgV', issuedOn: `${YEAR}-03-09` });

    expect(await versionOf(2)).toMatchObject({ state: 'issued', documentNumber: '01/KH-SNgV', issuedOn: `${YEAR}-03-09` });
    expect((await plans.findById(plan.id))?.versionInForce).toBe(2);
    const [counter] = (await db.dataSource.query(`SELECT last_number FROM document_number_counters WHERE issuer_code = 'GL.SNGV'`)) as Array<{
      last_number: number;
    }>;
    expect(counter.last_number).toBe(1);
  });

  it('opens an amendment as version 3 from the version in force; issuing it supersedes version 2 with the next number', async () => {
    await moveTo('issued');
    await expect(plans.startAmendment(plan.id, cycle.users.officer)).resolves.toBe(3);
    await expect(plans.startAmendment(plan.id, cycle.users.officer)).resolves.toBe(3);
    expect(await versionOf(3)).toMatchObject({ state: 'draft', items: planItems(YEAR, 3), createdBy: cycle.users.officer });

    await moveTo('drafting');
    await plans.saveDraft(plan.id, 3, planItems(YEAR, 4), cycle.users.officer);
    await plans.submitVersion(plan.id, 3, cycle.users.officer);
    await expect(plans.startAmendment(plan.id, cycle.users.officer)).rejects.toThrow(/plan_versions_one_in_progress_idx/);
    await expect(issue(3, `${YEAR}-07-01`)).resolves.toEqual({ documentNumber: '02/KH-SNgV', issuedOn: `${YEAR}-07-01` });

    expect((await plans.listVersions(plan.id)).map(({ version, state, documentNumber }) => ({ version, state, documentNumber }))).toEqual([
      { version: 1, state: 'returned', documentNumber: null },
      { version: 2, state: 'superseded', documentNumber: '01/KH-SNgV' },
      { version: 3, state: 'issued', documentNumber: '02/KH-SNgV' },
    ]);
    expect((await plans.findById(plan.id))?.versionInForce).toBe(3);
    await expect(issue(2)).resolves.toEqual({ documentNumber: '01/KH-SNgV', issuedOn: `${YEAR}-03-09` }); // a late retry
  });

  it('refuses an amendment of a plan that has nothing in force', async () => {
    const provincial = await open('GL', 'provincial');

    await expect(plans.startAmendment(provincial.id, cycle.users.officer)).resolves.toBeNull();
    expect(await plans.listVersions(provincial.id)).toHaveLength(1);
  });

  it('refuses a number whose year is not the year of the issue date', async () => {
    await expect(
      plans.issueVersion({ planId: plan.id, version: 3, issuerCode: 'GL.SNGV', symbol: 'KH-SNgV', issuedOn: `${YEAR}-12-31`, year: YEAR + 1 }),
    ).rejects.toThrow(RangeError);
  });
});
