import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { unauthorized } from '../common/api-exception';
import { IS_PUBLIC, type AuthenticatedUser } from './authenticated-user';
import { SESSION_COOKIE } from '../web/session/web-session';
import { CredentialsService } from './credentials.service';

/**
 * Checks the bearer token, then reloads the user so that a deactivated account or a removed role
 * takes effect at once rather than when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(CredentialsService) private readonly credentials: CredentialsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      // A public page may still want to know who is signed in (an email link checks it is theirs),
      // by bearer token or by the web app's session cookie. Only to refuse: a link's token is what
      // authorises its decision, so a cookie sent along by another site's form grants nothing.
      if (request.headers.authorization) await this.identify(request).catch(() => undefined);
      // The web app's own pages (/app) have their session guard, which reads the cookie itself.
      else if (typeof request.cookies?.[SESSION_COOKIE] === 'string' && !String(request.originalUrl).startsWith('/app')) {
        request.user = (await this.credentials.userOf(request.cookies[SESSION_COOKIE])) ?? undefined;
      }
      return true;
    }
    await this.identify(request);
    return true;
  }

  /** Sets `request.user` from the bearer token, or throws 401. */
  private async identify(request: { headers: Record<string, string | undefined>; user?: AuthenticatedUser }): Promise<void> {
    const token = bearerToken(request);
    if (!token) throw unauthorized();
    const user = await this.credentials.userOf(token);
    if (!user) throw unauthorized('Phiên đăng nhập không hợp lệ, đã hết hạn, hoặc tài khoản không còn hoạt động. Vui lòng đăng nhập lại.');
    request.user = user;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null: one reading for the guard and for sign-out. */
export function bearerToken(request: { headers: Record<string, string | string[] | undefined> }): string | null {
  const [scheme, token, ...rest] = String(request.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token && rest.length === 0 ? token : null;
}
