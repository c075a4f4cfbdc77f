import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { hashPassword, UserRepository, verifyPassword } from '@plancycle/persistence';
import type { AuthenticatedUser } from './authenticated-user';

let dummy: Promise<string> | undefined;
/** A real hash of nothing, so that checking an unknown user costs what checking a real one does. */
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** Checks a user name and password and issues the token: one path for the API's bearer and the web's cookie. */
@Injectable()
export class CredentialsService {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  /** The user and a fresh token, or null. Same answer and the same scrypt work for an unknown name and a wrong password. */
  async signIn(username: string, password: string): Promise<{ token: string; user: AuthenticatedUser } | null> {
    const user = await this.users.findByUsername(username);
    const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !user.active || !passwordMatches) return null;
    return {
      token: await this.jwt.signAsync({ sub: user.id }),
      user: { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles },
    };
  }

  /** A fresh token for a signed-in user, so a session in use does not end in the middle of a form. */
  renew(user: AuthenticatedUser): Promise<string> {
    return this.jwt.signAsync({ sub: user.id });
  }

  /** When a (verified) token was issued, in milliseconds. */
  issuedAt(token: string): number {
    return ((this.jwt.decode<{ iat?: number } | null>(token)?.iat ?? 0) * 1000);
  }

  /** The active user a token names, or null when the token is forged, expired or the account closed. */
  async userOf(token: string): Promise<AuthenticatedUser | null> {
    let subject: string;
    try {
      subject = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      return null;
    }
    const user = await this.users.findById(subject);
    if (!user || !user.active) return null;
    return { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles };
  }
}
