/**
 * Số, ký hiệu of an issued document (Nghị định 30/2020/NĐ-CP): the issuer's running number for the
 * calendar year, then `/`, then the symbol, e.g. `516/KH-UBND`. Numbers below 10 take a leading 0
 * (`05/KH-UBND`). A draft has no number: it is given only at issuance (seed 002).
 */
export function formatDocumentNumber(number: number, symbol: string): string {
  if (!Number.isSafeInteger(number) || number < 1) throw new RangeError(`A document number starts at 1: ${number}`);
  return `${String(number).padStart(2, '0')}/${symbol}`;
}

/** `KH-UBND`, `KH-SNgV`, `KH-STTTT-TTBCXB`: letters (Vietnamese included) in groups joined by `-`. */
export function isDocumentSymbol(value: unknown): value is string {
  return typeof value === 'string' && /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u.test(value) && value.length <= 50;
}
