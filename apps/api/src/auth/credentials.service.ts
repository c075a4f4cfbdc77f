import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword, RevokedTokenRepository, UserRepository, verifyPassword } from '@plancycle/persistence';
import type { AuthenticatedUser } from './authenticated-user';
import { SignInThrottle } from './sign-in-throttle';

let dummy: Promise<string> | undefined;
/** A real hash of nothing, so that checking an unknown user costs what checking a real one does. */
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

interface TokenClaims {
  sub: string;
  /** Every token has its own id, so signing out of one revokes that one only. */
  jti: string;
  iat?: number;
  exp?: number;
}

/** Checks a user name and password and issues the token: one path for the API's bearer and the web's cookie. */
@Injectable()
export class CredentialsService {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(RevokedTokenRepository) private readonly revoked: RevokedTokenRepository,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(SignInThrottle) private readonly throttle: SignInThrottle,
  ) {}

  /**
   * The user and a fresh token, or null. Same answer and the same scrypt work for an unknown name and
   * a wrong password. Throws 429 once `address` has failed too often (SignInThrottle).
   */
  async signIn(username: string, password: string, address: string): Promise<{ token: string; user: AuthenticatedUser } | null> {
    await this.throttle.attempt(username, address);
    const user = await this.users.findByUsername(username);
    const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !user.active || !passwordMatches) return null;
    await this.throttle.succeeded(username, address);
    return {
      token: await this.issue(user.id),
      user: { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles },
    };
  }

  /** A fresh token for a signed-in user, so a session in use does not end in the middle of a form. */
  renew(user: AuthenticatedUser): Promise<string> {
    return this.issue(user.id);
  }

  /** Signing out: the token is refused from now on. A token that is already invalid needs nothing. */
  async signOut(token: string): Promise<void> {
    const claims = await this.verified(token);
    if (claims?.exp) await this.revoked.revoke(claims.jti, new Date(claims.exp * 1000));
  }

  /** When a (verified) token was issued, in milliseconds. */
  issuedAt(token: string): number {
    return (this.jwt.decode<TokenClaims | null>(token)?.iat ?? 0) * 1000;
  }

  /** The active user a token names, or null when the token is forged, expired, signed out of or the account closed. */
  async userOf(token: string): Promise<AuthenticatedUser | null> {
    const claims = await this.verified(token);
    if (!claims || (await this.revoked.isRevoked(claims.jti))) return null;
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active) return null;
    return { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles };
  }

  private issue(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId }, { jwtid: randomUUID() });
  }

  /** The claims of a genuine, unexpired token that can be signed out of (one issued before sign-out existed has no id: sign in again). */
  private async verified(token: string): Promise<TokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(token);
      return typeof claims.sub === 'string' && typeof claims.jti === 'string' ? (claims as TokenClaims) : null;
    } catch {
      return null;
    }
  }
}
