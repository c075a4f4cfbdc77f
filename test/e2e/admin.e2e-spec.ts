import { OrgUnitRepository, UserRepository } from '@plancycle/persistence';
import { startTestStack, type TestStack } from '../support/stack';

const VIETNAMESE = /[àáảãạăâđêôơưẠ-ỹ]/i;

describe('province admins manage their accounts and their units’ plan chain', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const mai = {
    username: 'canbo.sokhdt',
    fullName: 'Nguyễn Thị Mai',
    email: 'maint@gialai.gov.vn',
    password: 'Mat-khau-dai-10',
    roles: [{ role: 'officer', unitCode: 'GL.SKHDT' }],
  };

  beforeAll(async () => {
    stack = await startTestStack();
    for (const username of ['admin.gl', 'admin.dn', 'canbo.songoaivu']) tokens[username] = await stack.login(username);
  });
  afterAll(() => stack?.stop());

  const as = (who: string) => ({
    get: (path: string) => stack.http().get(`/api/${path}`).set('Authorization', `Bearer ${tokens[who]}`),
    post: (path: string, body: object) => stack.http().post(`/api/${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
    put: (path: string, body: object) => stack.http().put(`/api/${path}`).set('Authorization', `Bearer ${tokens[who]}`).send(body),
  });
  /** Everything these endpoints may write, to prove a refusal wrote nothing. */
  const snapshot = async () => ({
    users: await stack.dataSource.query('SELECT username, full_name, email, password_hash, active FROM users ORDER BY username'),
    roles: await stack.dataSource.query(
      'SELECT u.username, r.unit_code, r.role FROM user_roles r JOIN users u ON u.id = r.user_id ORDER BY 1, 2, 3',
    ),
    settings: await stack.dataSource.query('SELECT code, settings FROM org_units ORDER BY code'),
  });

  describe('accounts', () => {
    it('creates an account its owner can log in with, and lists it without a password hash', async () => {
      const created = await as('admin.gl').post('provinces/GL/users', mai);

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        username: 'canbo.sokhdt',
        fullName: 'Nguyễn Thị Mai',
        active: true,
        roles: [{ role: 'officer', roleLabel: 'Cán bộ kiêm nhiệm', unitCode: 'GL.SKHDT', unitName: 'Sở Kế hoạch và Đầu tư' }],
      });
      tokens['canbo.sokhdt'] = await stack.login('canbo.sokhdt', mai.password);

      const list = await as('admin.gl').get('provinces/GL/users').expect(200);
      const usernames = list.body.map((user: { username: string }) => user.username);
      expect(usernames).toEqual(expect.arrayContaining(['admin.gl', 'canbo.sokhdt', 'canbo.iadom']));
      expect(usernames).not.toContain('admin.dn');
      expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password/i);
    });

    it('replaces roles within the province only, effective on the user’s current token', async () => {
      // A second role in another province, which the Gia Lai admin must not touch.
      await stack.dataSource.query(
        `INSERT INTO user_roles (user_id, unit_code, role) SELECT id, 'DN.SVHTTDL', 'officer' FROM users WHERE username = 'canbo.sokhdt'`,
      );

      const response = await as('admin.gl').put('provinces/GL/users/canbo.sokhdt/roles', {
        roles: [
          { role: 'leader_in_charge', unitCode: 'GL.SKHDT' },
          { role: 'appraiser', unitCode: 'GL.DUCCO.PVHTT' },
        ],
      });

      expect(response.status).toBe(200);
      expect(response.body.roles.map((role: { unitCode: string; role: string }) => `${role.unitCode}:${role.role}`)).toEqual([
        'GL.DUCCO.PVHTT:appraiser',
        'GL.SKHDT:leader_in_charge',
      ]);
      const me = await as('canbo.sokhdt').get('auth/me').expect(200);
      expect(JSON.stringify(me.body)).toContain('leader_in_charge');
      const stored = await new UserRepository(stack.dataSource).findByUsername('canbo.sokhdt');
      expect(stored?.roles).toEqual([
        { role: 'officer', unitCode: 'DN.SVHTTDL' },
        { role: 'appraiser', unitCode: 'GL.DUCCO.PVHTT' },
        { role: 'leader_in_charge', unitCode: 'GL.SKHDT' },
      ]);
    });

    it('deactivates an account: its login and its old token are refused; reactivating lets it back in', async () => {
      const oldToken = tokens['canbo.sokhdt'];

      const response = await as('admin.gl').put('provinces/GL/users/canbo.sokhdt/active', { active: false });

      expect(response.status).toBe(200);
      expect(response.body.active).toBe(false);
      const login = await stack.http().post('/api/auth/login').send({ username: 'canbo.sokhdt', password: mai.password });
      expect(login.status).toBe(401);
      const withOldToken = await stack.http().get('/api/auth/me').set('Authorization', `Bearer ${oldToken}`);
      expect(withOldToken.status).toBe(401);

      await as('admin.gl').put('provinces/GL/users/canbo.sokhdt/active', { active: true }).expect(200);
      await stack.login('canbo.sokhdt', mai.password);
    });

    it('does not let an admin deactivate themselves', async () => {
      const before = await snapshot();

      const response = await as('admin.gl').put('provinces/GL/users/admin.gl/active', { active: false });

      expect([response.status, response.body.code]).toEqual([409, 'USER_SELF_DEACTIVATE']);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a username already taken, in any province', async () => {
      const before = await snapshot();

      const response = await as('admin.gl').post('provinces/GL/users', { ...mai, username: 'admin.dn' });

      expect([response.status, response.body.code]).toEqual([409, 'USER_EXISTS']);
      expect(response.body.message).toMatch(VIETNAMESE);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 for an account that holds no role in the province', async () => {
      const response = await as('admin.gl').put('provinces/GL/users/canbo.tranbien/active', { active: false });
      expect([response.status, response.body.code]).toEqual([404, 'USER_NOT_FOUND']);
    });

    describe('refuses bad input with a 400, a stable code and a Vietnamese message, writing nothing', () => {
      const fresh = { ...mai, username: 'moi.taikhoan' };
      const cases: Array<[string, object, string]> = [
        ['a username too short', { ...fresh, username: 'ab' }, 'USER_USERNAME_INVALID'],
        ['a username too long', { ...fresh, username: 'a'.repeat(51) }, 'USER_USERNAME_INVALID'],
        ['a username with capitals or accents', { ...fresh, username: 'Cán.Bộ' }, 'USER_USERNAME_INVALID'],
        ['a missing username', { ...fresh, username: undefined }, 'USER_USERNAME_INVALID'],
        ['a blank full name', { ...fresh, fullName: '   ' }, 'USER_FULL_NAME_INVALID'],
        ['a full name over 200 characters', { ...fresh, fullName: 'a'.repeat(201) }, 'USER_FULL_NAME_INVALID'],
        ['a malformed e-mail', { ...fresh, email: 'maint@' }, 'USER_EMAIL_INVALID'],
        ['a password under 10 characters', { ...fresh, password: 'ngan123' }, 'USER_PASSWORD_TOO_SHORT'],
        ['no roles', { ...fresh, roles: [] }, 'USER_ROLES_REQUIRED'],
        ['roles that are not a list', { ...fresh, roles: 'officer' }, 'USER_ROLES_REQUIRED'],
        ['a role that is not an object', { ...fresh, roles: ['officer'] }, 'USER_ROLES_REQUIRED'],
        ['an unknown role', { ...fresh, roles: [{ role: 'chu_tich', unitCode: 'GL.SKHDT' }] }, 'USER_ROLE_INVALID'],
        ['an unknown unit', { ...fresh, roles: [{ role: 'officer', unitCode: 'GL.KHONGCO' }] }, 'USER_ROLE_UNIT_UNKNOWN'],
        ["another province's unit", { ...fresh, roles: [{ role: 'officer', unitCode: 'DN.SVHTTDL' }] }, 'USER_ROLE_UNIT_UNKNOWN'],
        ['admin on a unit below the province', { ...fresh, roles: [{ role: 'admin', unitCode: 'GL.SKHDT' }] }, 'USER_ADMIN_UNIT_INVALID'],
        ['an unknown field', { ...fresh, matKhau: 'x' }, 'REQUEST_FIELD_UNKNOWN'],
      ];

      it.each(cases)('creating with %s', async (_, body, code) => {
        const before = await snapshot();

        const response = await as('admin.gl').post('provinces/GL/users', body);

        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ statusCode: 400, code });
        expect(response.body.message).toMatch(VIETNAMESE);
        expect(await snapshot()).toEqual(before);
      });

      it.each([
        ['no roles', 'roles', { roles: [] }, 'USER_ROLES_REQUIRED'],
        ["another province's unit", 'roles', { roles: [{ role: 'officer', unitCode: 'DN.SVHTTDL' }] }, 'USER_ROLE_UNIT_UNKNOWN'],
        ['admin below the province', 'roles', { roles: [{ role: 'admin', unitCode: 'GL.STTTT' }] }, 'USER_ADMIN_UNIT_INVALID'],
        ['active that is not a boolean', 'active', { active: 'no' }, 'USER_ACTIVE_INVALID'],
      ])('changing %s', async (_, endpoint, body, code) => {
        const before = await snapshot();

        const response = await as('admin.gl').put(`provinces/GL/users/canbo.sokhdt/${endpoint}`, body);

        expect([response.status, response.body.code]).toEqual([400, code]);
        expect(response.body.message).toMatch(VIETNAMESE);
        expect(await snapshot()).toEqual(before);
      });
    });

    describe('lets only the province admin manage accounts, changing nothing otherwise', () => {
      it.each(['admin.dn', 'canbo.songoaivu'])('refuses %s on every endpoint', async (who) => {
        const before = await snapshot();

        const answers = await Promise.all([
          as(who).get('provinces/GL/users'),
          as(who).post('provinces/GL/users', { ...mai, username: 'ke.mao.danh' }),
          as(who).put('provinces/GL/users/canbo.sokhdt/roles', { roles: [{ role: 'admin', unitCode: 'GL' }] }),
          as(who).put('provinces/GL/users/canbo.sokhdt/active', { active: false }),
        ]);

        for (const answer of answers) {
          expect([answer.status, answer.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
          expect(answer.body.message).toMatch(VIETNAMESE);
        }
        expect(await snapshot()).toEqual(before);
      });
    });
  });

  describe('unit settings', () => {
    it('refuses a commune that needs appraisal without an appraiser, writing nothing', async () => {
      const before = await snapshot();

      const response = await as('admin.gl').put('units/GL.DUCCO.IADOM/settings', { needsAppraisal: true, appraiserUnitCode: null });

      expect([response.status, response.body.code]).toEqual([400, 'ORG_APPRAISER_MISSING']);
      expect(response.body.message).toMatch(VIETNAMESE);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['an appraiser in another province', { appraiserUnitCode: 'DN.TRANBIEN.PVHXH' }, 'ORG_REFERENCE_UNKNOWN'],
      ['an unknown approver', { approverUnitCode: 'GL.KHONGCO' }, 'ORG_REFERENCE_UNKNOWN'],
      ['a malformed document symbol', { documentSymbol: 'KH/UBND' }, 'UNIT_DOCUMENT_SYMBOL_INVALID'],
      ['a null document symbol', { documentSymbol: null }, 'UNIT_DOCUMENT_SYMBOL_INVALID'],
      ['a flag that is not a boolean', { needsAppraisal: 'có' }, 'UNIT_SETTING_INVALID'],
      ['an unknown setting', { kind: 'district' }, 'REQUEST_FIELD_UNKNOWN'],
      ['no change at all', {}, 'UNIT_SETTINGS_EMPTY'],
    ])('refuses %s, writing nothing', async (_, body, code) => {
      const before = await snapshot();

      const response = await as('admin.gl').put('units/GL.DUCCO.IADOM/settings', body);

      expect([response.status, response.body.code]).toEqual([400, code]);
      expect(response.body.message).toMatch(VIETNAMESE);
      expect(await snapshot()).toEqual(before);
    });

    it.each(['admin.dn', 'canbo.songoaivu'])('refuses %s', async (who) => {
      const before = await snapshot();

      const response = await as(who).put('units/GL.DUCCO.IADOM/settings', { participatesByDefault: false });

      expect([response.status, response.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 for an unknown unit', async () => {
      const response = await as('admin.gl').put('units/GL.KHONGCO/settings', { participatesByDefault: false });
      expect([response.status, response.body.code]).toEqual([404, 'UNIT_NOT_FOUND']);
    });

    it('saves a valid change and keeps the settings that were not sent', async () => {
      const response = await as('admin.gl').put('units/GL.DUCCO.IADOM/settings', {
        approverUnitCode: null,
        escalationUnitCode: 'GL.STTTT',
        documentSymbol: 'KH-UBNDX',
      });

      expect(response.status).toBe(200);
      const saved = await new OrgUnitRepository(stack.dataSource).findByCode('GL.DUCCO.IADOM');
      expect(saved?.settings).toEqual({
        participatesByDefault: true,
        needsAppraisal: true,
        appraiserUnitCode: 'GL.DUCCO.PVHTT',
        approverUnitCode: null,
        escalationUnitCode: 'GL.STTTT',
        documentSymbol: 'KH-UBNDX',
      });
      expect(response.body.settings).toEqual(saved?.settings);
    });
  });
});
