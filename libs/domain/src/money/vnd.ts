import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

/** Budgets are whole đồng: no fractions, never negative, and within what a number holds exactly. */
export function isValidBudget(amount: unknown): amount is number {
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0;
}

/** `200.000.000`, with dots between thousands as official documents write it (seed 002). */
export function formatVnd(amount: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount);
}

const WORDS = Object.assign(new ReadingConfig(), { unit: ['đồng'] });

/** `Hai trăm triệu đồng`: the total in words under a plan's appendix table (seed 002). */
export function vndInWords(amount: number): string {
  if (!isValidBudget(amount)) throw new RangeError(`Not a whole, non-negative amount of đồng: ${amount}`);
  const words = doReadNumber(String(amount), WORDS);
  return words.charAt(0).toLocaleUpperCase('vi-VN') + words.slice(1);
}
