import { HttpException } from '@nestjs/common';
import { DomainError, type Problem } from '@plancycle/domain';
import { createValidationPipe } from '../common/validation.pipe';

/** One text field of a posted form (a repeated name keeps its first value). */
export const one = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '');
/** Every value a repeated field (checkboxes, multiple select) posted. */
export const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((entry): entry is string => typeof entry === 'string' && entry !== '');

/** A checkbox is sent only when ticked. */
export const ticked = (value: unknown): boolean => one(value) !== '';

/**
 * The rows of an editable table as the browser posts them, `<prefix>.<index>.<field>`, in the order
 * shown; `index` is the row's position on the page, so a problem can be shown on the row it is about.
 */
export function formRows(body: Record<string, unknown>, prefix: string): Array<{ index: number; fields: Record<string, unknown> }> {
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,4})\\.([A-Za-z]+)$`);
  const byIndex = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(body)) {
    const match = pattern.exec(key);
    if (match) byIndex.set(Number(match[1]), { ...byIndex.get(Number(match[1])), [match[2]]: value });
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, fields]) => ({ index, fields }));
}

/**
 * A request body checked by the API's own validation pipe and DTO: a form is refused with exactly
 * the code and Vietnamese message the JSON API gives.
 */
export async function validated<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  return (await createValidationPipe().transform(plain, { type: 'body', metatype: type })) as T;
}

/** What the user can fix: a refusal's code, message and, when the service listed them, every problem. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  problems: Problem[];
}

/** A refusal a form shows in place (4xx, domain rule); null for anything else, which the caller rethrows. */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof DomainError) return { status: 400, code: error.code, message: error.message, problems: [] };
  if (!(error instanceof HttpException) || error.getStatus() >= 500) return null;
  const body = error.getResponse();
  if (typeof body !== 'object' || body === null || !('code' in body)) return null;
  const { code, message, details } = body as { code: string; message: string; details?: { problems?: Problem[] } };
  return { status: error.getStatus(), code, message, problems: Array.isArray(details?.problems) ? details.problems : [] };
}

/** A refusal's problems as the form shows them: its own list, or its one message. */
export function messagesOf(refusal: Refusal): string[] {
  return refusal.problems.length > 0 ? [...new Set(refusal.problems.map((problem) => problem.message))] : [refusal.message];
}
