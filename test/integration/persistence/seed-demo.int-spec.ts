import { DEMO_PASSWORD, OrgUnitRepository, UserRepository, seedDemo, verifyPassword } from '@plancycle/persistence';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';

describe('seedDemo', () => {
  let db: PersistenceTestDatabase;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  const snapshot = async () => ({
    units: await db.dataSource.query('SELECT * FROM org_units ORDER BY code'),
    users: await db.dataSource.query('SELECT * FROM users ORDER BY username'),
    roles: await db.dataSource.query('SELECT * FROM user_roles ORDER BY user_id, unit_code, role'),
    days: await db.dataSource.query('SELECT * FROM work_calendar_days ORDER BY date'),
  });

  it('gives exactly the same rows when run twice', async () => {
    const first = await seedDemo(db.dataSource);
    const before = await snapshot();

    const second = await seedDemo(db.dataSource);
    const after = await snapshot();

    expect(second).toEqual(first);
    expect(after).toEqual(before);
    expect(first.provinces).toEqual(['GL', 'DN']);
    expect(before.units.length).toBeGreaterThan(40);
    expect(before.days.length).toBeGreaterThan(20);
  });

  it('loads both provinces with their real names', async () => {
    const units = new OrgUnitRepository(db.dataSource);

    expect((await units.listProvinces()).map((unit) => [unit.code, unit.name])).toEqual([
      ['DN', 'Ủy ban nhân dân tỉnh Đồng Nai'],
      ['GL', 'Ủy ban nhân dân tỉnh Gia Lai'],
    ]);
    expect(await units.findByCode('GL.SNGV')).toMatchObject({ name: 'Sở Ngoại vụ', parentCode: 'GL', kind: 'department' });
    const giaLai = await units.listProvinceUnits('GL');
    expect(giaLai.map((unit) => unit.code)).toEqual([...giaLai.map((unit) => unit.code)].sort());
    expect(giaLai.find((unit) => unit.code === 'GL.DUCCO.IADOM')?.settings.appraiserUnitCode).toBe('GL.DUCCO.PVHTT');
  });

  it('creates demo users who can sign in with the demo password and hold their roles', async () => {
    const users = new UserRepository(db.dataSource);

    const officer = await users.findByUsername('canbo.iadom');

    expect(officer).toMatchObject({ email: 'canbo.iadom@plancycle.local', active: true, roles: [{ role: 'officer', unitCode: 'GL.DUCCO.IADOM' }] });
    await expect(verifyPassword(DEMO_PASSWORD, officer?.passwordHash ?? '')).resolves.toBe(true);
    expect(await users.findById(officer?.id ?? '')).toEqual(officer);
    expect(await users.findById('not-a-uuid')).toBeNull();
    expect(await users.findByUsername('khong.ton.tai')).toBeNull();
  });

  it('replaces a user\'s roles with exactly the ones given on upsert', async () => {
    const users = new UserRepository(db.dataSource);
    const admin = await users.findByUsername('admin.gl');

    const updated = await users.upsertUser({
      username: 'admin.gl',
      fullName: 'Nguyễn Văn Hùng',
      email: 'admin.gl@plancycle.local',
      passwordHash: admin?.passwordHash ?? '',
      roles: [
        { role: 'coordinator', unitCode: 'GL.STTTT' },
        { role: 'admin', unitCode: 'GL' },
      ],
    });

    expect(updated.id).toBe(admin?.id);
    expect(updated.roles).toEqual([
      { role: 'admin', unitCode: 'GL' },
      { role: 'coordinator', unitCode: 'GL.STTTT' },
    ]);
  });
});
