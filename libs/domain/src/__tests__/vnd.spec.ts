import { formatVnd, isValidBudget, vndInWords } from '..';

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
