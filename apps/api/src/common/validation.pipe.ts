import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { badRequest } from './api-exception';

interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * class-validator with our error shape: each constraint names its code in `context.code` and its
 * Vietnamese message; the first problem gives the answer its top-level code, all of them are listed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: true,
    exceptionFactory: (errors) => {
      // One line per field and code: IsInt, Min and Max failing together say the same thing once.
      const problems = [...new Map(errors.flatMap((error) => flatten(error, '')).map((p) => [`${p.field}|${p.code}`, p])).values()];
      const first = problems[0] ?? { code: 'REQUEST_INVALID', message: 'Yêu cầu không hợp lệ.' };
      return badRequest(first.code, first.message, { problems });
    },
  });
}

function flatten(error: ValidationError, prefix: string): FieldProblem[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.entries(error.constraints ?? {}).map(([constraint, message]): FieldProblem => {
    if (constraint === 'whitelistValidation') {
      return { field, code: 'REQUEST_FIELD_UNKNOWN', message: `Trường không được hỗ trợ: ${field}.` };
    }
    const code = (error.contexts?.[constraint] as { code?: string } | undefined)?.code ?? 'REQUEST_INVALID';
    return { field, code, message };
  });
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}
