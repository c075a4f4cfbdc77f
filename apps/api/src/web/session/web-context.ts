import { applyDecorators, Controller, createParamDecorator, SetMetadata, UseFilters, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { Public } from '../../auth/authenticated-user';
import type { Locale } from '../i18n/locale';
import { WebExceptionFilter } from './web-exception.filter';
import { WebSessionGuard } from './web-session.guard';

/** What every page needs to know about who asks and how to answer. */
export interface WebContext {
  user: AuthenticatedUser;
  locale: Locale;
  /** Put in every form this page posts: the guard refuses a post without it. */
  csrfToken: string;
  /** The path and query asked for, for the language switch to come back to. */
  path: string;
}

/** The context of a page open to everyone (sign-in): no user yet. */
export type AnonymousWebContext = Omit<WebContext, 'user'> & { user: AuthenticatedUser | null };

export const WEB_ANONYMOUS = 'plancycle:web-anonymous';
/** Opens one page of the web app to people not signed in. */
export const Anonymous = () => SetMetadata(WEB_ANONYMOUS, true);

/**
 * A controller of the web app: its pages live under /app (outside the API's /api prefix), know their
 * user from the session cookie rather than a bearer token, check CSRF on every post, and answer
 * errors with a page instead of JSON. Kept out of the OpenAPI document.
 */
export function WebController(path: string) {
  return applyDecorators(Controller(`app${path ? `/${path}` : ''}`), Public(), UseGuards(WebSessionGuard), UseFilters(WebExceptionFilter), ApiExcludeController());
}

export const Web = createParamDecorator((_: unknown, context: ExecutionContext): WebContext => context.switchToHttp().getRequest().web);
