import { HttpException, HttpStatus } from '@nestjs/common';

/** The body of every error answer: a stable `code` for programs, a Vietnamese `message` for people. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export class ApiException extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, details?: unknown) {
    super({ statusCode: status, code, message, ...(details === undefined ? {} : { details }) } satisfies ApiErrorBody, status);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new ApiException(HttpStatus.BAD_REQUEST, code, message, details);
export const notFound = (code: string, message: string) => new ApiException(HttpStatus.NOT_FOUND, code, message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new ApiException(HttpStatus.FORBIDDEN, 'AUTH_FORBIDDEN', message);
export const unauthorized = (message = 'Bạn cần đăng nhập để thực hiện thao tác này.') =>
  new ApiException(HttpStatus.UNAUTHORIZED, 'AUTH_REQUIRED', message);
