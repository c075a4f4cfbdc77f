import { HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CredentialsService } from '../../auth/credentials.service';
import { ApiException } from '../../common/api-exception';
import { AppConfig } from '../../config/app-config';
import { commonText } from '../i18n/common.messages';
import { LOCALE_COOKIE, localeOf } from '../i18n/locale';
import { WEB_ANONYMOUS, type AnonymousWebContext } from './web-context';
import { csrfTokenFor, csrfTokenMatches, SESSION_COOKIE } from './web-session';

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
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const user = typeof token === 'string' && token ? await this.credentials.userOf(token) : null;
    const locale = localeOf(request.cookies?.[LOCALE_COOKIE]);
    const secret = this.config.value.api.jwtSecret;
    request.web = { user, locale, csrfToken: user ? csrfTokenFor(token as string, secret) : '', path: request.originalUrl };
    if (user) request.user = user;

    const anonymous = this.reflector.getAllAndOverride<boolean>(WEB_ANONYMOUS, [context.getHandler(), context.getClass()]);
    if (!user && !anonymous) throw new SignInRequired(request.method === 'GET' ? request.originalUrl : '/app');
    if (request.method !== 'GET' && request.method !== 'HEAD') this.checkFormOrigin(request, user ? (token as string) : null, locale);
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
