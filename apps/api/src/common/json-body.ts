import { json, urlencoded, type NextFunction, type Request, type Response } from 'express';
import type { ApiErrorBody } from './api-exception';

/** Big enough for a plan with hundreds of items, small enough to refuse a flood. */
const BODY_LIMIT = '1mb';

const PARSER_ERRORS: Record<string, ApiErrorBody> = {
  'entity.parse.failed': { statusCode: 400, code: 'REQUEST_JSON_INVALID', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' },
  'entity.too.large': { statusCode: 413, code: 'REQUEST_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn (tối đa 1 MB).' },
  'encoding.unsupported': { statusCode: 415, code: 'REQUEST_ENCODING_UNSUPPORTED', message: 'Bảng mã của dữ liệu không được hỗ trợ; hãy dùng UTF-8.' },
  'parameters.too.many': { statusCode: 413, code: 'REQUEST_TOO_LARGE', message: 'Biểu mẫu gửi lên có quá nhiều trường.' },
  'charset.unsupported': { statusCode: 415, code: 'REQUEST_ENCODING_UNSUPPORTED', message: 'Bảng mã của dữ liệu không được hỗ trợ; hãy dùng UTF-8.' },
};

/**
 * JSON bodies (and the form posts of the email-link pages), parsed by us rather than by Nest's
 * default parser, so that a malformed body gets our own error shape and code instead of the
 * parser's English message.
 */
export function jsonBody() {
  return [
    json({ limit: BODY_LIMIT }),
    urlencoded({ extended: false, limit: '100kb', parameterLimit: 20 }),
    (error: { type?: string }, _request: Request, response: Response, next: NextFunction) => {
      const known = error?.type ? PARSER_ERRORS[error.type] : undefined;
      if (known) response.status(known.statusCode).json(known);
      else next(error);
    },
  ];
}
