import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { UserRepository } from '@plancycle/persistence';
import { unauthorized } from '../common/api-exception';
import { IS_PUBLIC, type AuthenticatedUser } from './authenticated-user';

/**
 * Checks the bearer token, then reloads the user so that a deactivated account or a removed role
 * takes effect at once rather than when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      // A public page may still want to know who is signed in (an email link checks it is theirs).
      if (request.headers.authorization) await this.identify(request).catch(() => undefined);
      return true;
    }
    await this.identify(request);
    return true;
  }

  /** Sets `request.user` from the bearer token, or throws 401. */
  private async identify(request: { headers: Record<string, string | undefined>; user?: AuthenticatedUser }): Promise<void> {
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized();

    let subject: string;
    try {
      subject = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      throw unauthorized('Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    }
    const user = await this.users.findById(subject);
    if (!user || !user.active) throw unauthorized('Tài khoản không còn hoạt động.');
    request.user = { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles } satisfies AuthenticatedUser;
  }
}
