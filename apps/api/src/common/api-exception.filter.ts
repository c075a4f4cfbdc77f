import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@plancycle/domain';
import type { ApiErrorBody } from './api-exception';
import { RETRY_AFTER_SECONDS, serviceUnavailable } from './service-unavailable';

/** Generic answers for errors raised by the framework itself, before our code runs. */
const FRAMEWORK_ERRORS: Partial<Record<number, Omit<ApiErrorBody, 'statusCode'>>> = {
  [HttpStatus.BAD_REQUEST]: { code: 'REQUEST_INVALID', message: 'Yêu cầu không hợp lệ.' },
  [HttpStatus.NOT_FOUND]: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ được yêu cầu.' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: { code: 'REQUEST_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn.' },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: { code: 'REQUEST_MEDIA_TYPE', message: 'Định dạng dữ liệu không được hỗ trợ.' },
};

/**
 * Every error leaves as `{ statusCode, code, message }`. What a user caused is a 4xx with a message
 * they can act on; PostgreSQL or Temporal out of reach is a 503 to try again later; anything else is
 * logged and answered with a 500 that leaks nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  /** `pages`: who answers, as a page, what reaches no controller under the web app's path (an unknown /app address). */
  constructor(private readonly pages?: { pathPrefix: string; filter: ExceptionFilter }) {}

  catch(raised: unknown, host: ArgumentsHost): void {
    const exception = serviceUnavailable(raised) ?? raised;
    const response = host.switchToHttp().getResponse<Response>();
    const path = host.switchToHttp().getRequest<Request>().originalUrl ?? '';
    if (this.pages && (path === this.pages.pathPrefix || path.startsWith(`${this.pages.pathPrefix}/`) || path.startsWith(`${this.pages.pathPrefix}?`))) {
      this.pages.filter.catch(exception, host);
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.warn(`${body.code}: ${raised instanceof Error ? raised.message : String(raised)}`);
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: HttpStatus.BAD_REQUEST, code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) return response as ApiErrorBody;
      const known = FRAMEWORK_ERRORS[statusCode];
      return known ? { statusCode, ...known } : { statusCode, code: `HTTP_${statusCode}`, message: exception.message };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Hệ thống gặp lỗi. Vui lòng thử lại sau hoặc báo quản trị viên.' };
  }
}
