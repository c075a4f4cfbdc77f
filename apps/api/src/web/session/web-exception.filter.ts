import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@plancycle/domain';
import { RETRY_AFTER_SECONDS, serviceUnavailable } from '../../common/service-unavailable';
import { commonText } from '../i18n/common.messages';
import { LOCALE_COOKIE, localeOf } from '../i18n/locale';
import { errorPage } from '../views/layout';
import type { AnonymousWebContext } from './web-context';
import { SignInRequired } from './web-session.guard';

/**
 * Errors on web pages answer as pages: a missing session sends the browser to sign in and back;
 * a refusal (4xx) shows its Vietnamese message and stable code; anything else is logged and shown
 * as a generic failure that leaks nothing.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebExceptionFilter');

  catch(raised: unknown, host: ArgumentsHost): void {
    const exception = serviceUnavailable(raised) ?? raised;
    const request = host.switchToHttp().getRequest<Request & { web?: AnonymousWebContext }>();
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof SignInRequired) {
      response.redirect(303, `/app/login?next=${encodeURIComponent(exception.returnTo)}`);
      return;
    }
    const context: AnonymousWebContext = request.web ?? { user: null, locale: localeOf(request.cookies?.[LOCALE_COOKIE]), csrfToken: '', path: request.originalUrl };
    const error = this.describe(exception, context);
    if (error.status === 503) {
      this.logger.warn(`${error.code}: ${raised instanceof Error ? raised.message : String(raised)}`);
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    } else if (error.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(error.status).type('html').send(errorPage(context, error));
  }

  private describe(exception: unknown, context: AnonymousWebContext): { status: number; code: string; message: string } {
    if (exception instanceof DomainError) return { status: 400, code: exception.code, message: exception.message };
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'code' in body) {
        const { code, message } = body as { code: string; message: string };
        return { status: exception.getStatus(), code, message };
      }
      // The framework's own refusals (no such route, …) carry an English message: say it in the page's language.
      const status = exception.getStatus();
      const text = commonText(context.locale);
      return { status, code: status === 404 ? 'NOT_FOUND' : `HTTP_${status}`, message: status === 404 ? text.notFoundMessage : status < 500 ? text.badRequest : text.serverError };
    }
    return { status: 500, code: 'INTERNAL_ERROR', message: commonText(context.locale).serverError };
  }
}
