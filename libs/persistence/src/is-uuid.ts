/**
 * Ids in URLs are user input: a malformed one is simply not found, rather than a database error
 * (PostgreSQL refuses to compare a uuid column with text that is not one).
 */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
