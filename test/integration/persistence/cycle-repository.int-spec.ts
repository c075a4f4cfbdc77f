import { CycleRepository, UserRepository, seedDemo, type RecordCycleInput } from '@plancycle/persistence';
import { annualCycleWorkflowId, cycleIdOf, defaultCycleCalendar, unitPlanWorkflowId, workCalendar } from '@plancycle/domain';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';

describe('CycleRepository', () => {
  let db: PersistenceTestDatabase;
  let cycles: CycleRepository;
  let cycle: RecordCycleInput;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    await seedDemo(db.dataSource);
    cycles = new CycleRepository(db.dataSource);
    const admin = await new UserRepository(db.dataSource).findByUsername('admin.gl');
    const id = cycleIdOf('GL', 2027);
    cycle = {
      id,
      provinceCode: 'GL',
      year: 2027,
      workflowId: annualCycleWorkflowId(id),
      stage: 'running',
      calendar: defaultCycleCalendar(2027, workCalendar()),
      startedBy: admin?.id ?? null,
      sequence: 1,
    };
  });

  afterAll(async () => {
    await db.drop();
  });

  const unit = (unitCode: string, stage: 'pending' | 'drafting' | 'closed', sequence: number) => ({
    cycleId: cycle.id,
    unitCode,
    stage,
    workflowId: unitPlanWorkflowId(cycle.id, unitCode),
    sequence,
  });

  it('records a started cycle with a pending row per participant, and returns it with unit names', async () => {
    const units = ['GL.SNGV', 'GL.DUCCO.IADOM', 'GL.DUCCO'].map((code) => ({ unitCode: code, workflowId: unitPlanWorkflowId(cycle.id, code) }));

    await expect(cycles.recordCycleStarted({ ...cycle, units })).resolves.toBe(true);
    const record = await cycles.findById(cycle.id);

    expect(record).toMatchObject({
      id: 'GL-2027',
      provinceCode: 'GL',
      provinceName: 'Ủy ban nhân dân tỉnh Gia Lai',
      year: 2027,
      workflowId: 'annual-cycle/GL-2027',
      stage: 'running',
      calendar: cycle.calendar,
      startedBy: cycle.startedBy,
      closedAt: null,
    });
    expect(Number.isNaN(Date.parse(record?.startedAt ?? ''))).toBe(false);
    expect(record?.units.map(({ unitCode, unitName, kind, stage }) => ({ unitCode, unitName, kind, stage }))).toEqual([
      { unitCode: 'GL.DUCCO', unitName: 'Ủy ban nhân dân huyện Đức Cơ', kind: 'district', stage: 'pending' },
      { unitCode: 'GL.DUCCO.IADOM', unitName: 'Ủy ban nhân dân xã Ia Dom', kind: 'commune', stage: 'pending' },
      { unitCode: 'GL.SNGV', unitName: 'Sở Ngoại vụ', kind: 'department', stage: 'pending' },
    ]);
    expect(await cycles.findByProvinceAndYear('GL', 2027)).toEqual(record);
    expect(await cycles.findByProvinceAndYear('GL', 2026)).toBeNull();
  });

  it('applies a newer unit stage and ignores a stale or repeated one', async () => {
    await expect(cycles.recordUnit(unit('GL.SNGV', 'drafting', 2))).resolves.toBe(true);
    await expect(cycles.recordUnit(unit('GL.SNGV', 'pending', 1))).resolves.toBe(false);
    await expect(cycles.recordUnit(unit('GL.SNGV', 'closed', 2))).resolves.toBe(false);

    const record = await cycles.findById(cycle.id);
    expect(record?.units.find((row) => row.unitCode === 'GL.SNGV')?.stage).toBe('drafting');
  });

  it('does not reset units that moved on when the start is recorded again (a retried activity)', async () => {
    await cycles.recordCycleStarted({ ...cycle, units: [{ unitCode: 'GL.SNGV', workflowId: unitPlanWorkflowId(cycle.id, 'GL.SNGV') }] });

    const record = await cycles.findById(cycle.id);
    expect(record?.units.find((row) => row.unitCode === 'GL.SNGV')?.stage).toBe('drafting');
  });

  it('ignores a stale cycle write, applies a newer one and stamps closed_at when the cycle closes', async () => {
    await expect(cycles.recordCycle({ ...cycle, stage: 'closed', sequence: 5 })).resolves.toBe(true);
    const closed = await cycles.findById(cycle.id);

    await expect(cycles.recordCycle({ ...cycle, stage: 'running', sequence: 4 })).resolves.toBe(false);
    await expect(cycles.recordCycle({ ...cycle, stage: 'closed', sequence: 5 })).resolves.toBe(false);
    const after = await cycles.findById(cycle.id);

    expect(closed?.stage).toBe('closed');
    expect(closed?.closedAt).not.toBeNull();
    expect(after).toEqual(closed);
  });

  it('refuses a second cycle for the same province and year under another id', async () => {
    await expect(cycles.recordCycle({ ...cycle, id: 'GL-2027-bis', workflowId: 'annual-cycle/GL-2027-bis' })).rejects.toThrow(
      /cycles_province_code_year_key/,
    );
  });

  it('works inside a caller\'s transaction and rolls back with it', async () => {
    const id = cycleIdOf('DN', 2027);
    await db.dataSource
      .transaction(async (manager) => {
        await new CycleRepository(manager).recordCycle({ ...cycle, id, provinceCode: 'DN', workflowId: annualCycleWorkflowId(id), startedBy: null });
        throw new Error('rollback');
      })
      .catch(() => undefined);

    expect(await cycles.findById(id)).toBeNull();
  });
});
