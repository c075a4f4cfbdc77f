import { formatVnd, isValidBudget, parseVndAmount, vndInWords } from '..';

describe('budgets in đồng', () => {
  it('writes the Trà Vinh 2020 total as the appendix does', () => {
    expect(formatVnd(200_000_000)).toBe('200.000.000');
    expect(vndInWords(200_000_000)).toBe('Hai trăm triệu đồng');
  });

  it('reads zeros inside a number the way officials read them', () => {
    expect(vndInWords(2_021_005)).toBe('Hai triệu không trăm hai mươi mốt nghìn không trăm lẻ năm đồng');
    expect(vndInWords(0)).toBe('Không đồng');
  });

  it('accepts only whole, non-negative amounts', () => {
    expect(isValidBudget(750_000_000)).toBe(true);
    expect(isValidBudget(-1)).toBe(false);
    expect(isValidBudget(10.5)).toBe(false);
    expect(isValidBudget('200000000')).toBe(false);
    expect(isValidBudget(Number.MAX_SAFE_INTEGER + 2)).toBe(false);
    expect(() => vndInWords(-5)).toThrow(RangeError);
  });
});

describe('reading an amount an official typed', () => {
  it('reads plain digits, dots between thousands and spaces alike', () => {
    expect(parseVndAmount('200000000')).toBe(200_000_000);
    expect(parseVndAmount('200.000.000')).toBe(200_000_000);
    expect(parseVndAmount(' 200 000 000 ')).toBe(200_000_000);
    expect(parseVndAmount('')).toBeNull();
  });

  it('refuses to guess at a dot or comma that does not separate thousands', () => {
    for (const text of ['1,5', '2.50', '200.000.00', '12abc', '1.000,5']) expect(parseVndAmount(text)).toBe('invalid');
    expect(parseVndAmount('-5.000')).toBe('negative');
    expect(parseVndAmount('99999999999999999999')).toBe('invalid');
  });
});
