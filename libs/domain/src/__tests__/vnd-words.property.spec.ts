import fc from 'fast-check';
import { vndInWords } from '..';

/*
 * An independent reading of Vietnamese numbers, written from the rules rather than from the library,
 * to check vndInWords against. The choices are those of official and accounting usage, which is also
 * what the southern seeds (Trà Vinh, Kiên Giang, Bình Dương) speak:
 *  - a zero tens digit after a hundreds digit reads `lẻ` (105 = một trăm lẻ năm), never `linh`;
 *  - every group after the first reads its hundreds, even a zero one (1.005.000 = một triệu không trăm
 *    lẻ năm nghìn), and a group of three zeros is not read at all (1.000.005 = một triệu không trăm lẻ năm);
 *  - `mười` for a tens digit of 1, `mươi` after 2–9; units after `mươi` read `mốt` (1) and `tư` (4),
 *    and after `mười` or `mươi` a 5 reads `lăm`; after `lẻ` or alone they keep `một`, `bốn`, `năm`;
 *  - the groups are nghìn, triệu, tỷ (spelt with y, as budgets are written), and above tỷ the count of
 *    tỷ is itself a number: 1.000.000.000.000 = một nghìn tỷ.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const BILLION = 1_000_000_000;

function readGroup(group: number, leading: boolean): string[] {
  const [hundreds, tens, units] = [Math.floor(group / 100), Math.floor(group / 10) % 10, group % 10];
  const words: string[] = [];
  const hundredsRead = !leading || hundreds > 0;
  if (hundredsRead) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0 && units > 0 && hundredsRead) words.push('lẻ');
  if (tens === 1) words.push('mười');
  if (tens > 1) words.push(DIGITS[tens], 'mươi');
  if (units === 0) return words;
  if (units === 1 && tens > 1) words.push('mốt');
  else if (units === 4 && tens > 1) words.push('tư');
  else if (units === 5 && tens > 0) words.push('lăm');
  else words.push(DIGITS[units]);
  return words;
}

/** Below a tỷ: triệu, nghìn and the last group, skipping groups of three zeros. */
function readBelowBillion(amount: number, leading: boolean): string[] {
  const words: string[] = [];
  const groups: Array<[number, string | null]> = [
    [Math.floor(amount / 1_000_000), 'triệu'],
    [Math.floor(amount / 1000) % 1000, 'nghìn'],
    [amount % 1000, null],
  ];
  for (const [group, name] of groups) {
    if (group === 0) continue;
    words.push(...readGroup(group, leading && words.length === 0));
    if (name) words.push(name);
  }
  return words;
}

function readAmount(amount: number, leading = true): string[] {
  if (amount < BILLION) return readBelowBillion(amount, leading);
  const billions = Math.floor(amount / BILLION);
  return [...readAmount(billions, leading), 'tỷ', ...readBelowBillion(amount % BILLION, false)];
}

function expectedWords(amount: number): string {
  const words = amount === 0 ? 'không' : readAmount(amount).join(' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`;
}

describe('the amount in words under an appendix table', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [4, 'Bốn đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [105, 'Một trăm lẻ năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1_005_000, 'Một triệu không trăm lẻ năm nghìn đồng'],
    [1_000_005, 'Một triệu không trăm lẻ năm đồng'],
    [200_000_000, 'Hai trăm triệu đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [2_100_000_000, 'Hai tỷ một trăm triệu đồng'],
    [2_000_005_000, 'Hai tỷ không trăm lẻ năm nghìn đồng'],
    [
      999_999_999_999,
      'Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    ],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [1_001_000_000_021, 'Một nghìn không trăm lẻ một tỷ không trăm hai mươi mốt đồng'],
  ])('writes %d as "%s"', (amount, words) => {
    expect(vndInWords(amount)).toBe(words);
    expect(expectedWords(amount)).toBe(words);
  });

  it('agrees with an independent reading for every amount up to the hundreds of tỷ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (amount) => vndInWords(amount) === expectedWords(amount)),
      { numRuns: 5000 },
    );
  });

  it('agrees on amounts made of the digits where the reading changes (0, 1, 4, 5)', () => {
    const tricky = fc.array(fc.constantFrom(0, 1, 4, 5), { minLength: 1, maxLength: 12 }).map((digits) => Number(digits.join('')));
    fc.assert(fc.property(tricky, (amount) => vndInWords(amount) === expectedWords(amount)), { numRuns: 5000 });
  });

  it('agrees beyond a nghìn tỷ, up to the largest whole number held exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000_000, max: Number.MAX_SAFE_INTEGER }), (amount) => vndInWords(amount) === expectedWords(amount)),
      { numRuns: 1000 },
    );
  });
});
