import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/authenticated-user';
import { clientAddress } from '../../auth/auth.controller';
import { CredentialsService } from '../../auth/credentials.service';
import { ApiException } from '../../common/api-exception';
import { AppConfig } from '../../config/app-config';
import { commonText } from '../i18n/common.messages';
import { LOCALE_COOKIE, localeOf } from '../i18n/locale';
import { html } from '../views/html';
import { page } from '../views/layout';
import { Anonymous, Web, WebController, type AnonymousWebContext } from './web-context';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './web-session';

/** Only paths of this app: `next=https://elsewhere` must not turn sign-in into an open redirect. */
function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/app(\/|\?|$)/.test(value) && !value.startsWith('//') ? value : '/app';
}

@WebController('')
export class SessionController {
  constructor(
    @Inject(CredentialsService) private readonly credentials: CredentialsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Anonymous()
  @Get('login')
  form(@Web() context: AnonymousWebContext, @Query('next') next: string | undefined, @Res() response: Response): void {
    if (context.user) return response.redirect(303, safeReturnPath(next));
    response.type('html').send(loginPage(context, { next: safeReturnPath(next) }));
  }

  @Anonymous()
  @Post('login')
  async signIn(@Web() context: AnonymousWebContext, @Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const refuse = (status: number, error: string) => response.status(status).type('html').send(loginPage(context, { next: safeReturnPath(body.next), username, error }));
    let session: Awaited<ReturnType<CredentialsService['signIn']>> = null;
    try {
      if (username && password) session = await this.credentials.signIn(username, password, clientAddress(request));
    } catch (error) {
      if (!(error instanceof ApiException && error.getStatus() === HttpStatus.TOO_MANY_REQUESTS)) throw error;
      // Too many failed attempts: said on the sign-in form itself, where the official is looking.
      refuse(429, (error.getResponse() as { message: string }).message);
      return;
    }
    if (!session) {
      refuse(401, commonText(context.locale).loginFailed);
      return;
    }
    setSessionCookie(response, session.token, this.secure());
    response.redirect(303, safeReturnPath(body.next));
  }

  @Post('logout')
  @HttpCode(303)
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await this.credentials.signOut(token);
    clearSessionCookie(response, this.secure());
    response.redirect(303, '/app/login');
  }

  /** The language switch: a preference, not a change of data, so a plain link may set it. */
  @Anonymous()
  @Get('lang/:locale')
  switchLanguage(@Param('locale') locale: string, @Query('back') back: string | undefined, @Res() response: Response): void {
    response.cookie(LOCALE_COOKIE, localeOf(locale), { sameSite: 'lax', secure: this.secure(), path: '/', maxAge: 365 * 24 * 3600 * 1000 });
    response.redirect(303, safeReturnPath(back));
  }

  private secure(): boolean {
    return this.config.value.api.publicUrl.startsWith('https:');
  }
}

/** `/` is the web app's front door. */
@Controller()
@Public()
@ApiExcludeController()
export class FrontDoorController {
  @Get()
  root(@Res() response: Response): void {
    response.redirect(302, '/app');
  }
}

function loginPage(context: AnonymousWebContext, form: { next: string; username?: string; error?: string }): string {
  const text = commonText(context.locale);
  return page(context, {
    title: text.loginTitle,
    body: html`<section class="card narrow">
  <h1>${text.loginTitle}</h1>
  <p class="muted">${text.loginIntro}</p>
  ${form.error && html`<p class="error" role="alert" id="login-error">${form.error}</p>`}
  <form method="post" action="/app/login" class="stack">
    <input type="hidden" name="next" value="${form.next}">
    <label for="username">${text.username}</label>
    <input id="username" name="username" autocomplete="username" required autofocus value="${form.username ?? ''}"${form.error ? html` aria-describedby="login-error"` : ''}>
    <label for="password">${text.password}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit" class="primary">${text.signIn}</button>
  </form>
</section>`,
  });
}
