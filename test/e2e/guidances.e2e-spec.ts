import { vietnamDateOf } from '@plancycle/domain';
import { cycleProgressQuery } from '@plancycle/workflows';
import { eventually } from '../support/eventually';
import { startTestStack, type TestStack } from '../support/stack';

/** Công văn 4110/BTTTT-TTĐN (seed 004): the letter that asked provinces for their 2019 plans. */
const letter4110 = {
  provinceCode: 'GL',
  documentNumber: '4110/BTTTT-TTĐN',
  issuedOn: '2018-12-04',
  issuer: 'Bộ Thông tin và Truyền thông',
  subject: 'V/v hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm 2019',
  planYear: 2019,
  focusTasks: [
    'Xây dựng và ban hành Quy chế quản lý hoạt động thông tin đối ngoại',
    'Phân công, bố trí cán bộ phụ trách công tác thông tin đối ngoại',
    'Tập huấn nâng cao nhận thức, bồi dưỡng nghiệp vụ về thông tin đối ngoại',
    'Tăng cường công tác dự báo, theo dõi dư luận, đấu tranh phản bác thông tin sai lệch',
    'Phát huy thế mạnh của công nghệ thông tin, mạng xã hội trong thông tin đối ngoại',
    'Truyền thông quảng bá hình ảnh của tỉnh',
    'Thông tin tuyên truyền về hội nhập kinh tế quốc tế (Chỉ thị 26/CT-TTg)',
    'Tuyên truyền biển, đảo, phân giới cắm mốc và khu vực biên giới',
    'Phong trào thi đua chuyên đề về thông tin đối ngoại',
  ].map((title, index) => ({ number: index + 1, title })),
};

describe('recording the ministry guidance', () => {
  let stack: TestStack;
  let admin: string;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.login('admin.gl');
  });
  afterAll(() => stack?.stop());

  const countGuidances = async () => Number((await stack.dataSource.query('SELECT count(*) AS n FROM guidances'))[0].n);
  const record = (body: object, token = admin) => stack.http().post('/api/guidances').set('Authorization', `Bearer ${token}`).send(body);

  it('records the letter with its nine focus tasks, and lists it for the province', async () => {
    const response = await record(letter4110);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ documentNumber: '4110/BTTTT-TTĐN', issuedOn: '2018-12-04', planYear: 2019 });
    expect(response.body.focusTasks).toHaveLength(9);
    const officer = await stack.login('canbo.songoaivu');
    const list = await stack.http().get('/api/guidances?provinceCode=GL&planYear=2019').set('Authorization', `Bearer ${officer}`).expect(200);
    expect(list.body.map((guidance: { id: string }) => guidance.id)).toEqual([response.body.id]);
    await stack.http().get(`/api/guidances/${response.body.id}`).set('Authorization', `Bearer ${officer}`).expect(200);
  });

  it('refuses the same letter twice with 409, keeping one', async () => {
    const before = await countGuidances();
    const again = await record(letter4110);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('GUIDANCE_DUPLICATE');
    expect(await countGuidances()).toBe(before);
  });

  describe('refuses bad input with a 400 and a stable code, writing nothing', () => {
    const cases: Array<[string, object, string]> = [
      ['no province', { ...letter4110, provinceCode: undefined }, 'GUIDANCE_PROVINCE_REQUIRED'],
      ['an unknown province', { ...letter4110, provinceCode: 'ZZ' }, 'GUIDANCE_PROVINCE_UNKNOWN'],
      ['a number without its symbol', { ...letter4110, documentNumber: '4110' }, 'GUIDANCE_NUMBER_INVALID'],
      ['a date that does not exist', { ...letter4110, documentNumber: '1/X', issuedOn: '2018-02-30' }, 'GUIDANCE_DATE_INVALID'],
      ['a plan year the letter cannot guide', { ...letter4110, documentNumber: '2/X', planYear: 2025 }, 'GUIDANCE_PLAN_YEAR_INVALID'],
      ['a plan year written as text', { ...letter4110, documentNumber: '3/X', planYear: '2019' }, 'GUIDANCE_PLAN_YEAR_INVALID'],
      ['no focus task', { ...letter4110, documentNumber: '4/X', focusTasks: [] }, 'GUIDANCE_FOCUS_TASKS_INVALID'],
      ['focus tasks numbered with a gap', { ...letter4110, documentNumber: '5/X', focusTasks: [{ number: 1, title: 'A' }, { number: 3, title: 'B' }] }, 'GUIDANCE_FOCUS_TASK_NUMBER'],
      ['a focus task without a title', { ...letter4110, documentNumber: '6/X', focusTasks: [{ number: 1, title: '' }] }, 'GUIDANCE_FOCUS_TASK_TITLE'],
      ['an empty issuer', { ...letter4110, documentNumber: '7/X', issuer: '   ' }, 'GUIDANCE_ISSUER_REQUIRED'],
    ];

    it.each(cases)('%s', async (_, body, code) => {
      const before = await countGuidances();
      const response = await record(body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(code);
      expect(await countGuidances()).toBe(before);
    });
  });

  it('lets only the province admin record, and only the province see', async () => {
    const officer = await stack.login('canbo.songoaivu');
    const outsider = await stack.login('admin.dn');
    expect((await record({ ...letter4110, documentNumber: '8/X' }, officer)).status).toBe(403);
    expect((await record({ ...letter4110, documentNumber: '9/X' }, outsider)).status).toBe(403);
    expect((await stack.http().get('/api/guidances?provinceCode=GL').set('Authorization', `Bearer ${outsider}`)).status).toBe(403);
    const [first] = (await stack.http().get('/api/guidances?provinceCode=GL').set('Authorization', `Bearer ${admin}`)).body;
    expect((await stack.http().get(`/api/guidances/${first.id}`).set('Authorization', `Bearer ${outsider}`)).status).toBe(404);
    expect((await stack.http().get('/api/guidances/not-a-uuid').set('Authorization', `Bearer ${admin}`)).status).toBe(404);
  });
});

describe('a cycle started before its guidance', () => {
  let stack: TestStack;
  // Next year: the only plan year a letter dated today can guide. No other suite uses GL's next year.
  const year = new Date().getFullYear() + 1;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.client.workflow.getHandle(`annual-cycle/GL-${year}`).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  it('waits for it, and starts the provincial plan when the admin records it', async () => {
    const admin = await stack.login('admin.gl');
    const as = (method: 'get' | 'post', path: string) => stack.http()[method](path).set('Authorization', `Bearer ${admin}`);
    await as('post', '/api/cycles').send({ provinceCode: 'GL', year }).expect(201);
    const provincialPlan = `/api/cycles/GL-${year}/provincial-plan`;
    const cycle = stack.client.workflow.getHandle(`annual-cycle/GL-${year}`);
    await eventually(async () => expect((await cycle.query(cycleProgressQuery)).awaitingGuidance).toBe(true));
    expect((await as('get', provincialPlan)).body.code).toBe('PLAN_NOT_FOUND');

    const today = vietnamDateOf(new Date().toISOString());
    await as('post', '/api/guidances')
      .send({ ...letter4110, documentNumber: '999/BTTTT-TTĐN', issuedOn: today, planYear: year, subject: `V/v kế hoạch năm ${year}` })
      .expect(201);

    await eventually(() => as('get', provincialPlan).expect(200));
  });
});
