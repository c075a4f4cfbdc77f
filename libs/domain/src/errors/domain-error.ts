/**
 * An error a user can cause and act on. `code` is stable (clients and tests match on it);
 * `message` is Vietnamese, because that is what the official reading it speaks.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A rule check that collects every problem instead of stopping at the first one. */
export interface Problem {
  code: string;
  message: string;
  field?: string;
}
