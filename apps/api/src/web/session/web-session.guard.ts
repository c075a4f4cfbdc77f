import { HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { CredentialsService } from '../../auth/credentials.service';
import { ApiException } from '../../common/api-exception';
import { AppConfig } from '../../config/app-config';
import { commonText } from '../i18n/common.messages';
import { LOCALE_COOKIE, localeOf } from '../i18n/locale';
import { WEB_ANONYMOUS, type AnonymousWebContext } from './web-context';
import { csrfTokenFor, csrfTokenMatches, SESSION_COOKIE, SESSION_LIFETIME_MS, setSessionCookie } from './web-session';

/** Thrown when a page needs a signed-in user: the filter sends the browser to the sign-in page. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('sign in required');
  }
}

@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(CredentialsService) private readonly credentials: CredentialsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { web?: AnonymousWebContext; user?: unknown }>();
    const sent: unknown = request.cookies?.[SESSION_COOKIE];
    const user = typeof sent === 'string' && sent ? await this.credentials.userOf(sent) : null;
    const locale = localeOf(request.cookies?.[LOCALE_COOKIE]);
    const reading = request.method === 'GET' || request.method === 'HEAD';
    const anonymous = this.reflector.getAllAndOverride<boolean>(WEB_ANONYMOUS, [context.getHandler(), context.getClass()]);
    if (!user && !anonymous) throw new SignInRequired(reading ? request.originalUrl : '/app');
    // The sign-in form carries no form token (a tab left open may post it with a session): Origin only.
    if (!reading) this.checkFormOrigin(request, user && !anonymous ? (sent as string) : null, locale);

    // A session past half its life is renewed on a page load, so an official working all day is not
    // signed out in the middle of a plan; the page's form token follows the new cookie.
    let token = sent as string;
    if (user && reading && Date.now() - this.credentials.issuedAt(token) > SESSION_LIFETIME_MS / 2) {
      token = await this.credentials.renew(user);
      setSessionCookie(context.switchToHttp().getResponse<Response>(), token, this.config.value.api.publicUrl.startsWith('https:'));
    }
    // After a refused post the page is shown at the post's address; the language switch goes back to the form's page.
    const path = reading ? request.originalUrl : sameSitePath(request.headers.referer, request) ?? '/app';
    request.web = { user, locale, csrfToken: user ? csrfTokenFor(token, this.config.value.api.jwtSecret) : '', path };
    if (user) request.user = user;
    return true;
  }

  /**
   * A post must come from our own pages: with a session, it carries the session's form token; in
   * every case a browser's Origin header, when sent, names this server.
   */
  private checkFormOrigin(request: Request, sessionToken: string | null, locale: 'vi' | 'en'): void {
    const refuse = () => new ApiException(HttpStatus.FORBIDDEN, 'WEB_FORM_REFUSED', commonText(locale).csrfRefused);
    const origin = request.headers.origin;
    if (origin && origin !== `${request.protocol}://${request.headers.host}` && origin !== new URL(this.config.value.api.publicUrl).origin) throw refuse();
    if (sessionToken && !csrfTokenMatches((request.body as Record<string, unknown> | undefined)?._csrf, sessionToken, this.config.value.api.jwtSecret)) throw refuse();
  }
}

/** The path of a Referer on this server, or null. */
function sameSitePath(referer: string | undefined, request: Request): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.host === request.headers.host && url.pathname.startsWith('/app') ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
