import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Response } from 'express';

export const SESSION_COOKIE = 'pc_session';
/** One working day, like the API's bearer token. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;

/**
 * The session cookie holds the same signed token the API hands out, where page scripts cannot read
 * it (HttpOnly) and other sites' forms do not send it (SameSite=Lax).
 */
export function setSessionCookie(response: Response, token: string, secure: boolean): void {
  response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_LIFETIME_MS });
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/**
 * The form token of a session (synchronizer pattern, derived rather than stored): a page posts it
 * back in `_csrf`; another site can make the browser post but cannot read the page to learn it.
 */
export function csrfTokenFor(sessionToken: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf|${sessionToken}`).digest('base64url');
}

export function csrfTokenMatches(sent: unknown, sessionToken: string, secret: string): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken, secret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
