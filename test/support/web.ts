import type { TestStack } from './stack';

/** A browser's session in the web app, for tests that post its forms with supertest. */
export interface WebSession {
  cookie: string;
  csrf: string;
  get(path: string): ReturnType<ReturnType<TestStack['http']>['get']>;
  /** Posts a form the way a page does: urlencoded, with the session's form token. */
  post(path: string, form: Record<string, string | string[]>): ReturnType<ReturnType<TestStack['http']>['post']>;
}

export async function signInToWeb(stack: TestStack, username: string, options: { locale?: 'vi' | 'en' } = {}): Promise<WebSession> {
  const response = await stack.http().post('/app/login').type('form').send({ username, password: 'plancycle', next: '/app' });
  if (response.status !== 303) throw new Error(`Signing in ${username} answered ${response.status}`);
  const session = String(response.headers['set-cookie']).split(';')[0];
  const cookie = options.locale ? `${session}; pc_lang=${options.locale}` : session;
  const inbox = await stack.http().get('/app').set('Cookie', cookie);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(inbox.text)?.[1];
  if (!csrf) throw new Error('The inbox page has no form token.');
  return {
    cookie,
    csrf,
    get: (path) => stack.http().get(path).set('Cookie', cookie),
    post: (path, form) => stack.http().post(path).set('Cookie', cookie).type('form').send({ ...form, _csrf: csrf }),
  };
}
