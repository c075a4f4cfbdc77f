import { json, urlencoded, type NextFunction, type Request, type Response } from 'express';
import type { ApiErrorBody } from './api-exception';

/** Big enough for a plan with hundreds of items, small enough to refuse a flood. */
const BODY_LIMIT = '1mb';
/** Far deeper than any body PlanCycle reads (a plan's rows are four levels); past it the DTO transformer runs out of stack. */
const MAX_DEPTH = 32;

const UNREADABLE: Record<'nul' | 'deep', ApiErrorBody> = {
  // PostgreSQL text cannot hold U+0000: refused here rather than failing in the database.
  nul: { statusCode: 400, code: 'REQUEST_CHARACTER_INVALID', message: 'Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL).' },
  deep: { statusCode: 400, code: 'REQUEST_JSON_TOO_DEEP', message: `Dữ liệu gửi lên lồng nhau quá sâu (tối đa ${MAX_DEPTH} cấp).` },
};

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
 * parser's English message. Last, every request (its path and query, its parsed body or form) is
 * refused when it holds what nothing downstream can take.
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
    (request: Request, response: Response, next: NextFunction) => {
      // Express 5 leaves the body undefined when no parser read it (another content type, none at
      // all); handlers read fields off it, so it is empty instead, as under Express 4.
      request.body ??= {};
      const problem = /%00/i.test(request.originalUrl) ? 'nul' : unreadable(request.body);
      if (problem) response.status(UNREADABLE[problem].statusCode).json(UNREADABLE[problem]);
      else next();
    },
  ];
}

// A UTF-16 half without its other half: JSON may carry one (`"\ud800"`), PostgreSQL's jsonb refuses it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * What no handler can take in a parsed body (or a form's fields): a NUL character, or nesting past
 * MAX_DEPTH. Walked without recursion. On the way, a lone surrogate in a value becomes U+FFFD, as
 * UTF-8 text would carry it, so a text column and a jsonb column store the same thing.
 */
function unreadable(body: unknown): 'nul' | 'deep' | null {
  const pending: Array<[unknown, number]> = [[body, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return 'deep';
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return 'nul';
      if (typeof child === 'string') {
        if (child.includes('\u0000')) return 'nul';
        const wellFormed = child.replace(LONE_SURROGATE, '\ufffd');
        if (wellFormed !== child) (value as Record<string, unknown>)[key] = wellFormed;
      } else pending.push([child, depth + 1]);
    }
  }
  return null;
}
