import { STAFF_ROLES } from '@plancycle/domain';
import { UnitStaffRepository, UserRepository, seedDemo, type AssignStaffInput } from '@plancycle/persistence';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';

describe('UnitStaffRepository', () => {
  let db: PersistenceTestDatabase;
  let staff: UnitStaffRepository;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    await seedDemo(db.dataSource);
    staff = new UnitStaffRepository(db.dataSource);
  });
  afterAll(() => db?.drop());

  const officer = (changes: Partial<AssignStaffInput> = {}): AssignStaffInput => ({
    unitCode: 'GL.SNGV',
    role: 'officer',
    fullName: 'Phạm Thị Lan',
    position: 'Chuyên viên',
    phone: '0269 3824 123',
    email: 'lanpt@gialai.gov.vn',
    userId: null,
    updatedBy: null,
    ...changes,
  });
  const count = async () => Number((await db.dataSource.query('SELECT count(*) AS n FROM unit_staff'))[0].n);

  it("lists every planning unit of the province in byte order of its code, nobody named yet", async () => {
    const units = await staff.listForProvince('GL');
    const codes = units.map((unit) => unit.unitCode);

    expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(codes).toEqual(expect.arrayContaining(['GL.STTTT', 'GL.SNGV', 'GL.DUCCO', 'GL.DUCCO.IADOM']));
    expect(codes).not.toEqual(expect.arrayContaining(['GL']));
    expect(codes.some((code) => code === 'GL.VP' || code.endsWith('.PVHTT') || !code.startsWith('GL.'))).toBe(false);
    expect(units.every((unit) => unit.leaderInCharge === null && unit.officer === null)).toBe(true);
  });

  it('names a person, then replaces them when the role is named again, keeping one row per unit and role', async () => {
    const leader = (await new UserRepository(db.dataSource).findByUsername('lanhdao.songoaivu'))!;
    const account = (await new UserRepository(db.dataSource).findByUsername('canbo.songoaivu'))!;

    await staff.assign(officer({ updatedBy: leader.id }));
    await staff.assign(officer({ fullName: 'Nguyễn Thị Hoa', phone: null, userId: account.id, updatedBy: leader.id }));

    const unit = await staff.forUnit('GL.SNGV');
    expect(unit).toMatchObject({ unitCode: 'GL.SNGV', unitName: 'Sở Ngoại vụ', kind: 'department', provinceCode: 'GL', leaderInCharge: null });
    expect(unit?.officer).toMatchObject({
      role: 'officer',
      fullName: 'Nguyễn Thị Hoa',
      phone: null,
      email: 'lanpt@gialai.gov.vn',
      userId: account.id,
      username: 'canbo.songoaivu',
      updatedBy: leader.id,
    });
    expect(unit?.officer?.updatedAt).toBeInstanceOf(Date);
    expect(await count()).toBe(1);
  });

  it("shows each unit's names in the province list and leaves other units empty", async () => {
    await staff.assign(officer({ unitCode: 'GL.DUCCO.IADOM', role: 'leader_in_charge', fullName: 'Rơ Mah Thuận', position: 'Phó Chủ tịch UBND xã' }));

    const units = await staff.listForProvince('GL');

    const byCode = new Map(units.map((unit) => [unit.unitCode, unit]));
    expect(byCode.get('GL.SNGV')?.officer?.fullName).toBe('Nguyễn Thị Hoa');
    expect(byCode.get('GL.DUCCO.IADOM')?.leaderInCharge?.fullName).toBe('Rơ Mah Thuận');
    expect(byCode.get('GL.STTTT')).toMatchObject({ leaderInCharge: null, officer: null });
    expect(units.filter((unit) => unit.unitCode === 'GL.SNGV')).toHaveLength(1);
    expect((await staff.listForProvince('DN')).every((unit) => unit.officer === null && unit.unitCode.startsWith('DN.'))).toBe(true);
  });

  it('keeps the name when the linked account is deleted', async () => {
    const [temporary] = (await db.dataSource.query(
      `INSERT INTO users (username, full_name, email, password_hash) VALUES ('tam.thoi', 'Tạm Thời', 'tam@plancycle.local', 'x') RETURNING id`,
    )) as Array<{ id: string }>;
    await staff.assign(officer({ unitCode: 'GL.SCT', userId: temporary.id }));

    await db.dataSource.query('DELETE FROM users WHERE id = $1', [temporary.id]);

    expect((await staff.forUnit('GL.SCT'))?.officer).toMatchObject({ fullName: 'Phạm Thị Lan', userId: null, username: null });
  });

  it('answers null for an unknown unit and refuses to name staff for one', async () => {
    expect(await staff.forUnit('GL.KHONGCO')).toBeNull();
    await expect(staff.assign(officer({ unitCode: 'GL.KHONGCO' }))).rejects.toThrow(/foreign key/);
  });

  it('accepts exactly the staff roles the domain defines', async () => {
    for (const role of STAFF_ROLES) await staff.assign(officer({ unitCode: 'GL.STC', role }));

    await expect(staff.assign(officer({ unitCode: 'GL.STC', role: 'admin' as never }))).rejects.toThrow(/unit_staff_role_check/);
    expect((await staff.forUnit('GL.STC'))?.leaderInCharge?.role).toBe('leader_in_charge');
  });
});
