import { startTestStack, type TestStack } from '../support/stack';

const VIETNAMESE = /[àáảãạăâđêôơưẠ-ỹ]/i;

describe('staff assignment: each unit names its leader in charge and officer, the coordinator sees the list', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    for (const username of ['admin.gl', 'admin.dn', 'dieuphoi.gl', 'canbo.songoaivu', 'lanhdao.songoaivu', 'canbo.iadom']) {
      tokens[username] = await stack.login(username);
    }
  });
  afterAll(() => stack?.stop());

  const put = (as: string, path: string, body: object) =>
    stack.http().put(`/api/units/${path}`).set('Authorization', `Bearer ${tokens[as]}`).send(body);
  const get = (as: string, path: string) => stack.http().get(`/api/${path}`).set('Authorization', `Bearer ${tokens[as]}`);
  const staffRows = async () =>
    (await stack.dataSource.query('SELECT unit_code, role, full_name, position, phone, email, user_id FROM unit_staff ORDER BY unit_code, role')) as unknown[];
  const lan = { fullName: 'Phạm Thị Lan', position: 'Chuyên viên', phone: '0269 3824 123', email: 'lanpt@gialai.gov.vn', username: 'canbo.songoaivu' };

  it('lets the leader of Sở Ngoại vụ name its officer, and the coordinator then sees it in the province list', async () => {
    const response = await put('lanhdao.songoaivu', 'GL.SNGV/staff/officer', { ...lan, fullName: '  Phạm Thị Lan ' });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      unitCode: 'GL.SNGV',
      unitName: 'Sở Ngoại vụ',
      leaderInCharge: null,
      officer: { role: 'officer', roleLabel: 'Cán bộ kiêm nhiệm', fullName: 'Phạm Thị Lan', username: 'canbo.songoaivu' },
      missing: ['leader_in_charge'],
      missingLabels: ['Lãnh đạo phụ trách'],
    });

    const list = await get('dieuphoi.gl', 'provinces/GL/staff').expect(200);
    const sngv = list.body.units.find((unit: { unitCode: string }) => unit.unitCode === 'GL.SNGV');
    expect(sngv.officer).toMatchObject({ fullName: 'Phạm Thị Lan', position: 'Chuyên viên', phone: '0269 3824 123', email: 'lanpt@gialai.gov.vn' });
    expect(list.body).toMatchObject({ provinceCode: 'GL', provinceName: 'Ủy ban nhân dân tỉnh Gia Lai' });
  });

  it('lets the leader name themself and replaces an earlier name rather than adding a second one', async () => {
    await put('lanhdao.songoaivu', 'GL.SNGV/staff/leader_in_charge', { fullName: 'Võ Quốc Bảo', position: 'Phó Giám đốc' }).expect(200);
    const again = await put('admin.gl', 'GL.SNGV/staff/leader_in_charge', { fullName: 'Võ Quốc Bảo', position: 'Phó Giám đốc Sở', phone: null });

    expect(again.status).toBe(200);
    expect(again.body.leaderInCharge).toMatchObject({ fullName: 'Võ Quốc Bảo', position: 'Phó Giám đốc Sở', username: null });
    expect(again.body.missing).toEqual([]);
    expect(await stack.dataSource.query(`SELECT role FROM unit_staff WHERE unit_code = 'GL.SNGV' ORDER BY role`)).toEqual([
      { role: 'leader_in_charge' },
      { role: 'officer' },
    ]);
  });

  it('shows which units have not named anyone yet', async () => {
    const list = (await get('admin.gl', 'provinces/GL/staff').expect(200)).body;
    const byCode = new Map(list.units.map((unit: { unitCode: string }) => [unit.unitCode, unit]));

    expect(byCode.get('GL.SNGV')).toMatchObject({ missing: [] });
    expect(byCode.get('GL.DUCCO.IADOM')).toMatchObject({
      kindLabel: 'Cấp xã',
      leaderInCharge: null,
      officer: null,
      missing: ['leader_in_charge', 'officer'],
      missingLabels: ['Lãnh đạo phụ trách', 'Cán bộ kiêm nhiệm'],
    });
    // Only planning units: not the province itself, its office or an appraiser.
    expect([...byCode.keys()].some((code) => code === 'GL' || code === 'GL.VP' || String(code).endsWith('.PVHTT'))).toBe(false);
    expect(list.summary).toEqual({ units: list.units.length, complete: 1, incomplete: list.units.length - 1 });
  });

  describe('lets only the unit leader and the province admin name staff, changing nothing otherwise', () => {
    it.each([
      ['the unit officer', 'canbo.songoaivu'],
      ['the coordinator', 'dieuphoi.gl'],
      ['an officer of another unit', 'canbo.iadom'],
      ["another province's admin", 'admin.dn'],
    ])('refuses %s', async (_, username) => {
      const before = await staffRows();

      const response = await put(username, 'GL.SNGV/staff/officer', { fullName: 'Kẻ Mạo Danh', position: 'Không' });

      expect(response.status).toBe(403);
      expect(response.body.code).toBe('AUTH_FORBIDDEN');
      expect(response.body.message).toMatch(VIETNAMESE);
      expect(await staffRows()).toEqual(before);
    });

    it('asks an anonymous caller to log in', async () => {
      const response = await stack.http().put('/api/units/GL.SNGV/staff/officer').send(lan);
      expect([response.status, response.body.code]).toEqual([401, 'AUTH_REQUIRED']);
    });
  });

  it('answers 404 for an unknown unit', async () => {
    const response = await put('admin.gl', 'GL.KHONGCO/staff/officer', lan);

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('UNIT_NOT_FOUND');
    expect((await get('admin.gl', 'units/GL.KHONGCO/staff')).body.code).toBe('UNIT_NOT_FOUND');
    expect((await get('admin.gl', 'provinces/ZZ/staff')).body.code).toBe('PROVINCE_NOT_FOUND');
  });

  describe('refuses bad input with a 400, a stable code and a Vietnamese message, writing nothing', () => {
    const cases: Array<[string, string, object, string]> = [
      ['an unknown role', 'GL.SNGV/staff/admin', lan, 'STAFF_ROLE_INVALID'],
      ['a missing name', 'GL.SNGV/staff/officer', { position: 'Chuyên viên' }, 'STAFF_NAME_REQUIRED'],
      ['a blank name', 'GL.SNGV/staff/officer', { ...lan, fullName: '   ' }, 'STAFF_NAME_REQUIRED'],
      ['a name that is not text', 'GL.SNGV/staff/officer', { ...lan, fullName: 42 }, 'STAFF_NAME_REQUIRED'],
      ['a name over 200 characters', 'GL.SNGV/staff/officer', { ...lan, fullName: 'a'.repeat(201) }, 'STAFF_NAME_TOO_LONG'],
      ['a missing position', 'GL.SNGV/staff/officer', { fullName: 'Phạm Thị Lan' }, 'STAFF_POSITION_REQUIRED'],
      ['a blank position', 'GL.SNGV/staff/officer', { ...lan, position: '' }, 'STAFF_POSITION_REQUIRED'],
      ['a phone with letters', 'GL.SNGV/staff/officer', { ...lan, phone: '0912 abc 678' }, 'STAFF_PHONE_INVALID'],
      ['a phone too short', 'GL.SNGV/staff/officer', { ...lan, phone: '3824' }, 'STAFF_PHONE_INVALID'],
      ['a malformed e-mail', 'GL.SNGV/staff/officer', { ...lan, email: 'lanpt@' }, 'STAFF_EMAIL_INVALID'],
      ['an unknown account', 'GL.SNGV/staff/officer', { ...lan, username: 'khong.co' }, 'STAFF_USER_UNKNOWN'],
      ["another province's account", 'GL.SNGV/staff/officer', { ...lan, username: 'admin.dn' }, 'STAFF_USER_UNKNOWN'],
      ['an unknown field', 'GL.SNGV/staff/officer', { ...lan, chucVu: 'x' }, 'REQUEST_FIELD_UNKNOWN'],
      ['a unit that drafts no plan', 'GL.DUCCO.PVHTT/staff/officer', lan, 'STAFF_UNIT_NOT_PLANNING'],
    ];

    it.each(cases)('%s', async (_, path, body, code) => {
      const before = await staffRows();

      const response = await put('admin.gl', path, body);

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code });
      expect(response.body.message).toMatch(VIETNAMESE);
      expect(await staffRows()).toEqual(before);
    });
  });

  describe("shows a unit's names to its own people, the coordinator and admins only", () => {
    it.each(['canbo.songoaivu', 'lanhdao.songoaivu', 'dieuphoi.gl', 'admin.gl'])('shows Sở Ngoại vụ to %s', async (username) => {
      const response = await get(username, 'units/GL.SNGV/staff');
      expect(response.status).toBe(200);
      expect(response.body.officer.fullName).toBe('Phạm Thị Lan');
    });

    it.each(['canbo.iadom', 'admin.dn'])('refuses %s', async (username) => {
      const response = await get(username, 'units/GL.SNGV/staff');
      expect([response.status, response.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    });
  });

  it.each(['lanhdao.songoaivu', 'canbo.iadom', 'admin.dn'])("keeps the province list from %s", async (username) => {
    const response = await get(username, 'provinces/GL/staff');
    expect([response.status, response.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const paths = (await stack.http().get('/api/docs/openapi.json').expect(200)).body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/units/{unitCode}/staff/{role}', '/api/units/{unitCode}/staff', '/api/provinces/{provinceCode}/staff']),
    );
  });
});
