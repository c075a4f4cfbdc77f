import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { signActionToken } from '@plancycle/notifications';
import { UserRepository } from '@plancycle/persistence';
import type { TestStack } from '../../support/stack';
import { createAccount } from './accounts';
import { toSignIn, type Caller } from './matrix';

export interface TokenCheck {
  token: string;
  where: string;
  status: number;
  refused: boolean;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Tokens no one may act with, each tried as a bearer token on a read and a write of the API and as
 * the web app's session cookie: forged, unsigned (`alg: none`), expired, tampered with, signed out
 * of, of a deactivated account, of no account, and of a subject that is no user id at all.
 */
export async function checkTokenRefusals(stack: TestStack, caller: Caller & { id: string }): Promise<TokenCheck[]> {
  const secret = stack.config.api.jwtSecret;
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: caller.id, jti: randomUUID() };
  const genuine = await stack.login(caller.identity!.username);
  const [header, , signature] = genuine.split('.');

  const signedOut = await stack.login(caller.identity!.username);
  await stack.http().post('/api/auth/logout').set('Authorization', `Bearer ${signedOut}`).expect(204);
  const deactivatedId = await createAccount(stack, 'authz.deactivated', caller.identity!.roles);
  const deactivated = await stack.login('authz.deactivated');
  await new UserRepository(stack.dataSource).setActive(deactivatedId, false);

  const tokens: Record<string, string> = {
    forged: new JwtService({ secret: `${secret}x` }).sign(claims, { expiresIn: '1h' }),
    unsigned: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, iat: now, exp: now + 3600 })}.`,
    expired: new JwtService({ secret }).sign({ ...claims, iat: now - 9 * 3600, exp: now - 3600 }),
    tampered: `${header}.${base64url({ ...claims, sub: randomUUID(), iat: now, exp: now + 3600 })}.${signature}`,
    'signed out': signedOut,
    deactivated,
    'no such account': new JwtService({ secret }).sign({ sub: randomUUID(), jti: randomUUID() }, { expiresIn: '1h' }),
    'subject no user id': new JwtService({ secret }).sign({ sub: 'admin.gl', jti: randomUUID() }, { expiresIn: '1h' }),
  };
  const checks: TokenCheck[] = [];
  for (const [name, token] of Object.entries(tokens)) {
    const read = await stack.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    const write = await stack.http().put('/api/me/notification-preferences').set('Authorization', `Bearer ${token}`).send({ locale: 'en', digest: true });
    const page = await stack.http().get('/app').set('Cookie', `pc_session=${token}`).redirects(0);
    checks.push(
      { token: name, where: 'GET /api/auth/me', status: read.status, refused: read.status === 401 && read.body.code === 'AUTH_REQUIRED' },
      { token: name, where: 'PUT /api/me/notification-preferences', status: write.status, refused: write.status === 401 && write.body.code === 'AUTH_REQUIRED' },
      { token: name, where: 'GET /app (session cookie)', status: page.status, refused: toSignIn(page) },
    );
  }
  return checks;
}

export interface LinkCheck {
  link: string;
  status: number;
  code: string | undefined;
}

const codeOf = (html: string) => /<code>([A-Z_]+)<\/code>/.exec(html)?.[1];

/**
 * Email links minted for the approval task now open (test/e2e/email-tasks covers the links mailed
 * for real): forged, expired, opened while someone else is signed in, for an older version, for a
 * closed account, and a genuine one posted twice. Returns each answer, the genuine first use last.
 */
export async function checkLinkRefusals(stack: TestStack, task: { id: string; version: number }, recipient: Caller & { id: string }, someoneElse: Caller): Promise<LinkCheck[]> {
  const secret = stack.config.api.linkSecret;
  const claims = { userId: recipient.id, taskId: task.id, action: 'approve' as const, version: task.version, expiresAt: new Date(Date.now() + 24 * 3600_000) };
  const link = (changes: Partial<typeof claims> = {}, key = secret) => `/api/actions/${signActionToken({ ...claims, ...changes }, key)}`;
  const closedId = await createAccount(stack, 'authz.approver.closed', recipient.identity!.roles);
  await new UserRepository(stack.dataSource).setActive(closedId, false);
  const post = async (name: string, path: string, bearer?: string) => {
    let test = stack.http().post(path).type('form');
    if (bearer) test = test.set('Authorization', `Bearer ${bearer}`);
    const response = await test.send({ comments: '' });
    return { link: name, status: response.status, code: codeOf(response.text) };
  };
  const genuine = link();
  return [
    await post('forged', link({}, `${secret}x`)),
    await post('expired', link({ expiresAt: new Date(Date.now() - 60_000) })),
    await post('someone else’s, while signed in', genuine, someoneElse.token),
    await post('for an older version', link({ version: task.version - 1 })),
    await post('of a closed account', link({ userId: closedId })),
    await post('genuine', genuine),
    await post('genuine, used again', genuine),
  ];
}
