import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

/** Budgets are whole đồng: no fractions, never negative, and within what a number holds exactly. */
export function isValidBudget(amount: unknown): amount is number {
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0;
}

/** `200.000.000`, with dots between thousands as official documents write it (seed 002). */
export function formatVnd(amount: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount);
}

// The library spells the third group `tỉ`; budgets and the laws on them write `tỷ` (`nghìn tỷ đồng`).
// It already reads `lẻ` (105 = một trăm lẻ năm), `mốt`, `tư`, `lăm` and `không trăm` inside a number.
const WORDS = Object.assign(new ReadingConfig(), { unit: ['đồng'], units: [[], ['nghìn'], ['triệu'], ['tỷ']] });

/** `Hai trăm triệu đồng`: the total in words under a plan's appendix table (seed 002). */
export function vndInWords(amount: number): string {
  if (!isValidBudget(amount)) throw new RangeError(`Not a whole, non-negative amount of đồng: ${amount}`);
  const words = doReadNumber(String(amount), WORDS);
  return words.charAt(0).toLocaleUpperCase('vi-VN') + words.slice(1);
}

/**
 * An amount as an official types it: `200000000`, `200.000.000` (dots between thousands, as documents
 * write it) or with spaces. A dot anywhere else (`2.50`, `200.000.00`) or a comma is not read as a
 * guess: `invalid`. Empty is "no amount" (null).
 */
export function parseVndAmount(text: string): number | null | 'invalid' | 'negative' {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  const negative = compact.startsWith('-');
  const digits = negative ? compact.slice(1) : compact;
  if (!/^\d+$/.test(digits) && !/^\d{1,3}(\.\d{3})+$/.test(digits)) return 'invalid';
  const amount = Number(digits.replace(/\./g, ''));
  if (!isValidBudget(amount)) return 'invalid';
  return negative && amount > 0 ? 'negative' : amount;
}
