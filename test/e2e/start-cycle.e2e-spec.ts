import request from 'supertest';
import { createApp } from '@plancycle/api';
import { CycleRepository, OrgUnitRepository } from '@plancycle/persistence';
import { WorkflowNotFoundError } from '@temporalio/client';
import { selectParticipants, vietnamDateOf } from '@plancycle/domain';
import { eventually } from '../support/eventually';
import { recordGuidanceFor } from '../support/guidance';
import { issueProvincialPlan } from '../support/provincial-plan';
import { startTestStack, type TestStack } from '../support/stack';

// The Temporal server is shared by the whole run: this file owns GL's years YEAR..YEAR+9, always
// in the future so the calendar never counts as over.
const YEAR = new Date().getFullYear() + 5;

describe('starting an annual cycle: HTTP → Temporal → PostgreSQL', () => {
  let stack: TestStack;
  let admin: string;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.login('admin.gl');
  });
  afterAll(async () => {
    // Leave nothing running on the shared server (or on a real cluster named by TEMPORAL_ADDRESS).
    for (const year of [YEAR, YEAR + 1]) await stack?.client.workflow.getHandle(`annual-cycle/GL-${year}`).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  /** Authoritative, unlike visibility (which is eventually consistent): does the workflow exist at all? */
  const workflowExists = (year: number) =>
    stack.client.workflow
      .getHandle(`annual-cycle/GL-${year}`)
      .describe()
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof WorkflowNotFoundError) return false;
          throw error;
        },
      );

  const countWorkflows = async (year: number) =>
    (await stack.client.workflow.count(`PlanCycleProvince = 'GL' AND PlanCycleYear = ${year}`)).count;
  const countCycles = async () => Number((await stack.dataSource.query('SELECT count(*) AS n FROM cycles'))[0].n);

  it('starts the cycle, one unit workflow per participating unit, and records every unit', async () => {
    const units = await new OrgUnitRepository(stack.dataSource).listProvinceUnits('GL');
    const participants = selectParticipants(units).map((unit) => unit.code).sort();

    const response = await stack.http().post('/api/cycles').set('Authorization', `Bearer ${admin}`).send({ provinceCode: 'GL', year: YEAR });

    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/api/cycles/GL-${YEAR}`);
    expect(response.body).toMatchObject({ id: `GL-${YEAR}`, provinceCode: 'GL', year: YEAR, stage: 'running', stageLabel: 'Đang thực hiện' });
    expect(response.body.units.map((unit: { unitCode: string }) => unit.unitCode).sort()).toEqual(participants);
    // Before 10/11: the end of 9/11 in Vietnam, or of the next working day when 9/11 is a day off.
    const annualDue = vietnamDateOf(response.body.calendar.annualReport.unitDue);
    expect(annualDue >= `${YEAR}-11-09` && annualDue <= `${YEAR}-11-11`).toBe(true);

    // Units wait for the provincial plan they draft from (seed 003, III.14); once it is issued, they draft.
    expect(response.body.units.every((unit: { stage: string }) => unit.stage === 'pending')).toBe(true);
    // The provincial plan starts once the province has the ministry's guidance for the year.
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    expect(await issueProvincialPlan(stack.client, stack.dataSource, `GL-${YEAR}`)).toBe('01/KH-UBND');
    const cycle = await eventually(async () => {
      const body = (await stack.http().get(`/api/cycles/GL-${YEAR}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
      expect(body.units.every((unit: { stage: string }) => unit.stage === 'drafting')).toBe(true);
      return body;
    }, { timeoutMs: 45_000 }); // every unit workflow reaches drafting on its own schedule; beside the rest of the suite on 2 cores that took over 15 s once
    expect(cycle.units[0].stageLabel).toBe('Đang xây dựng kế hoạch');

    // The cycle, its provincial plan and one workflow per unit.
    await eventually(async () => expect(await countWorkflows(YEAR)).toBe(participants.length + 2));
    const parent = await stack.client.workflow.getHandle(`annual-cycle/GL-${YEAR}`).describe();
    expect(parent.status.name).toBe('RUNNING');
    const child = await stack.client.workflow.getHandle(cycle.units[0].workflowId).describe();
    expect(child.parentExecution?.workflowId).toBe(`annual-cycle/GL-${YEAR}`);
  });

  it('returns the existing cycle when it is started again, and creates nothing', async () => {
    const before = { cycles: await countCycles(), workflows: await countWorkflows(YEAR) };

    const again = await stack.http().post('/api/cycles').set('Authorization', `Bearer ${admin}`).send({ provinceCode: 'GL', year: YEAR });

    expect(again.status).toBe(200);
    expect(again.body.id).toBe(`GL-${YEAR}`);
    expect(await countCycles()).toBe(before.cycles);
    expect(await countWorkflows(YEAR)).toBe(before.workflows);
  });

  it('starts one cycle when two admins press start at the same moment', async () => {
    const start = () =>
      stack.http().post('/api/cycles').set('Authorization', `Bearer ${admin}`).send({ provinceCode: 'GL', year: YEAR + 1, participatingUnitCodes: ['GL.STTTT'] });

    const statuses = (await Promise.all([start(), start()])).map((response) => response.status).sort();

    expect(statuses).toEqual([200, 201]);
    expect((await new CycleRepository(stack.dataSource).findByProvinceAndYear('GL', YEAR + 1))?.units).toHaveLength(1);
    // The cycle and its one unit; no provincial plan yet, as that year has no guidance.
    await eventually(async () => expect(await countWorkflows(YEAR + 1)).toBe(2));
  });

  describe('refuses bad input with a 400, a stable code and a Vietnamese message, writing nothing', () => {
    const BAD = YEAR + 2;
    const cases: Array<[string, unknown, string]> = [
      ['a missing province', { year: BAD }, 'CYCLE_PROVINCE_REQUIRED'],
      ['a year that is not a number', { provinceCode: 'GL', year: 'hai nghìn' }, 'CYCLE_YEAR_INVALID'],
      ['a year written as text', { provinceCode: 'GL', year: String(BAD) }, 'CYCLE_YEAR_INVALID'],
      ['a year out of range', { provinceCode: 'GL', year: 20333 }, 'CYCLE_YEAR_INVALID'],
      ['an unknown unit', { provinceCode: 'GL', year: BAD, participatingUnitCodes: ['GL.SNGV', 'GL.KHONG-CO'] }, 'CYCLE_UNIT_UNKNOWN'],
      ['a unit list that is not a list', { provinceCode: 'GL', year: BAD, participatingUnitCodes: 'GL.SNGV' }, 'CYCLE_UNITS_INVALID'],
      ['an unknown province', { provinceCode: 'ZZ', year: BAD }, 'CYCLE_PROVINCE_UNKNOWN'],
      ['an unknown field', { provinceCode: 'GL', year: BAD, provice: 'GL' }, 'REQUEST_FIELD_UNKNOWN'],
      ['a misspelt calendar key', { provinceCode: 'GL', year: BAD, calendar: { closeAt: `${BAD}-12-31T00:00:00Z` } }, 'CYCLE_CALENDAR_INVALID'],
      ['deadlines out of order', { provinceCode: 'GL', year: BAD, calendar: { unitPlanIssueDue: `${BAD}-01-01T00:00:00Z` } }, 'CYCLE_CALENDAR_INVALID'],
      ['a year already over', { provinceCode: 'GL', year: 2020 }, 'CYCLE_CALENDAR_PAST'],
    ];

    it.each(cases)('%s', async (_, body, code) => {
      const cyclesBefore = await countCycles();

      const response = await stack.http().post('/api/cycles').set('Authorization', `Bearer ${admin}`).send(body as object);

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code });
      expect(response.body.message).toMatch(/[àáảãạăâđêôơưẠ-ỹ]/i); // Vietnamese, for the official reading it
      expect(await countCycles()).toBe(cyclesBefore);
      expect(await workflowExists(BAD)).toBe(false);
      expect(await workflowExists(2020)).toBe(false);
    });

    it('a body that is not JSON', async () => {
      const response = await stack
        .http()
        .post('/api/cycles')
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'application/json')
        .send('{"provinceCode": "GL", "year": ');

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('REQUEST_JSON_INVALID');
    });
  });

  describe('lets only the province admin start a cycle', () => {
    it('asks an anonymous caller to log in', async () => {
      const response = await stack.http().post('/api/cycles').send({ provinceCode: 'GL', year: YEAR + 3 });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('AUTH_REQUIRED');
    });

    it('refuses an officer and another province admin', async () => {
      for (const username of ['canbo.songoaivu', 'admin.dn']) {
        const token = await stack.login(username);
        const response = await stack.http().post('/api/cycles').set('Authorization', `Bearer ${token}`).send({ provinceCode: 'GL', year: YEAR + 3 });
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('AUTH_FORBIDDEN');
      }
      expect(await workflowExists(YEAR + 3)).toBe(false);
    });

    it('refuses a wrong password without saying whether the account exists', async () => {
      const wrong = await stack.http().post('/api/auth/login').send({ username: 'admin.gl', password: 'sai' });
      const unknown = await stack.http().post('/api/auth/login').send({ username: 'khong.co', password: 'sai' });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body).toEqual(unknown.body);
    });
  });

  it('shows a cycle only to users of its province, answering others as if it did not exist', async () => {
    const outsider = await stack.login('admin.dn');

    const foreign = await stack.http().get(`/api/cycles/GL-${YEAR}`).set('Authorization', `Bearer ${outsider}`);
    const missing = await stack.http().get('/api/cycles/GL-1999').set('Authorization', `Bearer ${admin}`);

    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(foreign.body.code).toBe('CYCLE_NOT_FOUND');
    expect(missing.body.code).toBe('CYCLE_NOT_FOUND');
  });

  it('reports Temporal and PostgreSQL reachability', async () => {
    const response = await stack.http().get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'up', checks: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('answers 503 and names Temporal when Temporal cannot be reached', async () => {
    const unreachable = { ...stack.config, temporal: { ...stack.config.temporal, address: '127.0.0.1:1' } };
    const app = await createApp(unreachable, { logger: false });
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get('/api/health');
      expect(response.status).toBe(503);
      expect(response.body.checks).toEqual({ postgres: { status: 'up' }, temporal: { status: 'down' } });
    } finally {
      await app.close();
    }
  });

  it('serves the OpenAPI document', async () => {
    const response = await stack.http().get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/cycles', '/api/cycles/{id}', '/api/health']));
  });
});
