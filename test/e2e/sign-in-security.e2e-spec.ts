import { FAILURES_PER_ACCOUNT } from '@plancycle/api';
import { startTestStack, type TestStack } from '../support/stack';
import { signInToWeb } from '../support/web';

/** Signing in and out: guessing is slowed down, and a token signed out of stays refused. */
describe('sign-in security', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack?.stop());

  const login = (username: string, password: string) => stack.http().post('/api/auth/login').send({ username, password });
  const me = (token: string) => stack.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  it('refuses a token once its holder has signed out, and only that token', async () => {
    const signedOut = await stack.login('canbo.iadom');
    const otherDevice = await stack.login('canbo.iadom');
    await me(signedOut).expect(200);

    await stack.http().post('/api/auth/logout').set('Authorization', `Bearer ${signedOut}`).expect(204);

    const refused = await me(signedOut).expect(401);
    expect(refused.body).toMatchObject({ code: 'AUTH_REQUIRED' });
    await stack.http().post('/api/auth/logout').set('Authorization', `Bearer ${signedOut}`).expect(401);
    await me(otherDevice).expect(200);
  });

  it('ends the web session for good on sign-out: the old cookie opens nothing afterwards', async () => {
    const session = await signInToWeb(stack, 'thamdinh.ducco');
    await session.get('/app').expect(200);

    await session.post('/app/logout', {}).expect(303);

    const after = await session.get('/app').expect(303);
    expect(after.headers.location).toMatch(/^\/app\/login/);
  });

  it(`makes an account wait after ${FAILURES_PER_ACCOUNT} wrong passwords from one address, even with the right one`, async () => {
    for (let attempt = 0; attempt < FAILURES_PER_ACCOUNT; attempt++) await login('lanhdao.songoaivu', 'đoán-sai').expect(401);

    const blocked = await login('lanhdao.songoaivu', 'plancycle').expect(429);
    expect(blocked.body).toMatchObject({ code: 'AUTH_TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: expect.any(Number) } });
    expect(blocked.body.message).toMatch(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút/);
    // The web form says the same on the form itself.
    const page = await stack.http().post('/app/login').type('form').send({ username: 'lanhdao.songoaivu', password: 'plancycle' }).expect(429);
    expect(page.text).toContain('Đăng nhập sai quá nhiều lần');
    expect(page.headers['set-cookie']).toBeUndefined();
    // Another account from the same address is not held back by it.
    await login('canbo.songoaivu', 'plancycle').expect(200);
  });

  it('counts guesses sent side by side as surely as guesses sent one by one', async () => {
    const answers = await Promise.all(Array.from({ length: 3 * FAILURES_PER_ACCOUNT }, () => login('canbo.tranbien', 'đoán-song-song')));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(FAILURES_PER_ACCOUNT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * FAILURES_PER_ACCOUNT);
  });

  it('forgets an account’s mistakes once it signs in, so a few typos never add up to a lock-out', async () => {
    for (let round = 0; round < 3; round++) {
      for (let attempt = 0; attempt < FAILURES_PER_ACCOUNT - 1; attempt++) await login('pheduyet.ducco', 'gõ-nhầm').expect(401);
      await login('pheduyet.ducco', 'plancycle').expect(200);
    }
  });

  it('counts failures in the database, where every API process sees them', async () => {
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM sign_in_failures WHERE key LIKE 'account:%'`);
    expect(count).toBeGreaterThan(0);
    const names = await stack.dataSource.query(`SELECT key FROM sign_in_failures WHERE key LIKE '%songoaivu%'`);
    expect(names).toEqual([]);
  });
});
