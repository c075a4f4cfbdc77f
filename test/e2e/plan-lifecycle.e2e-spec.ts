import { eventually } from '../support/eventually';
import { recordGuidanceFor } from '../support/guidance';
import { borderConferenceItem } from '../support/plan-fixtures';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';

// The Temporal server is shared by the whole run: this file owns GL's years YEAR..YEAR+9.
const YEAR = new Date().getFullYear() + 35;
const IA_DOM = 'GL.DUCCO.IADOM';
const CYCLE = `GL-${YEAR}`;
const PLAN = `/api/cycles/${CYCLE}/units/${IA_DOM}/plan`;

const item = (changes: Record<string, unknown> = {}) => borderConferenceItem(YEAR, changes);

describe('one unit’s plan from draft to issued, through the API', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    for (const username of ['admin.gl', 'canbo.iadom', 'thamdinh.ducco', 'pheduyet.ducco', 'admin.dn', 'dieuphoi.gl', 'lanhdao.tinh']) {
      tokens[username] = await stack.login(username);
    }
    await stack.http().post('/api/cycles').set('Authorization', `Bearer ${tokens['admin.gl']}`).send({ provinceCode: 'GL', year: YEAR, participatingUnitCodes: [IA_DOM] }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
  });
  afterAll(async () => {
    await stack?.client.workflow.getHandle(`annual-cycle/${CYCLE}`).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  const as = (username: string) => requestsAs(stack, tokens[username]);
  const decide = (username: string, body: object) => as(username).post(`${PLAN}/decisions`, body);
  const trailLength = async () => (await as('admin.gl').get(PLAN)).body.audit.length;

  it('opens the units’ plans once the coordinator’s provincial plan is issued by the province', async () => {
    const PROVINCIAL = `/api/cycles/${CYCLE}/provincial-plan`;
    await eventually(() => as('dieuphoi.gl').get(PROVINCIAL).expect(200));
    expect((await as('canbo.iadom').get(PLAN)).status).toBe(404); // not before the provincial plan

    const provincialRow = item({ id: 'p-1', leadUnitCode: IA_DOM, content: 'Tuyên truyền biên giới tại xã Ia Dom' });
    expect((await as('canbo.iadom').put(`${PROVINCIAL}/draft`, { version: 1, items: [provincialRow] })).status).toBe(403);
    await as('dieuphoi.gl').put(`${PROVINCIAL}/draft`, { version: 1, items: [provincialRow] }).expect(200);
    await as('dieuphoi.gl').post(`${PROVINCIAL}/decisions`, { action: 'submit', version: 1 }).expect(200);
    expect((await as('pheduyet.ducco').post(`${PROVINCIAL}/decisions`, { action: 'approve', version: 1 })).status).toBe(403);
    const issued = await as('lanhdao.tinh').post(`${PROVINCIAL}/decisions`, { action: 'approve', version: 1 }).expect(200);
    expect(issued.body).toMatchObject({ stage: 'issued', documentNumber: '01/KH-UBND' });

    await eventually(() => as('canbo.iadom').get(PLAN).expect(200));
    // Advice before submission: the provincial row assigned to Ia Dom that its plan does not carry yet.
    expect((await as('canbo.iadom').get(PLAN)).body.coverage).toEqual({ missingAssignments: [{ id: 'p-1', content: 'Tuyên truyền biên giới tại xã Ia Dom' }] });
  });

  it('shows the officer a drafting task in the inbox and saves drafts any number of times', async () => {
    const inbox = await as('canbo.iadom').get('/api/tasks').expect(200);
    expect(inbox.body).toEqual([expect.objectContaining({ kind: 'draft', assigneeUnitCode: IA_DOM, cycleId: CYCLE })]);
    await as('canbo.iadom').put(`${PLAN}/draft`, { version: 1, items: [item({ budget: 100_000_000 })] }).expect(200);
    const saved = await as('canbo.iadom').put(`${PLAN}/draft`, { version: 1, items: [item()] }).expect(200);
    expect(saved.body.items[0].budget).toBe(200_000_000);
    await as('canbo.iadom').put(`${PLAN}/draft`, { version: 1, items: [item({ sourceItemId: 'p-1' })] }).expect(200);
    expect((await as('canbo.iadom').get(PLAN)).body.coverage).toEqual({ missingAssignments: [] });
  });

  describe('refuses a bad draft with a 400, writing nothing', () => {
    const cases: Array<[string, object, string]> = [
      ['a negative budget', item({ budget: -1 }), 'PLAN_ITEM_BUDGET_INVALID'],
      ['a fractional budget', item({ budget: 1000.5 }), 'PLAN_ITEM_BUDGET_INVALID'],
      ['a budget written as text', item({ budget: '200.000.000' }), 'PLAN_ITEM_BUDGET_INVALID'],
      ['empty content', item({ content: '  ' }), 'PLAN_ITEM_CONTENT_REQUIRED'],
      ['a time frame outside the cycle year', item({ timeFrame: { kind: 'month', year: YEAR + 1, month: 7 } }), 'TIME_FRAME_OUTSIDE_CYCLE'],
      ['an unknown unit', item({ leadUnitCode: 'GL.KHONGCO' }), 'PLAN_ITEM_UNIT_UNKNOWN'],
      ['a focus task the guidance does not have', item({ focusTaskNumbers: [3] }), 'PLAN_ITEM_FOCUS_TASK_UNKNOWN'],
    ];
    it.each(cases)('%s', async (_, badItem, code) => {
      const response = await as('canbo.iadom').put(`${PLAN}/draft`, { version: 1, items: [badItem] });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(code);
      const current = await as('canbo.iadom').get(PLAN);
      expect(current.body.versions[0].items).toEqual([item({ sourceItemId: 'p-1' })]);
    });
  });

  it('walks draft → appraisal (returned once) → approval → issued, answering refusals with 409/403', async () => {
    expect((await decide('pheduyet.ducco', { action: 'approve', version: 1 })).status).toBe(409);
    expect((await decide('thamdinh.ducco', { action: 'submit', version: 1 })).status).toBe(403);
    expect(await trailLength()).toBe(0);

    await decide('canbo.iadom', { action: 'submit', version: 1 }).expect(200);
    expect((await as('canbo.iadom').put(`${PLAN}/draft`, { version: 1, items: [] })).body.code).toBe('PLAN_NOT_DRAFTING');
    const appraiserInbox = await as('thamdinh.ducco').get('/api/tasks');
    expect(appraiserInbox.body.map((task: { kind: string }) => task.kind)).toEqual(['appraise']);

    const noComment = await decide('thamdinh.ducco', { action: 'appraise', version: 1, opinion: 'return' });
    expect([noComment.status, noComment.body.code]).toEqual([400, 'PLAN_COMMENTS_REQUIRED']);
    await decide('thamdinh.ducco', { action: 'appraise', version: 1, opinion: 'return', comments: 'Đề nghị nêu rõ đơn vị phối hợp.' }).expect(200);
    await decide('canbo.iadom', { action: 'submit', version: 2 }).expect(200);
    await decide('thamdinh.ducco', { action: 'appraise', version: 2, opinion: 'agree' }).expect(200);
    // The approver sends it back too (reasons required); version 3 is appraised again before approval.
    expect((await decide('pheduyet.ducco', { action: 'return', version: 2 })).body.code).toBe('PLAN_REASONS_REQUIRED');
    await decide('pheduyet.ducco', { action: 'return', version: 2, comments: 'Bổ sung thời gian thực hiện cụ thể.' }).expect(200);
    await decide('canbo.iadom', { action: 'submit', version: 3 }).expect(200);
    const unappraised = await decide('pheduyet.ducco', { action: 'approve', version: 3 });
    expect([unappraised.status, unappraised.body.code]).toEqual([409, 'PLAN_STAGE_CONFLICT']);
    await decide('thamdinh.ducco', { action: 'appraise', version: 3, opinion: 'agree' }).expect(200);

    const stale = await decide('pheduyet.ducco', { action: 'approve', version: 2 });
    expect([stale.status, stale.body.code]).toEqual([409, 'PLAN_VERSION_STALE']);
    const issued = await decide('pheduyet.ducco', { action: 'approve', version: 3, requestId: 'approve-iadom-v3' }).expect(200);
    expect(issued.body).toMatchObject({ stage: 'issued', version: 3, documentNumber: '01/KH-UBND' });
    // The same request sent again (a double click, a retry) is the same decision, not a second one.
    const again = await decide('pheduyet.ducco', { action: 'approve', version: 3, requestId: 'approve-iadom-v3' }).expect(200);
    expect(again.body).toEqual(issued.body);
    expect((await decide('pheduyet.ducco', { action: 'approve', version: 3 })).body.code).toBe('PLAN_STAGE_CONFLICT');

    const plan = (await as('canbo.iadom').get(PLAN).expect(200)).body;
    expect(plan.plan).toMatchObject({ stage: 'issued', versionInForce: 3 });
    expect(plan.openTask).toBeNull();
    expect(plan.opinions.map((opinion: { step: string; decision: string }) => `${opinion.step}:${opinion.decision}`)).toEqual([
      'appraisal:return',
      'appraisal:agree',
      'approval:return',
      'appraisal:agree',
      'approval:agree',
    ]);
    const actions = ['submit', 'appraise', 'submit', 'appraise', 'return', 'submit', 'appraise', 'approve'];
    expect(plan.audit.map((event: { action: string }) => event.action)).toEqual(actions);
    // The coordinator reads the whole cycle's trail: the provincial plan's two steps, then Ia Dom's.
    const cycleTrail = (await as('dieuphoi.gl').get(`/api/cycles/${CYCLE}/audit`).expect(200)).body;
    expect(cycleTrail.map((event: { action: string }) => event.action)).toEqual(['submit', 'approve', ...actions]);
    expect((await as('admin.dn').get(`/api/cycles/${CYCLE}/audit`)).status).toBe(404);
    expect((await as('admin.gl').get(`/api/cycles/${CYCLE}`)).body.units[0]).toMatchObject({ stage: 'issued', stageLabel: 'Đã ban hành kế hoạch' });
  });

  it('shows nothing of the plan to another province, and refuses unknown actions', async () => {
    expect((await as('admin.dn').get(PLAN)).status).toBe(404);
    expect((await decide('admin.dn', { action: 'amend' })).status).toBe(404);
    const unknown = await decide('canbo.iadom', { action: 'publish', version: 2 });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'PLAN_ACTION_INVALID']);
  });
});
