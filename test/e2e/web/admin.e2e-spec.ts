import { addCalendarDays, dayOfWeek, endOfDayInVietnam, type LocalDate } from '@plancycle/domain';
import { CycleRepository, OrgUnitRepository } from '@plancycle/persistence';
import { requestsAs, startTestStack, type TestStack } from '../../support/stack';
import { signInToWeb, type WebSession } from '../../support/web';

// This file's own cycle year on the shared Temporal server (LAST_CYCLE_YEAR is 2100).
const YEAR = new Date().getFullYear() + 67;

type Form = Record<string, string | string[]>;

const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, decode(value ?? '')]));

/** What a browser would post from the page's form with this action: inputs, ticked boxes, selected options. */
function formOf(page: string, action: string): Form {
  const form = new RegExp(`<form method="post" action="${action}"[^>]*>([\\s\\S]*?)</form>`).exec(page)?.[1];
  if (!form) throw new Error(`No form posting to ${action}`);
  const fields: Form = {};
  const add = (name: string, value: string) => {
    const previous = fields[name];
    fields[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  };
  for (const [, tag] of form.matchAll(/<input\b([^>]*)>/g)) {
    const input = attributes(tag);
    if (!input.name || (input.type === 'checkbox' && !('checked' in input))) continue;
    add(input.name, input.value);
  }
  for (const [, tag, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const chosen = [...options.matchAll(/<option\b([^>]*)>/g)].map(([, option]) => attributes(option));
    add(attributes(tag).name, (chosen.find((option) => 'selected' in option) ?? chosen[0]).value);
  }
  delete fields._csrf;
  return fields;
}

/** The first day of `kind` (0 Sunday … 6 Saturday) on or after `from`. */
function firstDayOfWeek(from: LocalDate, kind: number): LocalDate {
  let date = from;
  while (dayOfWeek(date) !== kind) date = addCalendarDays(date, 1);
  return date;
}

describe('the province admin’s pages', () => {
  let stack: TestStack;
  let admin: WebSession;
  let adminToken: string;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await signInToWeb(stack, 'admin.gl');
    adminToken = await stack.login('admin.gl');
  });
  afterAll(async () => {
    await stack?.client.workflow.getHandle(`annual-cycle/GL-${YEAR}`).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  it('shows the province’s units as a tree and changes a unit’s approval unit', async () => {
    const home = await admin.get('/app/admin').expect(200);
    for (const link of ['/app/admin/units', '/app/admin/users', '/app/admin/calendar', '/app/admin/cycles/new']) expect(home.text).toContain(`href="${link}"`);

    const units = await admin.get('/app/admin/units').expect(200);
    expect(units.text).toContain('Đơn vị của Ủy ban nhân dân tỉnh Gia Lai');
    expect(units.text).toMatch(/data-unit="GL.DUCCO.IADOM">\s*<td[^>]*class="unit-name depth-2">Ủy ban nhân dân xã Ia Dom/);
    expect(units.text).toMatch(/data-unit="GL.DUCCO.IADOM">[\s\S]*?data-field="appraiser">Phòng Văn hóa và Thông tin huyện Đức Cơ/);

    const form = formOf((await admin.get('/app/admin/units/GL.SNGV').expect(200)).text, '/app/admin/units/GL.SNGV');
    expect(form).toMatchObject({ approverUnitCode: '', escalationUnitCode: 'GL.STTTT', documentSymbol: 'KH-SNgV', participatesByDefault: 'true' });
    const saved = await admin.post('/app/admin/units/GL.SNGV', { ...form, approverUnitCode: 'GL' }).expect(303);
    expect(saved.headers.location).toBe('/app/admin/units?done=saved#unit-GL.SNGV');

    expect((await new OrgUnitRepository(stack.dataSource).findByCode('GL.SNGV'))?.settings).toMatchObject({ approverUnitCode: 'GL', escalationUnitCode: 'GL.STTTT', documentSymbol: 'KH-SNgV' });
    const after = await admin.get(saved.headers.location).expect(200);
    expect(after.text).toContain('Đã lưu.');
    expect(after.text).toMatch(/data-unit="GL.SNGV">[\s\S]*?data-field="approver">Ủy ban nhân dân tỉnh Gia Lai/);
  });

  it('refuses a unit setting that breaks the province’s chain, with the Vietnamese message and nothing saved', async () => {
    const form = formOf((await admin.get('/app/admin/units/GL.SCT').expect(200)).text, '/app/admin/units/GL.SCT');
    const refused = await admin.post('/app/admin/units/GL.SCT', { ...form, needsAppraisal: 'true', appraiserUnitCode: '' }).expect(400);
    expect(refused.text).toContain('role="alert"');
    expect(refused.text).toContain('Đơn vị Sở Công Thương cần thẩm định kế hoạch nhưng chưa chỉ định cơ quan thẩm định.');
    expect(refused.text).toMatch(/id="needsAppraisal" name="needsAppraisal" value="true" checked/);
    expect((await new OrgUnitRepository(stack.dataSource).findByCode('GL.SCT'))?.settings.needsAppraisal).toBe(false);
  });

  it('creates an account with a role, changes its roles, and locks it out', async () => {
    const list = await admin.get('/app/admin/users').expect(200);
    expect(list.text).toContain('Ít nhất 10 ký tự (tối đa 200).');
    expect(list.text).toContain('data-username="canbo.iadom"');

    const account = { province: 'GL', username: 'canbo.sotc', fullName: 'Trần Thị Hoa', email: 'hoa.tt@gialai.gov.vn', password: 'Mat-khau-dai-10' };
    const short = await admin.post('/app/admin/users', { ...account, password: 'ngan', 'role.0.role': 'officer', 'role.0.unit': 'GL.STC' }).expect(400);
    expect(short.text).toContain('Mật khẩu (password) phải có ít nhất 10 ký tự (tối đa 200).');
    expect(short.text).toContain('value="Trần Thị Hoa"');
    const halfRow = await admin.post('/app/admin/users', { ...account, 'role.0.role': 'officer', 'role.0.unit': 'GL.STC', 'role.1.role': 'approver', 'role.1.unit': '' }).expect(400);
    expect(halfRow.text).toContain('Dòng 2: hãy chọn cả vai trò và đơn vị, hoặc để trống cả hai.');

    const created = await admin.post('/app/admin/users', { ...account, 'role.0.role': '', 'role.0.unit': '', 'role.1.role': 'officer', 'role.1.unit': 'GL.STC' }).expect(303);
    expect(created.headers.location).toBe('/app/admin/users?done=created#user-canbo.sotc');
    const signIn = () => stack.http().post('/app/login').type('form').send({ username: 'canbo.sotc', password: account.password, next: '/app' });
    expect((await signIn()).status).toBe(303);

    const rolesForm = formOf((await admin.get('/app/admin/users/canbo.sotc').expect(200)).text, '/app/admin/users/canbo.sotc/roles');
    expect(rolesForm).toMatchObject({ 'role.0.role': 'officer', 'role.0.unit': 'GL.STC', 'role.1.role': '', 'role.2.role': '' });
    await admin.post('/app/admin/users/canbo.sotc/roles', { ...rolesForm, 'role.1.role': 'leader_in_charge', 'role.1.unit': 'GL.STC' }).expect(303);
    const withRoles = await admin.get('/app/admin/users').expect(200);
    const row = /data-username="canbo.sotc">([\s\S]*?)<\/tr>/.exec(withRoles.text)?.[1];
    expect(row).toContain('Cán bộ kiêm nhiệm · Sở Tài chính');
    expect(row).toContain('Lãnh đạo phụ trách · Sở Tài chính');

    const locked = await admin.post('/app/admin/users/canbo.sotc/active', { province: 'GL', active: 'false' }).expect(303);
    expect(locked.headers.location).toBe('/app/admin/users?done=deactivated#user-canbo.sotc');
    expect((await signIn()).status).toBe(401);
    expect((await admin.get('/app/admin/users').expect(200)).text).toMatch(/data-username="canbo.sotc">[\s\S]*?Đã khóa/);

    const self = await admin.post('/app/admin/users/admin.gl/active', { province: 'GL', active: 'false' }).expect(409);
    expect(self.text).toContain('Bạn không thể tự khóa tài khoản của chính mình.');
  });

  it('replaces the year’s days off, and refuses a bad row on the row it is about, saving nothing', async () => {
    const current = await admin.get('/app/admin/calendar').expect(303);
    expect(current.headers.location).toMatch(/^\/app\/admin\/calendar\/\d{4}$/);
    const page = await admin.get(`/app/admin/calendar/${YEAR}`).expect(200);
    expect(page.text).toContain(`Ngày nghỉ và ngày làm bù năm ${YEAR}`);
    expect(page.text).toContain(`data-date="${YEAR}-09-02"`);

    const saturday = firstDayOfWeek(`${YEAR}-03-01`, 6);
    const monday = firstDayOfWeek(`${YEAR}-03-01`, 1);
    const api = requestsAs(stack, adminToken);
    const before = (await api.get(`/api/work-calendar/${YEAR}`).expect(200)).body;
    const badDate = await admin
      .post(`/app/admin/calendar/${YEAR}`, {
        'day.0.date': `${YEAR}-01-01`, 'day.0.kind': 'day_off', 'day.0.name': 'Tết Dương lịch',
        'day.1.date': '', 'day.1.kind': 'day_off', 'day.1.name': '',
        'day.2.date': `${YEAR}-02-31`, 'day.2.kind': 'day_off', 'day.2.name': 'Ngày không có',
        'day.3.date': monday, 'day.3.kind': 'working_day', 'day.3.name': 'Làm bù',
      })
      .expect(400);
    expect(badDate.text).toContain(`Dòng 3: ngày phải có dạng YYYY-MM-DD và thuộc năm ${YEAR}.`);
    expect(badDate.text).toContain(`Dòng 4: ${monday} là ngày thường; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.`);
    expect(badDate.text).toMatch(/id="day-2-date" name="day.2.date" value="\d{4}-02-31"[^>]*aria-invalid="true"/);
    expect((await api.get(`/api/work-calendar/${YEAR}`).expect(200)).body).toEqual(before);

    const saved = await admin
      .post(`/app/admin/calendar/${YEAR}`, {
        'day.0.date': `${YEAR}-01-01`, 'day.0.kind': 'day_off', 'day.0.name': 'Tết Dương lịch',
        'day.1.date': `${YEAR}-09-02`, 'day.1.kind': 'day_off', 'day.1.name': 'Quốc khánh', 'day.1.remove': 'true',
        'day.2.date': saturday, 'day.2.kind': 'working_day', 'day.2.name': 'Làm bù cho ngày 02/01',
        'day.3.date': '', 'day.3.kind': 'day_off', 'day.3.name': '',
      })
      .expect(303);
    expect(saved.headers.location).toBe(`/app/admin/calendar/${YEAR}?done=saved`);
    expect((await api.get(`/api/work-calendar/${YEAR}`).expect(200)).body).toEqual([
      { date: `${YEAR}-01-01`, kind: 'day_off', name: 'Tết Dương lịch', source: 'baseline' },
      { date: saturday, kind: 'working_day', name: 'Làm bù cho ngày 02/01', source: 'admin' },
    ]);
    expect((await admin.get(saved.headers.location).expect(200)).text).toContain('Làm bù cho ngày 02/01');
  });

  it('starts a cycle from the form with a moved deadline and a two-rung ladder', async () => {
    const page = await admin.get(`/app/admin/cycles/new?year=${YEAR}`).expect(200);
    const form = formOf(page.text, '/app/admin/cycles/new');
    expect(form.year).toBe(String(YEAR));
    expect(form['cal.unitPlanDraftDue']).toMatch(new RegExp(`^${YEAR}-02-1\\d$`));
    expect(form.unit).toEqual(expect.arrayContaining(['GL.SNGV', 'GL.DUCCO.IADOM']));
    expect(form.unit).not.toContain('GL.MTTQ'); // takes part only when the admin ticks it
    expect(form['rung.0.step']).toBe('D-5');

    // The six default rungs removed, the two blank rows filled.
    const ladder: Form = Object.fromEntries([0, 1, 2, 3, 4, 5].map((row) => [`rung.${row}.remove`, 'true']));
    Object.assign(ladder, {
      'rung.6.step': 'D-2', 'rung.6.kind': 'reminder', 'rung.6.offset': '-2', 'rung.6.audience': ['assignee'],
      'rung.7.step': 'overdue', 'rung.7.kind': 'escalation', 'rung.7.offset': '0', 'rung.7.audience': ['assignee', 'leader_in_charge'],
    });

    const lateReminder = await admin.post('/app/admin/cycles/new', { ...form, ...ladder, 'rung.6.offset': '1' }).expect(400);
    expect(lateReminder.text).toContain('Dòng 7: rungs[0].offset: bậc nhắc hạn phải diễn ra trước hạn xử lý (giá trị âm).');
    const outOfOrder = await admin.post('/app/admin/cycles/new', { ...form, ...ladder, 'cal.unitPlanDraftDue': `${YEAR}-04-01` }).expect(400);
    expect(outOfOrder.text).toContain('Hạn «Hạn thẩm định» không được sớm hơn hạn «Hạn đơn vị hoàn thành dự thảo kế hoạch».');
    expect(await new CycleRepository(stack.dataSource).findById(`GL-${YEAR}`)).toBeNull();

    const started = await admin.post('/app/admin/cycles/new', { ...form, ...ladder, 'cal.unitPlanDraftDue': `${YEAR}-02-20` }).expect(303);
    expect(started.headers.location).toBe(`/app/cycles/GL-${YEAR}`);

    const cycle = (await requestsAs(stack, adminToken).get(`/api/cycles/GL-${YEAR}`).expect(200)).body;
    expect(cycle.calendar.unitPlanDraftDue).toBe(endOfDayInVietnam(`${YEAR}-02-20`));
    expect(cycle.units.map((unit: { unitCode: string }) => unit.unitCode)).not.toContain('GL.MTTQ');
    expect(await new CycleRepository(stack.dataSource).findEscalationLadder(`GL-${YEAR}`)).toEqual({
      rungs: [
        { step: 'D-2', kind: 'reminder', offset: { workingDays: -2 }, audience: ['assignee'] },
        { step: 'overdue', kind: 'escalation', offset: { workingDays: 0 }, audience: ['assignee', 'leader_in_charge'] },
      ],
    });
    expect((await admin.get(`/app/admin/cycles/new?year=${YEAR}`).expect(200)).text).toContain(`Chu kỳ GL-${YEAR} đã được bắt đầu trước đó`);
  }, 120_000);

  it('refuses every admin page to someone who is not the province’s admin', async () => {
    const officer = await signInToWeb(stack, 'canbo.iadom');
    expect((await officer.get('/app').expect(200)).text).not.toContain('href="/app/admin"');
    for (const path of ['/app/admin', '/app/admin/units', '/app/admin/units/GL.SNGV', '/app/admin/users', '/app/admin/users/canbo.iadom', `/app/admin/calendar/${YEAR}`, '/app/admin/cycles/new']) {
      const response = await officer.get(path);
      expect([path, response.status]).toEqual([path, 403]);
      expect(response.text).toContain('AUTH_FORBIDDEN');
    }
    const post = await officer.post(`/app/admin/calendar/${YEAR}`, { 'day.0.date': `${YEAR}-01-01`, 'day.0.kind': 'day_off', 'day.0.name': 'Tết' }).expect(403);
    expect(post.text).toContain('Chỉ quản trị viên của Ủy ban nhân dân tỉnh Gia Lai mới được dùng các trang quản trị của tỉnh.');
  });

  it('speaks English when asked', async () => {
    const english = await signInToWeb(stack, 'admin.gl', { locale: 'en' });
    const units = await english.get('/app/admin/units').expect(200);
    expect(units.text).toContain('<html lang="en">');
    expect(units.text).toContain('Units of Ủy ban nhân dân tỉnh Gia Lai');
    expect(units.text).toContain('<th>Needs appraisal</th>');
    expect(units.text).not.toContain('Cần thẩm định');
  });
});
