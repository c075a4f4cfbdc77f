import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { startTestStack, type TestStack } from '../../support/stack';

/** Signing in to the web app: a cookie the page's scripts cannot read, forms only from our pages. */
describe('web app session', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack?.stop());

  async function signIn(username: string): Promise<{ cookie: string; csrf: string }> {
    const response = await stack.http().post('/app/login').type('form').send({ username, password: 'plancycle', next: '/app' }).expect(303);
    const cookie = String(response.headers['set-cookie']).split(';')[0];
    const inbox = await stack.http().get('/app').set('Cookie', cookie).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(inbox.text)?.[1];
    if (!csrf) throw new Error('The inbox page has no form token.');
    return { cookie, csrf };
  }

  it('sends someone not signed in to the sign-in page and back to where they were going', async () => {
    const response = await stack.http().get('/app?kind=draft').expect(303);
    expect(response.headers.location).toBe('/app/login?next=%2Fapp%3Fkind%3Ddraft');
    const form = await stack.http().get(response.headers.location).expect(200);
    expect(form.text).toContain('<html lang="vi">');
    expect(form.text).toContain('Đăng nhập');
    expect(form.text).toContain('value="/app?kind=draft"');
  });

  it('sets an HttpOnly, SameSite session cookie on sign-in and shows the inbox', async () => {
    const response = await stack.http().post('/app/login').type('form').send({ username: 'canbo.iadom', password: 'plancycle', next: '/app' }).expect(303);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^pc_session=[^;]+; Max-Age=28800; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const inbox = await stack.http().get('/app').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(inbox.text).toContain('Việc của tôi');
    expect(inbox.text).toContain('Không có việc nào đang chờ bạn.');
  });

  it('refuses a wrong password with the same message as an unknown user, and sets no cookie', async () => {
    const wrong = await stack.http().post('/app/login').type('form').send({ username: 'canbo.iadom', password: 'sai' }).expect(401);
    const unknown = await stack.http().post('/app/login').type('form').send({ username: 'khong.co', password: 'sai' }).expect(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.text).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('never redirects outside the app after sign-in', async () => {
    for (const next of ['https://evil.example/', '//evil.example/app', '/api/tasks']) {
      const response = await stack.http().post('/app/login').type('form').send({ username: 'canbo.iadom', password: 'plancycle', next }).expect(303);
      expect(response.headers.location).toBe('/app');
    }
  });

  it('refuses a form post without the session’s form token, or from another site', async () => {
    const { cookie, csrf } = await signIn('canbo.iadom');
    const missing = await stack.http().post('/app/logout').set('Cookie', cookie).type('form').send({}).expect(403);
    expect(missing.text).toContain('WEB_FORM_REFUSED');
    await stack.http().post('/app/logout').set('Cookie', cookie).type('form').send({ _csrf: 'forged' }).expect(403);
    await stack.http().post('/app/logout').set('Cookie', cookie).set('Origin', 'https://evil.example').type('form').send({ _csrf: csrf }).expect(403);
    const out = await stack.http().post('/app/logout').set('Cookie', cookie).type('form').send({ _csrf: csrf }).expect(303);
    expect(String(out.headers['set-cookie'])).toMatch(/^pc_session=;/);
  });

  it('does not let the session cookie stand in for the API’s bearer token', async () => {
    const { cookie } = await signIn('canbo.iadom');
    const response = await stack.http().get('/api/tasks').set('Cookie', cookie).expect(401);
    expect(response.body.code).toBe('AUTH_REQUIRED');
  });

  it('switches to English and back, returning to the same page', async () => {
    const { cookie } = await signIn('canbo.iadom');
    const toEnglish = await stack.http().get('/app/lang/en?back=%2Fapp%3Fkind%3Ddraft').set('Cookie', cookie).expect(303);
    expect(toEnglish.headers.location).toBe('/app?kind=draft');
    const language = String(toEnglish.headers['set-cookie']).split(';')[0];
    const inbox = await stack.http().get('/app').set('Cookie', `${cookie}; ${language}`).expect(200);
    expect(inbox.text).toContain('<html lang="en">');
    expect(inbox.text).toContain('My tasks');
  });

  it('serves its own script and stylesheet, revalidated by ETag', async () => {
    const script = await stack.http().get('/app/assets/app.js').expect(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.text).toContain('triệu'); // the total in words is spelled in the page by the domain's own code
    await stack.http().get('/app/assets/app.js').set('If-None-Match', script.headers.etag).expect(304);
    const styles = await stack.http().get('/app/assets/app.css').expect(200);
    expect(styles.headers['content-type']).toContain('text/css');
  });

  it('sends pages that run only their own code, cannot be framed and are not cached', async () => {
    const { cookie } = await signIn('canbo.iadom');
    const inbox = await stack.http().get('/app').set('Cookie', cookie).expect(200);
    expect(inbox.headers['content-security-policy']).toContain("default-src 'self'");
    expect(inbox.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(inbox.headers['x-frame-options']).toBe('DENY');
    expect(inbox.headers['x-content-type-options']).toBe('nosniff');
    expect(inbox.headers['cache-control']).toBe('no-store');
  });

  it('renews a session past half its life on a page load, and accepts a sign-in form from a tab with a session', async () => {
    const { cookie } = await signIn('canbo.iadom');
    const fresh = await stack.http().get('/app').set('Cookie', cookie).expect(200);
    expect(fresh.headers['set-cookie']).toBeUndefined();
    const user = (await stack.http().post('/api/auth/login').send({ username: 'canbo.iadom', password: 'plancycle' })).body.user as { id: string };
    const fiveHoursOld = new JwtService({ secret: stack.config.api.jwtSecret }).sign({ sub: user.id, jti: randomUUID(), iat: Math.floor(Date.now() / 1000) - 5 * 3600 }, { expiresIn: '8h' });
    const renewed = await stack.http().get('/app').set('Cookie', `pc_session=${fiveHoursOld}`).expect(200);
    expect(String(renewed.headers['set-cookie'])).toMatch(/^pc_session=(?!;)/);
    // A sign-in form left open in a tab, posted after signing in elsewhere: no form token, no refusal.
    await stack.http().post('/app/login').set('Cookie', cookie).type('form').send({ username: 'canbo.iadom', password: 'plancycle' }).expect(303);
  });

  it('answers an unknown web address with a page, and an unknown API address with JSON', async () => {
    const { cookie } = await signIn('canbo.iadom');
    const page = await stack.http().get('/app/khong-co-trang-nay').set('Cookie', cookie).expect(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Địa chỉ này không có trong PlanCycle.');
    const api = await stack.http().get('/api/khong-co').expect(404);
    expect(api.body.code).toBe('NOT_FOUND');
  });

  it('opens the front door on the web app and keeps the API under /api', async () => {
    await stack.http().get('/').expect(302).expect('location', '/app');
    await stack.http().get('/api/health').expect((response) => expect([200, 503]).toContain(response.status));
  });
});
