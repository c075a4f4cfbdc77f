import { addWorkingDays } from '@plancycle/domain';
import { WorkCalendarRepository } from '@plancycle/persistence';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';

/** The government fixes Tết's days each year: an admin sets them, and working days follow at once. */
describe('days off and make-up days per year', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const as = (username: string) => requestsAs(stack, tokens[username]);
  const YEAR = 2040;

  beforeAll(async () => {
    stack = await startTestStack();
    for (const username of ['admin.gl', 'canbo.iadom']) tokens[username] = await stack.login(username);
  });
  afterAll(() => stack?.stop());

  it('shows the library baseline for a year nobody set, marked as such', async () => {
    const days = (await as('canbo.iadom').get(`/api/work-calendar/${YEAR}`).expect(200)).body as Array<{ date: string; source: string }>;
    expect(days.map((day) => day.date)).toEqual(expect.arrayContaining([`${YEAR}-01-01`, `${YEAR}-04-30`, `${YEAR}-05-01`, `${YEAR}-09-02`]));
    expect(new Set(days.map((day) => day.source))).toEqual(new Set(['baseline']));
  });

  it('refuses bad lists and non-admins, writing nothing', async () => {
    const before = await stack.dataSource.query(`SELECT count(*) FROM work_calendar_days`);
    const cases: Array<[string, string, object, number, string]> = [
      ['an officer', 'canbo.iadom', { days: [] }, 403, 'AUTH_FORBIDDEN'],
      ['a make-up day on a weekday', 'admin.gl', { days: [{ date: `${YEAR}-01-01`, kind: 'day_off', name: 'Tết' }, { date: `${YEAR}-01-09`, kind: 'working_day', name: 'x' }] }, 400, 'WORK_CALENDAR_KIND_INVALID'],
      ['no list', 'admin.gl', {}, 400, 'WORK_CALENDAR_INVALID'],
    ];
    for (const [, username, body, status, code] of cases) {
      const response = await as(username).put(`/api/work-calendar/${YEAR}`, body);
      expect([response.status, response.body.code]).toEqual([status, code]);
    }
    const badYear = await as('admin.gl').put('/api/work-calendar/20x0', { days: [] });
    expect([badYear.status, badYear.body.code]).toEqual([400, 'WORK_CALENDAR_YEAR_INVALID']);
    expect(await stack.dataSource.query(`SELECT count(*) FROM work_calendar_days`)).toEqual(before);
  });

  it('replaces the year, and working days count with the new list at once', async () => {
    // Tết 2040 falls on Sunday 12/02; a made-up decision: Thursday 9/2 to Wednesday 15/2 off, Saturday 18/2 worked.
    const tet = ['09', '10', '13', '14', '15'].map((day) => ({ date: `${YEAR}-02-${day}`, kind: 'day_off', name: 'Tết Nguyên đán' }));
    const days = [{ date: `${YEAR}-01-01`, kind: 'day_off', name: 'Tết Dương lịch' }, { date: `${YEAR}-01-02`, kind: 'day_off', name: 'Nghỉ bù Tết Dương lịch' }, ...tet, { date: `${YEAR}-02-18`, kind: 'working_day', name: 'Làm bù' }];
    const saved = await as('admin.gl').put(`/api/work-calendar/${YEAR}`, { days }).expect(200);
    expect(saved.body).toHaveLength(8);
    expect(saved.body.find((day: { date: string }) => day.date === `${YEAR}-01-01`).source).toBe('baseline');

    const calendar = await new WorkCalendarRepository(stack.dataSource).workCalendarFor([YEAR]);
    expect(addWorkingDays(`${YEAR}-02-08`, 1, calendar)).toBe(`${YEAR}-02-16`);
    expect(addWorkingDays(`${YEAR}-02-17`, 1, calendar)).toBe(`${YEAR}-02-18`);
    // The baseline is not seeded over the admin's list.
    expect(await new WorkCalendarRepository(stack.dataSource).seedBaseline([YEAR])).toBe(0);
    expect((await as('admin.gl').get(`/api/work-calendar/${YEAR}`).expect(200)).body).toHaveLength(8);
  });
});
